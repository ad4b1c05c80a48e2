/** The owner's address against the chosen region and the certificate's domicile. */
import type { FilingForm } from '../types'
import { bureauShortName, PROVINCES, type ProvinceRules } from '../rules/provinces'
import { REGIONS, provinceName } from '../rules/regions'
import type { Findings } from './findings'

const STREET_NUMBER_RE = /[0-9０-９一二三四五六七八九十百]+\s*(号|弄|栋|幢|座|楼|室|单元|组|层)|号|已是最详细地址/

function stripCitySuffix(city: string): string {
  return city.replace(/(市|地区|自治州|州|盟)$/, '')
}

export function checkAddress(out: Findings, form: FilingForm, province: ProvinceRules | undefined): void {
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
