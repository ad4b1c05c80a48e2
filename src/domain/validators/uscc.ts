/**
 * 统一社会信用代码, GB 32100-2015: 1 registration-authority character, 1 organisation-type character, 6-digit
 * administrative division code, 9-character organisation code, 1 check character (MOD 31 over the 17 before it).
 * The character set leaves out I O S V Z.
 */
import type { Check, OwnerType } from '../types'
import { isMainlandProvince } from '../rules/regions'

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export interface UsccAuthority {
  name: string
  /** organisation type character → name */
  types: Record<string, string>
}

/** Registration authorities and organisation types, GB 32100-2015 table 1. */
export const USCC_AUTHORITIES: Record<string, UsccAuthority> = {
  '1': {
    name: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' }
  },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他'
    }
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' }
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' }
  },
  Y: { name: '其他', types: { '1': '其他' } }
}

/** The owner types (主体类型) a code's first two characters fit. Codes missing here fit none of ours exactly. */
export const USCC_TYPE_OWNER_TYPES: Record<string, OwnerType[]> = {
  '11': ['government'],
  '12': ['institution'],
  '13': ['social_org'],
  '19': ['government', 'institution'],
  '31': ['institution', 'social_org'],
  '32': ['institution'],
  '33': ['institution'],
  '34': ['institution'],
  '35': ['institution'],
  '51': ['social_org'],
  '52': ['social_org'],
  '53': ['social_org'],
  '59': ['social_org'],
  '91': ['enterprise'],
  '92': ['individual_business'],
  '93': ['enterprise'],
  A1: ['institution']
}

export type UsccCheck = Check & {
  /** Two characters: registration authority + organisation type, e.g. '91' 企业, '92' 个体工商户. */
  typeCode?: string
  typeName?: string
  /** Two-digit province of the registering authority ('10' = registered by a national authority). */
  regionCode?: string
  /** Six-digit administrative division code. */
  divisionCode?: string
}

const fail = (code: string, message: string): UsccCheck => ({ ok: false, code, message })

export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i]
  return USCC_CHARSET[(31 - (sum % 31)) % 31]
}

export function validateUscc(value: string): UsccCheck {
  const v = (value ?? '').trim()
  if (!v) return fail('USCC_EMPTY', '请填写统一社会信用代码')
  if (v.length !== 18) return fail('USCC_LENGTH', `统一社会信用代码应为18位，现在是${v.length}位`)
  if (/[a-z]/.test(v)) return fail('USCC_CHARSET', '统一社会信用代码中的字母应为大写，请按营业执照原样填写')
  for (const ch of v) {
    if (!USCC_CHARSET.includes(ch)) {
      return fail(
        'USCC_CHARSET',
        `统一社会信用代码不使用字符“${ch}”（不含 I、O、S、V、Z），请核对是否把数字0/1/2/5误写成字母`
      )
    }
  }
  const authority = USCC_AUTHORITIES[v[0]]
  const typeName = authority?.types[v[1]]
  if (!authority || !typeName) {
    return fail('USCC_TYPE', `统一社会信用代码前两位“${v.slice(0, 2)}”不是有效的登记管理部门和机构类别代码`)
  }
  const divisionCode = v.slice(2, 8)
  const regionCode = divisionCode.slice(0, 2)
  if (!/^\d{6}$/.test(divisionCode) || !(isMainlandProvince(regionCode) || divisionCode === '100000')) {
    return fail('USCC_REGION', `统一社会信用代码第3至8位“${divisionCode}”不是有效的行政区划代码`)
  }
  if (v[17] !== usccCheckChar(v)) {
    return fail('USCC_CHECK_CHAR', '统一社会信用代码校验位不正确，可能有字符输错，请对照营业执照逐位核对')
  }
  return {
    ok: true,
    code: 'OK',
    message: '统一社会信用代码格式正确',
    typeCode: v.slice(0, 2),
    typeName,
    regionCode,
    divisionCode
  }
}
