/**
 * runSelfCheck: everything a machine can catch before the reviewers do. Each finding names the dotted form field,
 * says what is wrong and how to fix it. Findings come in form order: owner, owner principal, mini-program,
 * mini-program principal, emergency contact.
 */
import type { FilingForm, FilingProfile, Finding, OwnerType, PersonForm, Severity } from './types'
import { detectPreApprovalInTexts, TEXT_FIELD_LABELS } from './preApproval'
import { INDUSTRIES } from './rules/industries'
import { ENTERPRISE_LIKE_WORDS, GENERIC_NAME_WORDS, RESTRICTED_NAME_WORDS, VAGUE_DESCRIPTIONS } from './rules/names'
import { CERTIFICATE_TYPE_LABELS, OWNER_TYPES } from './rules/ownerTypes'
import { PLATFORMS, type PlatformRules } from './rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from './rules/provinces'
import { REGIONS, provinceName } from './rules/regions'
import { addMonths, isValidDate, todayInShanghai } from './time'
import { ageOn, normalizeIdNumber, validateIdCard } from './validators/idCard'
import { normalizeMobile, validateMobile } from './validators/mobile'
import { USCC_TYPE_OWNER_TYPES, validateUscc } from './validators/uscc'
import { marginText } from './checklist'

export interface SelfCheckOptions {
  profile?: FilingProfile
  /** 'YYYY-MM-DD' in Shanghai: certificate validity and ages are judged on this day (default: today). */
  today?: string
}

type PersonSection = 'ownerPrincipal' | 'appPrincipal'

const PERSON_LABEL: Record<PersonSection, string> = { ownerPrincipal: '主体负责人', appPrincipal: '小程序负责人' }
const PERMANENT = '长期'
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const STREET_NUMBER_RE = /[0-9０-９一二三四五六七八九十百]+\s*(号|弄|栋|幢|座|楼|室|单元|组|层)|号|已是最详细地址/
const MIN_AGE = 18
const SECTION_ORDER = ['owner', 'ownerPrincipal', 'miniProgram', 'appPrincipal', 'emergencyContact']

class Findings {
  list: Finding[] = []
  add(field: string, severity: Severity, code: string, message: string, fix: string): void {
    for (const f of this.list) if (f.field === field && f.code === code) return
    this.list.push({ field, severity, code, message, fix })
  }
}

const blank = (v: string | undefined): boolean => !v || !v.trim()
const charCount = (v: string): number => Array.from(v).length

function checkValidUntil(
  out: Findings,
  field: string,
  label: string,
  value: string | undefined,
  platform: PlatformRules,
  today: string
): void {
  const v = (value ?? '').trim()
  if (!v) {
    out.add(
      field,
      'error',
      'REQUIRED',
      `请填写${label}有效期截止日期`,
      `按证件原样填写截止日期；长期有效的填“${PERMANENT}”`
    )
    return
  }
  if (v === PERMANENT) return
  if (!isValidDate(v)) {
    out.add(
      field,
      'error',
      'VALID_UNTIL_FORMAT',
      `${label}有效期“${v}”不是有效日期`,
      `按 YYYY-MM-DD 填写，例如 2030-06-01；长期有效的填“${PERMANENT}”`
    )
    return
  }
  if (v < today) {
    out.add(field, 'error', 'CERT_EXPIRED', `${label}已于${v}过期`, '先换发新证件，再用新证件的信息和照片备案')
    return
  }
  const { months, strict } = platform.certificateMargin
  const limit = addMonths(today, months)
  if (strict ? v <= limit : v < limit) {
    out.add(
      field,
      'error',
      'CERT_VALIDITY_MARGIN',
      `${platform.shortName}要求证件剩余有效期${marginText(platform)}，${label}${v}到期，不满足要求`,
      '先换发新证件再备案，否则平台初审会驳回'
    )
    return
  }
  // The provincial review may take up to 20 working days (about a month) after the submission
  if (v <= addMonths(limit, 1)) {
    out.add(
      field,
      'warning',
      'CERT_EXPIRES_DURING_FILING',
      `${label}${v}到期，备案审核期间可能不再满足${marginText(platform)}的要求`,
      '如条件允许，先换发新证件再提交，避免审核中途被驳回'
    )
  }
}

function checkName(out: Findings, field: string, label: string, name: string | undefined): boolean {
  if (blank(name)) {
    out.add(field, 'error', 'REQUIRED', `请填写${label}姓名`, '按身份证上的姓名填写')
    return false
  }
  if (/[0-9@#$%&*]/.test(name!)) {
    out.add(field, 'error', 'NAME_FORMAT', `${label}姓名含有数字或符号`, '按身份证上的姓名原样填写')
  }
  return true
}

function checkMobile(out: Findings, field: string, label: string, mobile: string | undefined): void {
  const c = validateMobile(mobile ?? '')
  if (!c.ok)
    out.add(
      field,
      'error',
      c.code === 'MOBILE_EMPTY' ? 'REQUIRED' : c.code,
      `${label}：${c.message}`,
      '填写本人实名的大陆手机号，并保持畅通以便接听审核电话'
    )
}

/** The ID region code when the number is a valid ID card, else undefined. */
function checkPerson(
  out: Findings,
  section: PersonSection,
  person: Partial<PersonForm>,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  today: string
): string | undefined {
  const label = PERSON_LABEL[section]
  checkName(out, `${section}.name`, label, person.name)
  let regionCode: string | undefined
  const idType = person.idType ?? 'id_card'
  if (blank(person.idNumber)) {
    out.add(`${section}.idNumber`, 'error', 'REQUIRED', `请填写${label}证件号码`, '按证件原样填写')
  } else if (idType === 'id_card') {
    const c = validateIdCard(person.idNumber!, today)
    if (!c.ok) {
      out.add(`${section}.idNumber`, 'error', c.code, `${label}：${c.message}`, '对照身份证原件逐位核对号码')
    } else {
      regionCode = c.regionCode
      if (c.birthDate && ageOn(c.birthDate, today) < MIN_AGE) {
        out.add(
          `${section}.idNumber`,
          'error',
          'PRINCIPAL_UNDER_18',
          `${label}未满${MIN_AGE}周岁，不能担任负责人`,
          '改由年满18周岁的人担任负责人'
        )
      }
    }
  }
  checkValidUntil(out, `${section}.idValidUntil`, `${label}证件`, person.idValidUntil, platform, today)
  checkMobile(out, `${section}.mobile`, `${label}手机号`, person.mobile)
  if (province?.localMobileRequired && !blank(person.mobile)) {
    out.add(
      `${section}.mobile`,
      'info',
      'LOCAL_MOBILE_REQUIRED',
      `${bureauShortName(province.code)}要求负责人使用${province.shortName}本地手机号码`,
      `确认该号码归属地为${province.shortName}，否则换用本地号码`
    )
  }
  if (!blank(person.email) && !EMAIL_RE.test(person.email!.trim())) {
    out.add(
      `${section}.email`,
      'error',
      'EMAIL_FORMAT',
      `${label}的电子邮箱格式不正确`,
      '填写常用邮箱，例如 name@example.com'
    )
  }
  return regionCode
}

function stripCitySuffix(city: string): string {
  return city.replace(/(市|地区|自治州|州|盟)$/, '')
}

function checkAddress(out: Findings, form: FilingForm, province: ProvinceRules | undefined): void {
  const owner = form.owner
  const address = (owner.address ?? '').trim()
  const region = owner.region
  if (!address) {
    out.add('owner.address', 'error', 'REQUIRED', '请填写通讯地址', '从所选区县之后写起，精确到门牌号')
  } else {
    const prefixes = [
      ...(region?.province ? [PROVINCES[region.province]?.name, PROVINCES[region.province]?.shortName] : []),
      region?.city,
      region?.city && stripCitySuffix(region.city),
      region?.district
    ].filter((p): p is string => !!p && p.length >= 2)
    const repeated = prefixes.find((p) => address.startsWith(p))
    if (repeated) {
      out.add(
        'owner.address',
        'error',
        'ADDRESS_REPEATS_REGION',
        `通讯地址以“${repeated}”开头，重复了已选择的省市区`,
        `删除开头的“${repeated}”，从街道（乡镇）写起`
      )
    } else {
      const other = REGIONS.find((r) => address.startsWith(r.name) || address.startsWith(r.shortName))
      if (other && other.code !== region?.province) {
        out.add(
          'owner.address',
          'error',
          'ADDRESS_OUTSIDE_REGION',
          `通讯地址写的是${other.shortName}，与所选省份不一致`,
          '通讯地址须在所选地区内；重新选择地区或改正地址'
        )
      }
    }
    if (!STREET_NUMBER_RE.test(address)) {
      out.add(
        'owner.address',
        'warning',
        'ADDRESS_NO_STREET_NUMBER',
        '通讯地址没有写到门牌号',
        '补充路名和门牌号（如“科技路88号”）；确实没有门牌号的，注明“已是最详细地址”'
      )
    }
  }
  const certAddress = (owner.certificateAddress ?? '').trim()
  if (certAddress && region?.province) {
    const certProvince = REGIONS.find((r) => certAddress.startsWith(r.name) || certAddress.startsWith(r.shortName))
    if (certProvince && certProvince.code !== region.province) {
      out.add(
        'owner.region.province',
        'error',
        'CERT_ADDRESS_REGION_MISMATCH',
        `证件住所在${certProvince.shortName}，所选省份却是${provinceName(region.province)}`,
        '所选地区须与证件住所一致'
      )
    } else if (region.city && !/^(市辖区|县)$/.test(region.city)) {
      const city = stripCitySuffix(region.city)
      if (city.length >= 2 && !certAddress.includes(city)) {
        const strict = !!province?.crossCityForbidden
        out.add(
          'owner.region.city',
          strict ? 'error' : 'warning',
          'CERT_ADDRESS_CITY_MISMATCH',
          strict
            ? `${bureauShortName(province!.code)}不允许跨市备案：证件住所不在${region.city}`
            : `证件住所中没有“${region.city}”，所选城市可能与证件不一致`,
          '按证件住所所在的市、区选择地区'
        )
      }
    }
  }
}

function checkOwner(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  profile: FilingProfile | undefined,
  today: string
): string | undefined {
  const owner = form.owner
  const isIndividual = ownerType === 'individual'
  if (blank(owner.name)) {
    out.add(
      'owner.name',
      'error',
      'REQUIRED',
      '请填写主办单位名称',
      isIndividual ? '个人主体填写本人姓名' : '按证件上的名称原样填写'
    )
  }
  if (ownerType && owner.certificateType && !OWNER_TYPES[ownerType].certificateTypes.includes(owner.certificateType)) {
    out.add(
      'owner.certificateType',
      'error',
      'CERT_TYPE_MISMATCH',
      `${OWNER_TYPES[ownerType].label}主体不能用${CERTIFICATE_TYPE_LABELS[owner.certificateType]}备案`,
      `选择“${CERTIFICATE_TYPE_LABELS[OWNER_TYPES[ownerType].certificateTypes[0]]}”`
    )
  }
  if (profile && owner.region?.province && owner.region.province !== profile.province) {
    out.add(
      'owner.region.province',
      'error',
      'REGION_PROVINCE_MISMATCH',
      `所选省份是${provinceName(owner.region.province)}，备案省份却是${provinceName(profile.province)}`,
      '备案省份以证件所在省份为准，两者须一致'
    )
  }
  let idRegion: string | undefined
  const number = (owner.certificateNumber ?? '').trim()
  const usesIdCard = isIndividual || owner.certificateType === 'id_card'
  if (!number) {
    out.add(
      'owner.certificateNumber',
      'error',
      'REQUIRED',
      '请填写主办单位证件号码',
      usesIdCard ? '填写本人身份证号码' : '填写18位统一社会信用代码'
    )
  } else if (usesIdCard) {
    const c = validateIdCard(number, today)
    if (!c.ok) out.add('owner.certificateNumber', 'error', c.code, c.message, '对照身份证原件逐位核对号码')
    else {
      idRegion = c.regionCode
      if (c.birthDate && ageOn(c.birthDate, today) < MIN_AGE) {
        out.add(
          'owner.certificateNumber',
          'error',
          'OWNER_UNDER_18',
          `个人主体未满${MIN_AGE}周岁，不能备案`,
          '由年满18周岁的监护人或单位备案'
        )
      }
    }
  } else {
    const c = validateUscc(number)
    if (!c.ok) out.add('owner.certificateNumber', 'error', c.code, c.message, '对照营业执照等证件逐位核对代码')
    else {
      const fits = USCC_TYPE_OWNER_TYPES[c.typeCode!]
      if (ownerType && fits && !fits.includes(ownerType)) {
        out.add(
          'owner.certificateNumber',
          'error',
          'USCC_OWNER_TYPE_MISMATCH',
          `统一社会信用代码以“${c.typeCode}”开头，表示${c.typeName}，与所选主体类型“${OWNER_TYPES[ownerType].label}”不一致`,
          `把主体类型改为“${OWNER_TYPES[fits[0]].label}”，或核对代码`
        )
      } else if (ownerType && !fits) {
        out.add(
          'owner.certificateNumber',
          'warning',
          'USCC_OWNER_TYPE_UNUSUAL',
          `统一社会信用代码以“${c.typeCode}”开头，表示${c.typeName}，请确认主体类型选择正确`,
          '按证件上的机构类型选择主体类型'
        )
      }
      const province = owner.region?.province ?? profile?.province
      if (c.regionCode !== '10' && province && c.regionCode !== province) {
        out.add(
          'owner.certificateNumber',
          'error',
          'USCC_REGION_MISMATCH',
          `统一社会信用代码的登记地在${provinceName(c.regionCode!)}，与备案省份${provinceName(province)}不一致：非个人主体不能跨省备案`,
          `在${provinceName(c.regionCode!)}备案（选择证件所在省份）`
        )
      }
    }
  }
  checkValidUntil(out, 'owner.certificateValidUntil', '主办单位证件', owner.certificateValidUntil, platform, today)
  checkAddress(out, form, province)

  if (ownerType === 'individual_business' && province?.code === '33' && !blank(owner.name)) {
    const name = owner.name!.trim()
    if (name === (form.ownerPrincipal.name ?? '').trim() && !/[（(]个体工商户[）)]$/.test(name)) {
      out.add(
        'owner.name',
        'error',
        'INDIVIDUAL_BUSINESS_NAME_FORMAT',
        '浙江管局要求：无字号的个体工商户，名称填写“经营者姓名（个体工商户）”',
        `改为“${name}（个体工商户）”`
      )
    }
  }
  return idRegion
}

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

function checkMiniProgram(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  profile: FilingProfile | undefined
): void {
  const mp = form.miniProgram
  const name = (mp.name ?? '').trim()
  if (name) {
    for (const rule of RESTRICTED_NAME_WORDS) {
      if (rule.severity === 'error' && ownerType === 'government') continue
      if (name.includes(rule.word)) {
        out.add(
          'miniProgram.name',
          rule.severity,
          'APP_NAME_RESTRICTED_WORD',
          rule.reason,
          `去掉“${rule.word}”，或准备相关批准文件`
        )
      }
    }
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

  const description = (mp.description ?? '').trim()
  const { min, max, published } = platform.descriptionLength
  if (!description) {
    out.add(
      'miniProgram.description',
      'error',
      'REQUIRED',
      '请填写小程序备注（服务内容说明）',
      `用${min}–${max}个字写清小程序提供什么服务、面向谁`
    )
  } else {
    const n = charCount(description)
    if (n < min || n > max) {
      out.add(
        'miniProgram.description',
        published ? 'error' : 'warning',
        'DESCRIPTION_LENGTH',
        `备注现在${n}个字，${published ? `${platform.shortName}要求` : '建议'}${min}–${max}个字`,
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

  const types = mp.serviceTypes ?? []
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

  checkPreApproval(out, form, ownerType, profile)
}

function checkPreApproval(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  profile: FilingProfile | undefined
): void {
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

  if (mp.preApproval === undefined) {
    out.add(
      'miniProgram.preApproval',
      'error',
      undeclared.length ? 'PRE_APPROVAL_KEYWORD_UNDECLARED' : 'PRE_APPROVAL_UNANSWERED',
      undeclared.length
        ? `${hitText}命中前置审批行业关键词，但还没有回答是否涉及前置审批`
        : '前置审批须明确回答：上传审批文件，或选择“以上都不涉及”',
      undeclared.length ? '涉及的上传审批文件；不涉及的选择“以上都不涉及”并准备不涉及前置审批承诺书' : '按实际业务选择'
    )
  } else if (mp.preApproval === 'none') {
    if (industries.length) {
      out.add(
        'miniProgram.preApproval',
        'error',
        'PRE_APPROVAL_MISSING',
        `你选择了涉及${industries.map((i) => INDUSTRIES[i].label).join('、')}，却在表单中选择了“以上都不涉及”`,
        '上传主管部门的审批文件，填写审批文号'
      )
    } else if (undeclared.length) {
      out.add(
        'miniProgram.preApproval',
        'warning',
        'PRE_APPROVAL_COMMITMENT_NEEDED',
        `${hitText}命中前置审批行业关键词，选择“以上都不涉及”时需附不涉及前置审批承诺书`,
        '在材料清单中下载承诺书模板，签字盖章后上传，或在备注中说明'
      )
    }
  } else {
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
    if (undeclared.length) {
      out.add(
        'miniProgram.preApprovals',
        'warning',
        'PRE_APPROVAL_COMMITMENT_NEEDED',
        `${hitText}命中其他前置审批行业的关键词，不涉及的部分需附承诺书`,
        '准备不涉及前置审批承诺书，写明关键词的真实含义'
      )
    }
  }
  if (ownerType === 'individual' && (industries.length || approvals.length)) {
    out.add(
      'miniProgram.preApproval',
      'error',
      'INDIVIDUAL_PRE_APPROVAL',
      '个人主体不能提供需前置审批的服务',
      '以取得审批的单位主体备案'
    )
  }
}

function checkEmergencyContact(out: Findings, form: FilingForm): boolean {
  const ec = form.emergencyContact
  checkName(out, 'emergencyContact.name', '应急联系人', ec.name)
  checkMobile(out, 'emergencyContact.mobile', '应急联系人手机号', ec.mobile)
  const name = (ec.name ?? '').trim()
  const principal = (['ownerPrincipal', 'appPrincipal'] as PersonSection[]).find(
    (s) => name && (form[s].name ?? '').trim() === name
  )
  if (principal) {
    out.add(
      'emergencyContact.name',
      'error',
      'EMERGENCY_CONTACT_IS_PRINCIPAL',
      `应急联系人不能是${PERSON_LABEL[principal]}本人`,
      '另找一位能联系上的人（如同事）作为应急联系人，使用其本人手机号'
    )
    return true
  }
  return false
}

function checkSharedMobiles(out: Findings, form: FilingForm, emergencyIsPrincipal: boolean): void {
  const people = [
    {
      field: 'ownerPrincipal.mobile',
      label: '主体负责人',
      key: normalizeIdNumber(form.ownerPrincipal.idNumber) || form.ownerPrincipal.name,
      mobile: form.ownerPrincipal.mobile
    },
    {
      field: 'appPrincipal.mobile',
      label: '小程序负责人',
      key: normalizeIdNumber(form.appPrincipal.idNumber) || form.appPrincipal.name,
      mobile: form.appPrincipal.mobile
    },
    ...(emergencyIsPrincipal
      ? []
      : [
          {
            field: 'emergencyContact.mobile',
            label: '应急联系人',
            key: `ec:${form.emergencyContact.name ?? ''}`,
            mobile: form.emergencyContact.mobile
          }
        ])
  ]
  for (let i = 1; i < people.length; i++) {
    const m = normalizeMobile(people[i].mobile)
    if (!m) continue
    for (let j = 0; j < i; j++) {
      if (normalizeMobile(people[j].mobile) === m && people[j].key !== people[i].key) {
        out.add(
          people[i].field,
          'error',
          'MOBILE_SHARED',
          `${people[i].label}与${people[j].label}使用了同一个手机号码：不同的人不能用同一个号码`,
          `${people[i].label}填写本人实名的手机号`
        )
        break
      }
    }
  }
}

/** Findings that follow from the profile alone (the user's answers in the wizard). */
export function profileFindings(profile: FilingProfile): Finding[] {
  const out = new Findings()
  const province = PROVINCES[profile.province] as ProvinceRules | undefined
  if (!province) {
    out.add(
      'owner.region.province',
      'error',
      'PROVINCE_UNKNOWN',
      `无法识别备案省份“${profile.province}”`,
      '选择证件所在的省份'
    )
    return out.list
  }
  const bureau = bureauShortName(province.code)
  if (
    OWNER_TYPES[profile.ownerType].hasLegalRep &&
    province.ownerPrincipal === 'required' &&
    !profile.ownerPrincipalIsLegalRep
  ) {
    out.add(
      'ownerPrincipal.name',
      'error',
      'PROVINCE_LEGAL_REP_REQUIRED',
      province.code === '31'
        ? `${bureau}要求：主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任`
        : `${bureau}要求：主体负责人必须是法定代表人`,
      '改由法定代表人担任主体负责人'
    )
  }
  if (profile.ownerType === 'individual') {
    if (
      profile.residenceProvince &&
      profile.residenceProvince !== profile.province &&
      province.outOfProvinceIndividual === 'not_accepted'
    ) {
      out.add(
        'owner.certificateNumber',
        'error',
        'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED',
        `${bureau}不接受外省户籍个人备案（身份证为${provinceName(profile.residenceProvince)}签发）`,
        `在${provinceName(profile.residenceProvince)}备案，或以单位主体备案`
      )
    }
    if (profile.industries.length) {
      out.add(
        'miniProgram.preApproval',
        'error',
        'INDIVIDUAL_PRE_APPROVAL',
        '个人主体不能提供需前置审批的服务',
        '以取得审批的单位主体备案'
      )
    }
  }
  return out.list
}

function checkIndividualIdentity(
  out: Findings,
  form: FilingForm,
  idRegion: string | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined
): void {
  const ownerId = normalizeIdNumber(form.owner.certificateNumber)
  for (const s of ['ownerPrincipal', 'appPrincipal'] as PersonSection[]) {
    const id = normalizeIdNumber(form[s].idNumber)
    if (ownerId && id && id !== ownerId) {
      out.add(
        `${s}.idNumber`,
        'error',
        s === 'ownerPrincipal' ? 'OWNER_PRINCIPAL_NOT_OWNER' : 'APP_PRINCIPAL_NOT_OWNER',
        `个人主体的${PERSON_LABEL[s]}须为本人，证件号码与主办单位证件不一致`,
        `${PERSON_LABEL[s]}填写本人的身份证信息`
      )
    }
  }
  if (!idRegion || !province || idRegion === province.code) return
  const bureau = bureauShortName(province.code)
  if (province.outOfProvinceIndividual === 'not_accepted') {
    out.add(
      'owner.certificateNumber',
      'error',
      'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED',
      `${bureau}不接受外省户籍个人备案（身份证为${provinceName(idRegion)}签发）`,
      `在${provinceName(idRegion)}备案，或以单位主体备案`
    )
  } else if (province.outOfProvinceIndividual === 'residence_permit' || platform.residencePermitForOutOfProvince) {
    out.add(
      'owner.certificateNumber',
      'warning',
      'RESIDENCE_PERMIT_REQUIRED',
      `身份证为${provinceName(idRegion)}签发，在${province.shortName}备案需提供${province.residencePermitNote ?? `${province.shortName}居住证`}`,
      '准备居住证并在附件中上传；没有居住证的请在户籍所在省份备案'
    )
  } else {
    out.add(
      'owner.certificateNumber',
      'info',
      'OUT_OF_PROVINCE_INDIVIDUAL',
      `身份证为${provinceName(idRegion)}签发，与备案省份${province.shortName}不同`,
      '部分管局会要求居住证，建议提前准备'
    )
  }
}

export function runSelfCheck(form: FilingForm, options: SelfCheckOptions = {}): Finding[] {
  const profile = options.profile
  const today = options.today ?? todayInShanghai()
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const provinceCode = profile?.province ?? form.owner.region?.province
  const province = provinceCode ? (PROVINCES[provinceCode] as ProvinceRules | undefined) : undefined
  const ownerType: OwnerType | undefined =
    profile?.ownerType ?? (form.owner.certificateType === 'id_card' ? 'individual' : undefined)
  const cancel = profile?.filingType === 'cancel'
  const out = new Findings()

  const idRegion = checkOwner(out, form, ownerType, platform, province, profile, today)
  checkPerson(out, 'ownerPrincipal', form.ownerPrincipal, platform, province, today)
  if (!cancel) {
    checkMiniProgram(out, form, ownerType, platform, province, profile)
    checkPerson(out, 'appPrincipal', form.appPrincipal, platform, province, today)
    const emergencyIsPrincipal = checkEmergencyContact(out, form)
    checkSharedMobiles(out, form, emergencyIsPrincipal)
  }
  if (ownerType === 'individual') {
    checkIndividualIdentity(out, form, idRegion, platform, province)
  } else if (province?.samePrincipalRequired) {
    const a = normalizeIdNumber(form.ownerPrincipal.idNumber)
    const b = normalizeIdNumber(form.appPrincipal.idNumber)
    if (a && b && a !== b) {
      out.add(
        'appPrincipal.idNumber',
        'error',
        'SAME_PRINCIPAL_REQUIRED',
        `${bureauShortName(province.code)}要求主体负责人与小程序负责人为同一人`,
        '小程序负责人填写主体负责人的信息'
      )
    }
  }
  if (profile) for (const f of profileFindings(profile)) out.add(f.field, f.severity, f.code, f.message, f.fix)
  return out.list
    .map((f, i) => ({ f, i, s: SECTION_ORDER.indexOf(f.field.split('.')[0]) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.f)
}
