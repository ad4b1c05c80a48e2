/**
 * Code tables shaped like the platforms' (wechat-icp-api.md §5, douyin-icp-api.md §5: the doc examples, a few more
 * rows of the same MIIT code set), and one self-check-clean filing per owner type with everything a submission needs.
 */
import type { PlatformCodeTables, SubmissionInput } from '../../../../src/domain/platform-filing'
import type { FilingForm, FilingProfile, OwnerType } from '../../../../src/domain/types'
import { idCardCheckChar, usccCheckChar } from '../../../../src/domain/validators'

export const TODAY = '2026-11-23'

export const id = (first17: string): string => first17 + idCardCheckChar(first17)
export const uscc = (first17: string): string => first17 + usccCheckChar(first17)

const DISTRICTS = [
  ['110000', '北京市'],
  ['110100', '市辖区', '110000'],
  ['110101', '东城区', '110100'],
  ['110105', '朝阳区', '110100'],
  ['120000', '天津市'],
  ['120100', '市辖区', '120000'],
  ['120101', '和平区', '120100'],
  ['120116', '滨海新区', '120100'],
  ['330000', '浙江省'],
  ['330100', '杭州市', '330000'],
  ['330106', '西湖区', '330100'],
  ['440000', '广东省'],
  ['440100', '广州市', '440000'],
  ['440106', '天河区', '440100'],
  ['440300', '深圳市', '440000'],
  ['440305', '南山区', '440300'],
  ['410000', '河南省'],
  ['410100', '郑州市', '410000'],
  ['410105', '金水区', '410100']
].map(([code, name, parentCode]) => (parentCode ? { code, name, parentCode } : { code, name }))

const SUBJECT_TYPES = [
  ['1', '国防机构'],
  ['2', '政府机关'],
  ['3', '事业单位'],
  ['4', '企业'],
  ['5', '个人'],
  ['6', '社会团体'],
  ['7', '民办非企业单位'],
  ['8', '基金会']
].map(([code, name]) => ({ code, name }))

const CERTIFICATE_TYPES = [
  ['1', '营业执照(个人或企业)', '4'],
  ['12', '组织机构代码证', '4'],
  ['2', '居民身份证', '5'],
  ['3', '护照', '5'],
  ['4', '港澳居民来往内地通行证', '5'],
  ['5', '台湾居民来往大陆通行证', '5'],
  ['6', '统一社会信用代码证书', '2'],
  ['7', '组织机构代码证', '2'],
  ['8', '事业单位法人证书', '3'],
  ['9', '社会团体法人登记证书', '6'],
  ['10', '民办非企业单位登记证书', '7']
].map(([code, name, parentCode]) => ({ code, name, parentCode }))

export const SECOND_LEVEL_SERVICE_TYPES = [
  '生活缴费',
  '招聘',
  '会议服务',
  '企业管理',
  '信息查询',
  '效率工具',
  '在线教育'
]

const SERVICE_TYPES = [
  { code: '500', name: '生活服务' },
  { code: '501', name: '商务服务' },
  { code: '502', name: '工具' },
  { code: '503', name: '教育' },
  { code: '1', name: '生活缴费', parentCode: '500' },
  { code: '2', name: '招聘', parentCode: '500' },
  { code: '3', name: '会议服务', parentCode: '501' },
  { code: '4', name: '企业管理', parentCode: '501' },
  { code: '5', name: '信息查询', parentCode: '502' },
  { code: '6', name: '效率工具', parentCode: '502' },
  { code: '7', name: '在线教育', parentCode: '503' }
]

const PRE_APPROVAL_ITEMS = [
  ['1', '新闻'],
  ['2', '出版'],
  ['3', '教育'],
  ['4', '医疗保健'],
  ['5', '药品和医疗器械'],
  ['6', '电子公告服务'],
  ['9', '文化'],
  ['10', '广播电影电视节目'],
  ['11', '网络预约车'],
  ['13', '互联网金融'],
  ['14', '校外培训'],
  ['15', '宗教'],
  ['24', '以上都不涉及']
].map(([code, name]) => ({ code, name }))

export const WECHAT_TABLES: PlatformCodeTables = {
  platform: 'wechat',
  fetchedAt: '2026-11-23T09:00:00+08:00',
  districts: DISTRICTS,
  subjectTypes: SUBJECT_TYPES,
  certificateTypes: CERTIFICATE_TYPES,
  serviceContentTypes: SERVICE_TYPES,
  preApprovalItems: PRE_APPROVAL_ITEMS
}

/** Douyin lists the principals' certificate types on their own, and has no 以上都不涉及 row. */
export const DOUYIN_TABLES: PlatformCodeTables = {
  platform: 'douyin',
  fetchedAt: '2026-11-23T09:00:00+08:00',
  districts: DISTRICTS,
  subjectTypes: SUBJECT_TYPES,
  certificateTypes: CERTIFICATE_TYPES,
  serviceContentTypes: SERVICE_TYPES,
  preApprovalItems: PRE_APPROVAL_ITEMS.filter((p) => p.code !== '24'),
  principalCertificateTypes: [
    { code: '2', name: '居民身份证' },
    { code: '3', name: '护照' }
  ]
}

export const TABLES = { wechat: WECHAT_TABLES, douyin: DOUYIN_TABLES }

// Born 1990-01-01, card issued 2020-01-01 at 30: valid twenty years
export const OWNER_PRINCIPAL_ID = id('12010119900101003')
// Born 1998-06-15, card issued 2019-06-15 at 21: valid ten years
export const APP_PRINCIPAL_ID = id('12010119980615004')

const USCC_PREFIX: Record<Exclude<OwnerType, 'individual'>, string> = {
  enterprise: '91120116MA05K8QR2',
  individual_business: '92120116MA05K8QR2',
  government: '11120116MA05K8QR2',
  institution: '12120116MA05K8QR2',
  social_org: '51120116MA05K8QR2'
}

const CERTIFICATE: Record<OwnerType, NonNullable<FilingForm['owner']['certificateType']>> = {
  individual: 'id_card',
  enterprise: 'business_license',
  individual_business: 'business_license',
  government: 'org_code',
  institution: 'institution_cert',
  social_org: 'social_org_cert'
}

export const OWNER_TYPES_ALL: OwnerType[] = [
  'individual',
  'enterprise',
  'individual_business',
  'government',
  'institution',
  'social_org'
]

const OWNER_NAME: Record<OwnerType, string> = {
  individual: '王若溪',
  enterprise: '天津云帆数字科技有限公司',
  individual_business: '滨海新区云帆会务服务部',
  government: '天津市滨海新区会务管理办公室',
  institution: '天津市滨海新区会务服务中心',
  social_org: '天津市会议服务协会'
}

/** A clean filing of `ownerType` on `platform` (Tianjin, 滨海新区), principals the legal representative. */
export function cleanFiling(ownerType: OwnerType, platform: 'weapp' | 'tt' = 'weapp') {
  const individual = ownerType === 'individual'
  const ownerPrincipal = {
    name: individual ? '王若溪' : '李明远',
    idType: 'id_card' as const,
    idNumber: individual ? APP_PRINCIPAL_ID : OWNER_PRINCIPAL_ID,
    idValidUntil: individual ? '2029-06-15' : '2040-01-01',
    mobile: '13612340001',
    email: 'owner@example.com'
  }
  const form: FilingForm = {
    owner: {
      name: OWNER_NAME[ownerType],
      certificateType: CERTIFICATE[ownerType],
      certificateNumber: individual ? APP_PRINCIPAL_ID : uscc(USCC_PREFIX[ownerType]),
      certificateValidUntil: '长期',
      region: { province: '12', city: '天津市', district: '滨海新区' },
      address: '海川路88号云帆大厦3层',
      certificateAddress: '天津市滨海新区海川路88号云帆大厦3层'
    },
    ownerPrincipal,
    miniProgram: {
      name: '云帆会议室预订',
      description:
        '为园区入驻单位提供会议室在线预订服务：查看会议室空闲时段、预约与取消、到场扫码签到，以及查询预订记录。',
      serviceTypes: ['会议服务', '信息查询'],
      preApproval: 'none',
      preApprovals: []
    },
    appPrincipal: individual
      ? { ...ownerPrincipal }
      : {
          name: '王若溪',
          idType: 'id_card',
          idNumber: APP_PRINCIPAL_ID,
          idValidUntil: '2029-06-15',
          mobile: '13712340002',
          email: 'app@example.com'
        },
    emergencyContact: { name: '赵一鸣', mobile: '13812340003' }
  }
  const profile: FilingProfile = {
    platform,
    filingType: 'new',
    ownerType,
    province: '12',
    ownerPrincipalIsLegalRep: true,
    appPrincipalIsLegalRep: true,
    industries: [],
    texts: {}
  }
  return { form, profile }
}

export const MEDIA = {
  owner_certificate: 'm-owner-cert',
  owner_principal_id_front: 'm-op-front',
  owner_principal_id_back: 'm-op-back',
  app_principal_id_front: 'm-ap-front',
  app_principal_id_back: 'm-ap-back',
  authorisation_letter: 'm-letter',
  residence_permit: 'm-residence',
  pre_approval_0: 'm-pre-0',
  pre_approval_1: 'm-pre-1'
}

export function cleanInput(ownerType: OwnerType, platform: 'weapp' | 'tt' = 'weapp'): SubmissionInput {
  return { ...cleanFiling(ownerType, platform), media: { ...MEDIA }, faceTaskId: 'task-1', today: TODAY }
}
