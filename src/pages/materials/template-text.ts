/**
 * Template wording (授权书, 不涉及前置审批承诺书 …) filled with what the user entered. Sensitive values (ID numbers,
 * credit codes) are never filled in — the view holds them masked, and a mask in a signed letter is worse than a
 * blank — and neither is anything only the signer can know (the date, the explanation of a keyword): those become
 * blank lines to write by hand, and the page lists them.
 */
import { undeclaredKeywordHits } from '../../domain/checklist'
import { fillTemplate, templatePlaceholders } from '../../domain/rules/materials'
import { PLATFORMS } from '../../domain/rules/platforms'
import { PROVINCES } from '../../domain/rules/provinces'
import type { ChecklistItem, Filing } from '../../domain/types'

export const BLANK = '________'
const DATE_BLANK = '____年__月__日'

/** Where a filing is made, as a letter addresses it. */
const PLATFORM_BACKENDS: Record<Filing['profile']['platform'], string> = {
  weapp: '微信公众平台',
  tt: '抖音开放平台',
  alipay: '支付宝开放平台'
}

/** What each placeholder asks for, when the user has to write it by hand. */
function placeholderLabels(filing: Filing): Record<string, string> {
  const individual = filing.profile.ownerType === 'individual'
  return {
    bureau: '通信管理局名称',
    authorizedName: '被授权人姓名',
    authorizedIdNumber: '被授权人身份证号码',
    ownerName: individual ? '你的姓名' : '主办单位名称',
    ownerNumber: individual ? '你的身份证号码' : '统一社会信用代码',
    role: '被授权担任的职务',
    appName: '小程序名称',
    platformName: '备案平台',
    date: '日期',
    legalRepName: '法定代表人姓名',
    ownerKind: '主体类型',
    serviceDescription: '小程序提供的服务',
    keywords: '命中的关键词',
    keywordExplanation: '关键词在本小程序中的真实含义',
    signer: '承诺人',
    serviceDetail: '小程序服务内容',
    consultDate: '咨询日期',
    authorityName: '咨询的主管部门',
    authorityPhone: '主管部门电话',
    reason: '注销原因',
    cancelKind: '注销类型（注销主体 / 注销小程序 / 取消接入）',
    appId: '小程序 AppID',
    filingNumber: '备案号'
  }
}

const trimmed = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined)

/** A text the template ends with its own full stop: without the user's closing punctuation. */
const sentence = (v: string | undefined): string | undefined => trimmed(v?.trim().replace(/[。．.；;，,！!\s]+$/, ''))

/** Values taken from the filing: only what the user entered or chose, never a masked value. */
export function templateValues(filing: Filing): Record<string, string | undefined> {
  const { profile, form } = filing
  const individual = profile.ownerType === 'individual'
  const ownerName = trimmed(form.owner?.name) ?? trimmed(profile.texts?.ownerName)
  const ownerPrincipal = trimmed(form.ownerPrincipal?.name)
  const appPrincipal = trimmed(form.appPrincipal?.name)
  const ownerNot = !profile.ownerPrincipalIsLegalRep
  const appNot = !profile.appPrincipalIsLegalRep
  const authorized = [ownerNot ? ownerPrincipal : undefined, appNot ? appPrincipal : undefined].filter(Boolean)
  const hits = [...new Set(undeclaredKeywordHits(profile).map((h) => h.keyword))]
  // '小学' adds nothing next to '中小学': keep the longer keyword only
  const keywords = hits.filter((k) => !hits.some((other) => other !== k && other.includes(k)))
  const description = sentence(form.miniProgram?.description) ?? sentence(profile.texts?.appDescription)
  return {
    bureau: PROVINCES[profile.province]?.bureau,
    platformName: PLATFORM_BACKENDS[profile.platform] ?? PLATFORMS[profile.platform]?.name,
    ownerName,
    appName: trimmed(form.miniProgram?.name) ?? trimmed(profile.texts?.appName) ?? trimmed(filing.title),
    // both names only when both are known: half a list would read as complete
    authorizedName:
      authorized.length === Number(ownerNot) + Number(appNot) ? [...new Set(authorized)].join('、') : undefined,
    role:
      ownerNot && appNot ? '主体负责人和小程序负责人' : ownerNot ? '主体负责人' : appNot ? '小程序负责人' : undefined,
    legalRepName: profile.ownerPrincipalIsLegalRep
      ? ownerPrincipal
      : profile.appPrincipalIsLegalRep
        ? appPrincipal
        : undefined,
    ownerKind: individual ? '人' : '单位',
    serviceDescription: description,
    serviceDetail: description,
    keywords: keywords.length ? keywords.join('”“') : undefined,
    signer: ownerName,
    filingNumber: filing.progress?.filingNumber,
    // sensitive or known only to the signer: written by hand
    ownerNumber: undefined,
    authorizedIdNumber: undefined,
    date: undefined,
    keywordExplanation: undefined
  }
}

export interface FilledTemplate {
  text: string
  /** What is left blank, in the order it appears, for the user to write by hand. */
  blanks: string[]
}

/** The item's template with every placeholder filled or turned into a blank line. */
export function fillItemTemplate(item: ChecklistItem, filing: Filing): FilledTemplate | undefined {
  if (!item.template) return undefined
  const known = templateValues(filing)
  const labels = placeholderLabels(filing)
  const values: Record<string, string> = {}
  const blanks: string[] = []
  for (const key of templatePlaceholders(item.template)) {
    const value = known[key]
    if (value) {
      values[key] = value
    } else {
      values[key] = key === 'date' || key === 'consultDate' ? DATE_BLANK : BLANK
      blanks.push(labels[key] ?? key)
    }
  }
  return { text: fillTemplate(item.template, values), blanks }
}
