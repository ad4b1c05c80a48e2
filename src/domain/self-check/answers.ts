/**
 * Findings on the wizard's own answers (field paths `profile.*`): the owner's existing 主体备案号 and what a 注销 needs
 * (its kind, the number and the AppID).
 */
import { PLATFORMS } from '../rules/platforms'
import type { CancelKind, FilingProfile, PlatformId } from '../types'
import { parseFilingNumber } from '../validators/filing-number'
import type { Findings } from './findings'

export const CANCEL_KIND_LABELS: Record<CancelKind, string> = {
  owner: '注销主体',
  mini_program: '注销小程序',
  access: '取消接入'
}

/** AppIDs as the platforms issue them; a mismatch is only a warning (the platforms do not publish the format). */
const APP_ID_PATTERNS: Record<PlatformId, RegExp> = {
  weapp: /^wx[0-9a-f]{16}$/i,
  tt: /^tt[0-9a-z]{16,18}$/i,
  alipay: /^\d{16}$/
}

function existingOwnerFindings(out: Findings, profile: FilingProfile): void {
  const value = profile.existingOwnerFilingNumber?.trim()
  if (!value) return
  const parsed = parseFilingNumber(value)
  const field = 'profile.existingOwnerFilingNumber'
  if (!parsed.ok) {
    out.add(
      field,
      'error',
      parsed.code ?? 'FILING_NUMBER_FORMAT',
      parsed.message ?? '备案号格式不正确',
      '从已备案网站、App 或小程序的备案信息中复制主体备案号'
    )
    return
  }
  out.add(
    field,
    'info',
    'EXISTING_OWNER_MUST_MATCH',
    `主体已有备案号${parsed.normalized}：本次是在已有主体下新增小程序，主办单位名称、证件号码和主体负责人信息须与已备案的信息完全一致，否则会被驳回`,
    '对照已备案的信息逐项核对；信息已变化的，先办理主体变更备案'
  )
}

function cancelFindings(out: Findings, profile: FilingProfile): void {
  const kind = profile.cancelKind
  if (!kind) {
    out.add('profile.cancelKind', 'error', 'CANCEL_KIND_REQUIRED', '请选择注销类型', '注销主体、注销小程序或取消接入')
    return
  }
  const number = profile.cancelFilingNumber?.trim()
  const ownerKind = kind === 'owner'
  if (!number) {
    out.add(
      'profile.cancelFilingNumber',
      'error',
      'REQUIRED',
      `${CANCEL_KIND_LABELS[kind]}需要备案号`,
      ownerKind ? '填写主体备案号，形如“京ICP备12345678号”' : '填写小程序备案号，形如“京ICP备12345678号-1X”'
    )
  } else {
    const parsed = parseFilingNumber(number)
    if (!parsed.ok) {
      out.add(
        'profile.cancelFilingNumber',
        'error',
        parsed.code ?? 'FILING_NUMBER_FORMAT',
        parsed.message ?? '备案号格式不正确',
        '从备案成功的短信或邮件中复制'
      )
    } else if (ownerKind ? parsed.kind !== 'owner' : parsed.kind !== 'miniprogram') {
      out.add(
        'profile.cancelFilingNumber',
        'error',
        'CANCEL_NUMBER_KIND',
        ownerKind
          ? '注销主体要填写主体备案号，不带“-1X”等服务序号'
          : `${CANCEL_KIND_LABELS[kind]}要填写小程序的备案号（以“X”结尾）`,
        ownerKind
          ? `填写“${parsed.provinceAbbr}ICP备${parsed.ownerNumber}号”`
          : '在小程序的备案信息中找到以“-数字X”结尾的备案号'
      )
    }
  }
  if (ownerKind) return
  const appId = profile.appId?.trim()
  if (!appId) {
    out.add(
      'profile.appId',
      'error',
      'REQUIRED',
      `${CANCEL_KIND_LABELS[kind]}需要小程序的 AppID`,
      `在${PLATFORMS[profile.platform].shortName}后台的开发设置中复制 AppID`
    )
  } else if (!APP_ID_PATTERNS[profile.platform].test(appId)) {
    out.add(
      'profile.appId',
      'warning',
      'APP_ID_FORMAT',
      `AppID“${appId}”不像${PLATFORMS[profile.platform].name}的 AppID`,
      '从平台后台复制，不要手动输入'
    )
  }
}

export function answerFindings(out: Findings, profile: FilingProfile): void {
  if (profile.filingType === 'cancel') {
    cancelFindings(out, profile)
    return
  }
  existingOwnerFindings(out, profile)
}
