/**
 * 注销: what each kind needs. 注销主体 removes the owner and every service filed under it (the owner's number);
 * 注销小程序 removes one mini-program's filing, 取消接入 only its access through this platform (both the
 * mini-program's number …-NX and its AppID). Industries and business scope play no part.
 */
import { SOURCE } from '../rules/sources'
import { MATERIALS } from '../rules/materials'
import { OWNER_TYPES } from '../rules/owner-types'
import { PLATFORMS } from '../rules/platforms'
import { CANCEL_KIND_LABELS } from '../self-check/answers'
import type { CancelKind, ChecklistItem, FilingProfile } from '../types'
import { item } from './material-item'

const KIND_EFFECT: Record<CancelKind, string> = {
  owner: '主体名下所有网站、App 和小程序的备案都会被注销',
  mini_program: '只注销这个小程序的备案，主体和其他服务不受影响',
  access: '小程序不再通过该平台接入，备案号保留，可改由其他平台接入'
}

/** What the cancellation letter must name, with what the user already gave. */
function identifiers(profile: FilingProfile, kind: CancelKind | undefined): string[] {
  const number = profile.cancelFilingNumber?.trim()
  const out = [
    number
      ? `备案号：${number}`
      : kind === 'owner'
        ? '需要主体备案号（形如“京ICP备12345678号”）'
        : '需要小程序备案号（形如“京ICP备12345678号-1X”）'
  ]
  if (kind !== 'owner') {
    const appId = profile.appId?.trim()
    out.push(appId ? `AppID：${appId}` : '需要小程序的 AppID（平台后台 → 开发设置）')
  }
  return out
}

export function cancelChecklist(profile: FilingProfile): ChecklistItem[] {
  const platform = PLATFORMS[profile.platform]
  const ownerType = OWNER_TYPES[profile.ownerType]
  const kind = profile.cancelKind
  const kindLabel = kind ? CANCEL_KIND_LABELS[kind] : '注销'
  const items = [
    item('ownership_proof', true, `${kindLabel}需证明申请人就是备案主体：${ownerType.certificateTitle}`, {
      title: `主体归属证明（${ownerType.certificateTitle}）`
    })
  ]
  if (profile.ownerType !== 'individual') {
    items.push(item('owner_principal_id', true, `${kindLabel}由主体负责人申请，需核验其身份证`))
  }
  items.push(
    item(
      'cancellation_request',
      true,
      `${
        kind
          ? `${kindLabel}：${KIND_EFFECT[kind]}。申请写明${kind === 'owner' ? '主体备案号' : '备案号和 AppID'}、主体和原因`
          : '先选择注销类型（注销主体 / 注销小程序 / 取消接入），三者注销的范围不同'
      }。申请方式：${platform.cancellation}`,
      {
        title: kind ? `注销申请说明（${kindLabel}）` : MATERIALS.cancellation_request.title,
        tips: [
          ...identifiers(profile, kind),
          ...MATERIALS.cancellation_request.tips,
          `申请方式：${platform.cancellation}`
        ],
        source: `${platform.source}；${SOURCE.providerGuides}`
      }
    )
  )
  return items
}

/** The 注销申请 template's {cancelKind}, {filingNumber} and {appId}, from the answers (undefined: still to write). */
export function cancellationTemplateValues(
  profile: FilingProfile
): Record<'cancelKind' | 'filingNumber' | 'appId', string | undefined> {
  const kind = profile.cancelKind
  return {
    cancelKind: kind ? CANCEL_KIND_LABELS[kind] : undefined,
    filingNumber: profile.cancelFilingNumber?.trim() || undefined,
    appId: kind === 'owner' ? undefined : profile.appId?.trim() || undefined
  }
}
