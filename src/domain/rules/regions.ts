/**
 * The 31 provincial-level divisions of the mainland (GB/T 2260 two-digit codes) with the abbreviations used in filing
 * numbers, plus the codes that appear on ID numbers of Hong Kong, Macao and Taiwan residents.
 */
import type { ProvinceCode } from '../types'

export interface Region {
  code: ProvinceCode
  /** Full name as on certificates: 北京市, 内蒙古自治区 … */
  name: string
  /** Short name used in speech and in addresses: 北京, 内蒙古 … */
  shortName: string
  /** One-character abbreviation used in filing numbers (京ICP备…). */
  abbr: string
  /** Second abbreviation also seen in real filing numbers (蜀 贵 云 陇). */
  altAbbr?: string
}

export const REGIONS: Region[] = [
  { code: '11', name: '北京市', shortName: '北京', abbr: '京' },
  { code: '12', name: '天津市', shortName: '天津', abbr: '津' },
  { code: '13', name: '河北省', shortName: '河北', abbr: '冀' },
  { code: '14', name: '山西省', shortName: '山西', abbr: '晋' },
  { code: '15', name: '内蒙古自治区', shortName: '内蒙古', abbr: '蒙' },
  { code: '21', name: '辽宁省', shortName: '辽宁', abbr: '辽' },
  { code: '22', name: '吉林省', shortName: '吉林', abbr: '吉' },
  { code: '23', name: '黑龙江省', shortName: '黑龙江', abbr: '黑' },
  { code: '31', name: '上海市', shortName: '上海', abbr: '沪' },
  { code: '32', name: '江苏省', shortName: '江苏', abbr: '苏' },
  { code: '33', name: '浙江省', shortName: '浙江', abbr: '浙' },
  { code: '34', name: '安徽省', shortName: '安徽', abbr: '皖' },
  { code: '35', name: '福建省', shortName: '福建', abbr: '闽' },
  { code: '36', name: '江西省', shortName: '江西', abbr: '赣' },
  { code: '37', name: '山东省', shortName: '山东', abbr: '鲁' },
  { code: '41', name: '河南省', shortName: '河南', abbr: '豫' },
  { code: '42', name: '湖北省', shortName: '湖北', abbr: '鄂' },
  { code: '43', name: '湖南省', shortName: '湖南', abbr: '湘' },
  { code: '44', name: '广东省', shortName: '广东', abbr: '粤' },
  { code: '45', name: '广西壮族自治区', shortName: '广西', abbr: '桂' },
  { code: '46', name: '海南省', shortName: '海南', abbr: '琼' },
  { code: '50', name: '重庆市', shortName: '重庆', abbr: '渝' },
  { code: '51', name: '四川省', shortName: '四川', abbr: '川', altAbbr: '蜀' },
  { code: '52', name: '贵州省', shortName: '贵州', abbr: '黔', altAbbr: '贵' },
  { code: '53', name: '云南省', shortName: '云南', abbr: '滇', altAbbr: '云' },
  { code: '54', name: '西藏自治区', shortName: '西藏', abbr: '藏' },
  { code: '61', name: '陕西省', shortName: '陕西', abbr: '陕' },
  { code: '62', name: '甘肃省', shortName: '甘肃', abbr: '甘', altAbbr: '陇' },
  { code: '63', name: '青海省', shortName: '青海', abbr: '青' },
  { code: '64', name: '宁夏回族自治区', shortName: '宁夏', abbr: '宁' },
  { code: '65', name: '新疆维吾尔自治区', shortName: '新疆', abbr: '新' }
]

export const REGION_BY_CODE: Record<ProvinceCode, Region> = Object.fromEntries(REGIONS.map((r) => [r.code, r]))

/** Abbreviation (either form) → province code. */
export const PROVINCE_BY_ABBR: Record<string, ProvinceCode> = Object.fromEntries(
  REGIONS.flatMap((r) =>
    r.altAbbr
      ? [
          [r.abbr, r.code],
          [r.altAbbr, r.code]
        ]
      : [[r.abbr, r.code]]
  )
)

/** Codes on ID numbers of residents of Taiwan (71, and 83 on residence permits), Hong Kong (81) and Macao (82). */
export const NON_MAINLAND_ID_REGIONS: Record<string, string> = {
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
  '83': '台湾'
}

export function isMainlandProvince(code: string): boolean {
  return code in REGION_BY_CODE
}

export function provinceName(code: ProvinceCode): string {
  return REGION_BY_CODE[code]?.shortName ?? NON_MAINLAND_ID_REGIONS[code] ?? code
}
