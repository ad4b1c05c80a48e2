/** Pre-approval (前置审批) keyword detection over the texts reviewers read. */
import type { FilingTexts, IndustryId } from './types'
import { INDUSTRIES, INDUSTRY_IDS } from './rules/industries'

export interface PreApprovalHit {
  industry: IndustryId
  keyword: string
  /** Which text it was found in. */
  field: keyof FilingTexts
}

// Keywords are Chinese or upper-case Latin; texts are compared upper-cased and without spaces
const KEYWORDS: { industry: IndustryId; keyword: string }[] = INDUSTRY_IDS.flatMap((industry) =>
  INDUSTRIES[industry].keywords.map((keyword) => ({ industry, keyword: keyword.toUpperCase() }))
)

const normalize = (text: string) => text.replace(/\s+/g, '').toUpperCase()

/**
 * Mentions a text rules out are not hits: business scopes routinely say 「（不含教育培训活动）」「不从事…」
 * 「除依法须经批准的项目外」. A negation runs to the end of its clause (、 joins items inside it); 除…外 to its 外.
 */
const NEGATED_CLAUSE =
  /(?:不含|不包含|不包括|不得从事|不从事|不涉及|不提供|不开展|不经营|不得开展|不得经营)[^。；;，,）)\n]*/g
const EXCEPT_CLAUSE = /除[^。；;，,（）()\n]*?外/g

/** The text without its negated mentions; a separator keeps the pieces around them from joining into a word. */
export function withoutNegatedMentions(text: string): string {
  return text.replace(NEGATED_CLAUSE, '｜').replace(EXCEPT_CLAUSE, '｜')
}

/** Every keyword hit in a text, in the order of the industry list; negated mentions do not count. */
export function findPreApprovalKeywords(text: string): { industry: IndustryId; keyword: string }[] {
  const t = normalize(withoutNegatedMentions(text ?? ''))
  if (!t) return []
  return KEYWORDS.filter((k) => t.includes(k.keyword))
}

/** The industries whose keywords appear in `text`, each once, in the order of the industry list. */
export function detectPreApproval(text: string): IndustryId[] {
  const out: IndustryId[] = []
  for (const hit of findPreApprovalKeywords(text)) if (!out.includes(hit.industry)) out.push(hit.industry)
  return out
}

const TEXT_FIELDS: (keyof FilingTexts)[] = ['ownerName', 'businessScope', 'appName', 'appDescription']

/** Keyword hits over the owner name, business scope, mini-program name and description. */
export function detectPreApprovalInTexts(texts: FilingTexts): PreApprovalHit[] {
  const hits: PreApprovalHit[] = []
  for (const field of TEXT_FIELDS) {
    const text = texts[field]
    if (text) for (const k of findPreApprovalKeywords(text)) hits.push({ ...k, field })
  }
  return hits
}

export const TEXT_FIELD_LABELS: Record<keyof FilingTexts, string> = {
  ownerName: '主办单位名称',
  businessScope: '经营范围',
  appName: '小程序名称',
  appDescription: '小程序备注'
}
