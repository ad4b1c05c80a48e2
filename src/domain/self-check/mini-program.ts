/** The mini-program: its name, its description (备注) and its service types. */
import type { FilingForm, FilingProfile, OwnerType, Severity } from '../types'
import {
  ENTERPRISE_LIKE_WORDS,
  GENERIC_NAME_WORDS,
  RESTRICTED_NAME_WORDS,
  VAGUE_DESCRIPTIONS,
  type NameWordRule
} from '../rules/names'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'
import { charCount, type Findings } from './findings'
import { checkPreApproval } from './pre-approval'

function nameBigrams(name: string): string[] {
  let n = name
  for (const w of GENERIC_NAME_WORDS) n = n.split(w).join(' ')
  const grams: string[] = []
  for (const part of n.split(/[\s\p{P}\p{S}]+/u)) {
    const chars = Array.from(part)
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1])
  }
  return grams
}

/** The finding for each kind of restricted word, given the words of that kind the name contains. */
const WORD_FINDINGS: Record<
  NameWordRule['kind'],
  { severity: Severity; code: string; message: (words: string) => string; fix: (words: string) => string }
> = {
  approval: {
    severity: 'error',
    code: 'APP_NAME_RESTRICTED_WORD',
    message: (w) => `名称含${w}，这些字样须有相关部门批准，普通主体不能使用`,
    fix: (w) => `去掉${w}，或准备相关批准文件`
  },
  brand: {
    severity: 'warning',
    code: 'APP_NAME_OFFICIAL_WORD',
    message: () => '名称含“官方”，审核时会要求证明与该品牌或机构的关系',
    fix: () => '去掉“官方”，或准备商标注册证、授权书等证明'
  },
  exaggeration: {
    severity: 'warning',
    code: 'APP_NAME_EXAGGERATED_WORD',
    message: (w) => `名称含${w}，属于夸大用语，常被驳回`,
    fix: (w) => `去掉${w}`
  }
}

/** Every restricted word of the name, named together: one finding per kind of word, never only the first word. */
function checkRestrictedWords(out: Findings, name: string, ownerType: OwnerType | undefined): void {
  // A government body may use the words that need approval; the others apply to everyone
  const hits = RESTRICTED_NAME_WORDS.filter(
    (r) => name.includes(r.word) && !(r.kind === 'approval' && ownerType === 'government')
  )
  for (const [kind, finding] of Object.entries(WORD_FINDINGS) as [
    NameWordRule['kind'],
    (typeof WORD_FINDINGS)['brand']
  ][]) {
    const words = hits
      .filter((r) => r.kind === kind)
      .map((r) => `“${r.word}”`)
      .join('')
    if (words) out.add('miniProgram.name', finding.severity, finding.code, finding.message(words), finding.fix(words))
  }
}

function checkAppName(
  out: Findings,
  form: FilingForm,
  name: string,
  ownerType: OwnerType | undefined,
  profile: FilingProfile | undefined
): void {
  checkRestrictedWords(out, name, ownerType)
  if (ownerType === 'individual') {
    const word = ENTERPRISE_LIKE_WORDS.find((w) => name.includes(w))
    if (word) {
      out.add(
        'miniProgram.name',
        'error',
        'APP_NAME_ENTERPRISE_LIKE',
        `个人主体的小程序名称不能含“${word}”等企业化字样，也不能经营企业业务`,
        '改用体现个人非经营性内容的名称，或以单位主体备案'
      )
    }
  }
  const scope = (form.owner.businessScope ?? profile?.texts.businessScope ?? '').trim()
  if (ownerType && ownerType !== 'individual' && scope) {
    const grams = nameBigrams(name)
    const ownerName = form.owner.name ?? ''
    if (grams.length && !grams.some((g) => scope.includes(g) || ownerName.includes(g))) {
      out.add(
        'miniProgram.name',
        'warning',
        'APP_NAME_UNRELATED_TO_SCOPE',
        '小程序名称与营业执照的经营范围看不出关联，审核可能以“名称与主体经营范围不符”驳回',
        '在备注中说明名称与业务的关系，或改用与经营范围相关的名称'
      )
    }
  }
}

function checkDescriptionText(
  out: Findings,
  description: string,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  profile: FilingProfile | undefined
): void {
  const { min, max, published } = platform.descriptionLength
  const n = charCount(description)
  if (n < min || n > max) {
    out.add(
      'miniProgram.description',
      published ? 'error' : 'warning',
      'DESCRIPTION_LENGTH',
      published
        ? `备注现在${n}个字，${platform.shortName}要求${min}–${max}个字`
        : `备注现在${n}个字；${platform.shortName}未公布备注字数要求，建议按微信的${min}–${max}个字填写`,
      n < min ? '补充具体的服务内容、服务对象和主要功能' : `精简到${max}个字以内`
    )
  }
  const lower = description.toLowerCase()
  if (VAGUE_DESCRIPTIONS.includes(lower) || /测试|test|demo/i.test(lower)) {
    out.add(
      'miniProgram.description',
      'warning',
      'DESCRIPTION_VAGUE',
      '备注内容过于笼统或像测试内容，常被以“服务内容不明确”驳回',
      '写明真实的业务：提供什么服务、给谁用、主要功能'
    )
  }
  if (
    province?.remarkWhenNotLegalRep &&
    profile &&
    (!profile.ownerPrincipalIsLegalRep || !profile.appPrincipalIsLegalRep)
  ) {
    if (!/授权|法定代表人/.test(description)) {
      out.add(
        'miniProgram.description',
        'warning',
        'REMARK_AUTHORIZATION_MISSING',
        `${bureauShortName(province.code)}要求：负责人不是法定代表人时在备注中说明`,
        '在备注末尾加一句“负责人非法定代表人，已取得法定代表人授权”'
      )
    }
  }
}

function checkServiceTypes(out: Findings, form: FilingForm, platform: PlatformRules): void {
  const types = form.miniProgram.serviceTypes ?? []
  if (!types.length) {
    out.add('miniProgram.serviceTypes', 'error', 'REQUIRED', '请选择小程序的服务内容类型', '按实际业务选择，最多5项')
  } else if (types.length > platform.maxServiceTypes) {
    out.add(
      'miniProgram.serviceTypes',
      'error',
      'SERVICE_TYPES_TOO_MANY',
      `服务内容类型最多选${platform.maxServiceTypes}项，现在选了${types.length}项`,
      '只保留最主要的业务类型'
    )
  }
}

export function checkMiniProgram(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  profile: FilingProfile | undefined
): void {
  const mp = form.miniProgram
  const name = (mp.name ?? '').trim()
  if (name) checkAppName(out, form, name, ownerType, profile)

  const description = (mp.description ?? '').trim()
  if (!description) {
    const { min, max } = platform.descriptionLength
    out.add(
      'miniProgram.description',
      'error',
      'REQUIRED',
      '请填写小程序备注（服务内容说明）',
      `用${min}–${max}个字写清小程序提供什么服务、面向谁`
    )
  } else {
    checkDescriptionText(out, description, platform, province, profile)
  }

  checkServiceTypes(out, form, platform)
  checkPreApproval(out, form, ownerType, profile)
}
