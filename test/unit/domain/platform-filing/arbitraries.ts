/**
 * fast-check generators of whole filings on the fakes' code tables: any owner type and province, principals whose ID
 * cards are internally consistent (issue age ↔ validity of 5 / 10 / 20 years / 长期), legal-representative answers,
 * 前置审批, out-of-province individuals. The choice fields take their values from the tables, as the submit page
 * offers them; what the self-check then says decides whether a case counts as clean.
 */
import fc from 'fast-check'
import {
  childrenOf,
  type CodeEntry,
  mediaSlotsFor,
  provinces,
  type PlatformCodeTables,
  type SubmissionInput
} from '../../../../src/domain/platform-filing'
import { INDUSTRY_IDS } from '../../../../src/domain/rules/industries'
import { addDays, addMonths } from '../../../../src/domain/time'
import type { FilingForm, FilingProfile, IndustryId, OwnerType } from '../../../../src/domain/types'
import { USCC_CHARSET } from '../../../../src/domain/validators/uscc'
import { fakeCodeTables } from '../../../../src/server/platform-fake/code-fixtures'
import { id, OWNER_TYPES_ALL, TODAY, uscc } from './fixtures'

export const FAKE_TABLES = { wechat: fakeCodeTables('wechat'), douyin: fakeCodeTables('douyin') }

const NAMES = ['李明远', '王若溪', '张建国', '陈思远', '刘晓峰', '孙丽娜', '周子涵', '吴嘉怡']
const APP_NAMES = ['云帆会议室预订', '园区停车助手', '社区报修登记', '楼宇访客登记', '共享工位预约']
const DESCRIPTIONS = [
  '为园区入驻单位提供会议室在线预订服务：查看会议室空闲时段、预约与取消、到场扫码签到，以及查询预订记录。',
  '帮助小区居民在线提交报修申请，上传故障照片，查看维修进度并对维修结果进行评价，物业人员可在线派单。',
  '为写字楼访客提供来访登记：访客填写来访信息并生成通行码，前台核验后放行，被访人可收到到访提醒。'
]
const OWNER_NAMES: Record<OwnerType, string> = {
  individual: '',
  enterprise: '云帆数字科技有限公司',
  individual_business: '云帆会务服务部',
  government: '会务管理办公室',
  institution: '会务服务中心',
  social_org: '会议服务协会'
}
const USCC_TYPE: Record<Exclude<OwnerType, 'individual'>, string> = {
  enterprise: '91',
  individual_business: '92',
  government: '11',
  institution: '12',
  social_org: '51'
}
const CERTIFICATE: Record<OwnerType, NonNullable<FilingForm['owner']['certificateType']>> = {
  individual: 'id_card',
  enterprise: 'business_license',
  individual_business: 'business_license',
  government: 'org_code',
  institution: 'institution_cert',
  social_org: 'social_org_cert'
}

/** An ID card: issued `daysAgo` before today at an age that fits its validity. */
const idCardArb = fc.record({
  validity: fc.constantFrom(5, 10, 10, 20, 20, 0),
  ageStep: fc.nat({ max: 19 }),
  daysAgo: fc.integer({ min: 1, max: 7000 }),
  birthdayShift: fc.nat({ max: 300 }),
  seq: fc.integer({ min: 100, max: 999 })
})
type IdCardChoice = typeof idCardArb extends fc.Arbitrary<infer T> ? T : never

function idCard(c: IdCardChoice, provinceCode: string) {
  const [minAge, span] = { 5: [10, 6], 10: [16, 10], 20: [26, 20], 0: [46, 15] }[c.validity]!
  // mostly cards still valid today: the expired ones only feed the self-check
  const issued = addDays(TODAY, -(c.validity ? 1 + (c.daysAgo % (c.validity * 365 - 120)) : c.daysAgo))
  const birth = addDays(addMonths(issued, -12 * (minAge + (c.ageStep % span))), -c.birthdayShift)
  const idNumber = id(`${provinceCode}0101${birth.replace(/-/g, '')}${c.seq}`)
  const validUntil = c.validity ? addMonths(issued, 12 * c.validity) : '长期'
  return { idNumber, validUntil, issued }
}

export const filingArb = fc.record({
  platform: fc.constantFrom('wechat' as const, 'douyin' as const),
  ownerType: fc.constantFrom(...OWNER_TYPES_ALL),
  province: fc.nat(),
  city: fc.nat(),
  district: fc.nat(),
  otherIdProvince: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }),
  ownerPrincipal: idCardArb,
  appPrincipal: idCardArb,
  names: fc.shuffledSubarray(NAMES, { minLength: 3, maxLength: 3 }),
  appName: fc.constantFrom(...APP_NAMES),
  description: fc.constantFrom(...DESCRIPTIONS),
  serviceTypes: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  industries: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: fc.shuffledSubarray([...INDUSTRY_IDS], { minLength: 1, maxLength: 2 }), weight: 1 }
  ),
  ownerPrincipalIsLegalRep: fc.boolean(),
  appPrincipalIsLegalRep: fc.boolean(),
  usccBody: fc.array(fc.nat({ max: USCC_CHARSET.length - 1 }), { minLength: 9, maxLength: 9 }),
  withCommitmentLetter: fc.boolean()
})
export type FilingChoice = typeof filingArb extends fc.Arbitrary<infer T> ? T : never

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]

function preApproval(industries: IndustryId[] | null): Pick<FilingForm['miniProgram'], 'preApproval' | 'preApprovals'> {
  if (!industries) return { preApproval: 'none', preApprovals: [] }
  return {
    preApproval: 'has',
    preApprovals: industries.map((industry, i) => ({
      industry,
      approvalNumber: `审批〔2026〕${i + 1}号`,
      fileName: '审批文件'
    }))
  }
}

interface Place {
  tables: PlatformCodeTables
  province: CodeEntry
  city: CodeEntry
  district: CodeEntry
  /** Two-digit code of the filing province. */
  p: string
}

function placeOf(c: FilingChoice): Place {
  const tables: PlatformCodeTables = FAKE_TABLES[c.platform]
  const province = pick(provinces(tables), c.province)
  const city = pick(childrenOf(tables.districts, province.code), c.city)
  const district = pick(childrenOf(tables.districts, city.code), c.district)
  return { tables, province, city, district, p: province.code.slice(0, 2) }
}

/** The principals (an individual is both), and the facts about their cards the submit page would ask for. */
function people(c: FilingChoice, place: Place) {
  const individual = c.ownerType === 'individual'
  const idProvince =
    individual && c.otherIdProvince !== null
      ? pick(provinces(place.tables), c.otherIdProvince).code.slice(0, 2)
      : place.p
  const op = idCard(c.ownerPrincipal, idProvince)
  const ap = individual ? op : idCard(c.appPrincipal, place.p)
  const [ownerName, appName] = c.names
  const person = (name: string, card: typeof op, mobile: string, email: string) => ({
    name,
    idType: 'id_card' as const,
    idNumber: card.idNumber,
    idValidUntil: card.validUntil,
    mobile,
    email
  })
  const ownerPrincipal = person(ownerName, op, '13512340001', 'owner@example.com')
  const appPrincipal = individual ? { ...ownerPrincipal } : person(appName, ap, '13712340002', 'app@example.com')
  const extras = {
    ...(op.validUntil === '长期' ? { ownerPrincipalIdValidFrom: op.issued } : {}),
    ...(ap.validUntil === '长期' ? { appPrincipalIdValidFrom: ap.issued } : {}),
    legalPerson: { name: '张建国', idNumber: id(`${place.p}010119700101005`) }
  }
  return { ownerPrincipal, appPrincipal, idProvince, extras }
}

function ownerOf(c: FilingChoice, place: Place, principalName: string, principalId: string): FilingForm['owner'] {
  const { province, city, district, p } = place
  const individual = c.ownerType === 'individual'
  const usccType = USCC_TYPE[c.ownerType as Exclude<OwnerType, 'individual'>]
  return {
    name: individual
      ? principalName
      : `${province.name.replace(/(省|市|自治区|壮族|回族|维吾尔)+$/, '')}${OWNER_NAMES[c.ownerType]}`,
    certificateType: CERTIFICATE[c.ownerType],
    certificateNumber: individual
      ? principalId
      : uscc(`${usccType}${p}0101${c.usccBody.map((i) => USCC_CHARSET[i]).join('')}`),
    certificateValidUntil: '长期',
    region: { province: p, city: city.name, district: district.name },
    address: '科技路88号3层',
    certificateAddress: `${province.name}${city.name === '市辖区' ? '' : city.name}${district.name}科技路88号3层`
  }
}

/** The submission the choices describe, the tables it maps onto, and the fake's context for it. */
export function buildSubmission(c: FilingChoice) {
  const place = placeOf(c)
  const { tables } = place
  const who = people(c, place)
  const second = tables.serviceContentTypes.filter((e) => e.parentCode)
  const form: FilingForm = {
    owner: ownerOf(c, place, who.ownerPrincipal.name, who.ownerPrincipal.idNumber),
    ownerPrincipal: who.ownerPrincipal,
    miniProgram: {
      name: c.appName,
      description: c.description,
      serviceTypes: [...new Set(c.serviceTypes.map((n) => pick(second, n).name))],
      ...preApproval(c.industries)
    },
    appPrincipal: who.appPrincipal,
    emergencyContact: { name: c.names[2], mobile: '13812340003' }
  }
  const profile: FilingProfile = {
    platform: c.platform === 'wechat' ? 'weapp' : 'tt',
    filingType: 'new',
    ownerType: c.ownerType,
    province: place.p,
    ownerPrincipalIsLegalRep: c.ownerPrincipalIsLegalRep,
    appPrincipalIsLegalRep: c.appPrincipalIsLegalRep,
    ...(c.ownerType === 'individual' ? { residenceProvince: who.idProvince } : {}),
    industries: c.industries ?? [],
    texts: {}
  }
  const slots = mediaSlotsFor(form, profile, c.platform, tables)
  const media = Object.fromEntries(
    slots.filter((s) => s.required || c.withCommitmentLetter).map((s) => [s.slot, `${c.platform}-${s.slot}`])
  )
  const input: SubmissionInput = { form, profile, media, faceTaskId: 'face-1', today: TODAY, extras: who.extras }
  const ctx = {
    tables,
    accountSubjectName: form.owner.name,
    mediaExists: (mediaId: string) => Object.values(media).includes(mediaId),
    faceCheck: (task: string) =>
      task === 'face-1' ? { passed: true, expired: false, provinceCode: place.province.code } : undefined
  }
  return { input, tables, ctx }
}
