/** 前置审批: the answer, the approval documents, and industry keywords the texts hit without a declaration. */
import type { FilingForm, FilingProfile, IndustryId, OwnerType, PreApprovalEntry } from '../types'
import { detectPreApprovalInTexts, TEXT_FIELD_LABELS } from '../pre-approval'
import { INDUSTRIES, SERVICE_TYPE_INDUSTRIES } from '../rules/industries'
import { blank, type Findings } from './findings'

/** What the pre-approval checks look at, gathered once. */
interface PreApprovalFacts {
  industries: IndustryId[]
  approvals: PreApprovalEntry[]
  approved: Set<IndustryId>
  /** How many keyword hits name an industry neither declared in the wizard nor approved in the form. */
  undeclared: number
  /** The first three of those hits, as text. */
  hitText: string
}

function preApprovalFacts(form: FilingForm, profile: FilingProfile | undefined): PreApprovalFacts {
  const mp = form.miniProgram
  const industries = profile?.industries ?? []
  const approvals = mp.preApprovals ?? []
  const hits = detectPreApprovalInTexts({
    ownerName: form.owner.name ?? profile?.texts.ownerName,
    businessScope: form.owner.businessScope ?? profile?.texts.businessScope,
    appName: mp.name ?? profile?.texts.appName,
    appDescription: mp.description ?? profile?.texts.appDescription
  })
  const approved = new Set(approvals.map((a) => a.industry))
  const undeclared = hits.filter((h) => !approved.has(h.industry) && !industries.includes(h.industry))
  const hitText = undeclared
    .slice(0, 3)
    .map((h) => `${TEXT_FIELD_LABELS[h.field]}中的“${h.keyword}”（${INDUSTRIES[h.industry].label}）`)
    .join('、')
  return { industries, approvals, approved, undeclared: undeclared.length, hitText }
}

function checkUnanswered(out: Findings, { undeclared, hitText }: PreApprovalFacts): void {
  out.add(
    'miniProgram.preApproval',
    'error',
    undeclared ? 'PRE_APPROVAL_KEYWORD_UNDECLARED' : 'PRE_APPROVAL_UNANSWERED',
    undeclared
      ? `${hitText}命中前置审批行业关键词，但还没有回答是否涉及前置审批`
      : '前置审批须明确回答：上传审批文件，或选择“以上都不涉及”',
    undeclared ? '涉及的上传审批文件；不涉及的选择“以上都不涉及”并准备不涉及前置审批承诺书' : '按实际业务选择'
  )
}

function checkAnsweredNone(out: Findings, { industries, undeclared, hitText }: PreApprovalFacts): void {
  if (industries.length) {
    out.add(
      'miniProgram.preApproval',
      'error',
      'PRE_APPROVAL_MISSING',
      `你选择了涉及${industries.map((i) => INDUSTRIES[i].label).join('、')}，却在表单中选择了“以上都不涉及”`,
      '上传主管部门的审批文件，填写审批文号'
    )
  } else if (undeclared) {
    out.add(
      'miniProgram.preApproval',
      'warning',
      'PRE_APPROVAL_COMMITMENT_NEEDED',
      `${hitText}命中前置审批行业关键词，选择“以上都不涉及”时需附不涉及前置审批承诺书`,
      '在材料清单中下载承诺书模板，签字盖章后上传，或在备注中说明'
    )
  }
}

function checkApprovalEntries(out: Findings, approvals: PreApprovalEntry[]): void {
  if (!approvals.length) {
    out.add(
      'miniProgram.preApprovals',
      'error',
      'REQUIRED',
      '请填写前置审批文件',
      '上传审批文件，填写审批文号和文件名称'
    )
  }
  approvals.forEach((a, i) => {
    if (blank(a.approvalNumber)) {
      out.add(
        `miniProgram.preApprovals.${i}.approvalNumber`,
        'error',
        'REQUIRED',
        `请填写${INDUSTRIES[a.industry]?.label ?? ''}审批文号`,
        '按审批文件原样填写'
      )
    }
    if (blank(a.fileName)) {
      out.add(
        `miniProgram.preApprovals.${i}.fileName`,
        'error',
        'REQUIRED',
        `请填写${INDUSTRIES[a.industry]?.label ?? ''}审批文件名称`,
        '按审批文件标题填写'
      )
    }
  })
}

function checkAnsweredHas(out: Findings, facts: PreApprovalFacts): void {
  const { industries, approvals, approved, undeclared, hitText } = facts
  checkApprovalEntries(out, approvals)
  const missing = industries.filter((i) => !approved.has(i))
  if (missing.length) {
    out.add(
      'miniProgram.preApprovals',
      'error',
      'PRE_APPROVAL_MISSING',
      `缺少${missing.map((i) => INDUSTRIES[i].label).join('、')}的前置审批文件`,
      '为每个涉及的行业上传审批文件'
    )
  }
  if (undeclared) {
    out.add(
      'miniProgram.preApprovals',
      'warning',
      'PRE_APPROVAL_COMMITMENT_NEEDED',
      `${hitText}命中其他前置审批行业的关键词，不涉及的部分需附承诺书`,
      '准备不涉及前置审批承诺书，写明关键词的真实含义'
    )
  }
}

/** A chosen service type that is a pre-approval industry, without that industry declared or approved. */
function checkServiceTypeIndustries(out: Findings, form: FilingForm, facts: PreApprovalFacts): void {
  const undeclared = (form.miniProgram.serviceTypes ?? []).filter((t) => {
    const industry = SERVICE_TYPE_INDUSTRIES[t]
    return industry && !facts.industries.includes(industry) && !facts.approved.has(industry)
  })
  if (!undeclared.length) return
  const labels = undeclared.map((t) => INDUSTRIES[SERVICE_TYPE_INDUSTRIES[t]].label)
  out.add(
    'miniProgram.serviceTypes',
    'error',
    'SERVICE_TYPE_NEEDS_PRE_APPROVAL',
    `服务内容类型选了${undeclared.map((t) => `“${t}”`).join('')}，属于须前置审批的${labels.join('、')}，但没有申报前置审批`,
    '涉及的：选择“涉及，已取得前置审批”并填写审批文件；实际不提供的：改选真实的服务内容类型'
  )
}

export function checkPreApproval(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  profile: FilingProfile | undefined
): void {
  const facts = preApprovalFacts(form, profile)
  checkServiceTypeIndustries(out, form, facts)
  const answer = form.miniProgram.preApproval
  if (answer === undefined) checkUnanswered(out, facts)
  else if (answer === 'none') checkAnsweredNone(out, facts)
  else checkAnsweredHas(out, facts)
  if (ownerType === 'individual' && (facts.industries.length || facts.approvals.length)) {
    out.add(
      'miniProgram.preApproval',
      'error',
      'INDIVIDUAL_PRE_APPROVAL',
      '个人主体不能提供需前置审批的服务',
      '以取得审批的单位主体备案'
    )
  }
}
