/**
 * Our form's choices → the platform's codes, looked up in the fetched tables by name. A value the table does not
 * know becomes a finding on our field with the platform's own options to choose from.
 */
import { OWNER_TYPES } from '../rules/owner-types'
import { INDUSTRIES } from '../rules/industries'
import type { FilingForm, FilingProfile, PersonForm } from '../types'
import {
  childrenOf,
  findByName,
  firstLevelServiceTypes,
  provinces,
  secondLevelServiceTypes,
  type CodeEntry,
  type PlatformCodeTables
} from './code-tables'
import { type MapFindings, trimmed } from './map-findings'
import {
  certificateTypeCandidates,
  NO_PRE_APPROVAL_NAMES,
  personCertificateCandidates,
  preApprovalCandidates,
  subjectTypeCandidates
} from './names'

export interface MappedRegion {
  province?: CodeEntry
  city?: CodeEntry
  district?: CodeEntry
}

const stripSuffix = (name: string): string => name.replace(/(省|市|自治区|特别行政区|地区|自治州|州|盟|区|县)$/, '')

function matchCity(form: FilingForm, cities: CodeEntry[], tables: PlatformCodeTables): CodeEntry | undefined {
  const city = trimmed(form.owner.region?.city)
  const byName = city ? findByName(cities, [city, stripSuffix(city)]) : undefined
  if (byName) return byName
  // 北京市 / 天津市 … are listed as 市辖区: find the city by the district the user chose
  const district = trimmed(form.owner.region?.district)
  if (district) {
    const hosts = cities.filter((c) => findByName(childrenOf(tables.districts, c.code), [district]))
    if (hosts.length === 1) return hosts[0]
  }
  return cities.length === 1 ? cities[0] : undefined
}

export function mapRegion(
  out: MapFindings,
  form: FilingForm,
  profile: FilingProfile,
  tables: PlatformCodeTables
): MappedRegion {
  const code = trimmed(form.owner.region?.province) || profile.province
  const all = provinces(tables)
  const province = all.find((p) => p.code.slice(0, 2) === code.slice(0, 2))
  if (!province) {
    out.add(
      'owner.region.province',
      'NOT_IN_PLATFORM_TABLE',
      '平台的地区列表中没有所选省份',
      '从平台列出的省份中选择',
      all
    )
    return {}
  }
  const cities = childrenOf(tables.districts, province.code)
  const city = matchCity(form, cities, tables)
  if (!city) {
    const name = trimmed(form.owner.region?.city)
    out.add(
      'owner.region.city',
      name ? 'NOT_IN_PLATFORM_TABLE' : 'REQUIRED',
      name ? `平台的地区列表中没有“${name}”` : '平台要求选择所在城市',
      `从${province.name}的城市中选择`,
      cities
    )
    return { province }
  }
  const districts = childrenOf(tables.districts, city.code)
  const name = trimmed(form.owner.region?.district)
  const district = name ? findByName(districts, [name, stripSuffix(name)]) : undefined
  if (!district) {
    out.add(
      'owner.region.district',
      name ? 'NOT_IN_PLATFORM_TABLE' : 'REQUIRED',
      name ? `平台的地区列表中，${city.name}没有“${name}”` : '平台要求选择所在区县',
      `从${city.name}的区县中选择`,
      districts
    )
    return { province, city }
  }
  return { province, city, district }
}

export function mapSubjectType(out: MapFindings, profile: FilingProfile, tables: PlatformCodeTables) {
  const subject = findByName(tables.subjectTypes, subjectTypeCandidates(profile.ownerType))
  if (!subject) {
    out.add(
      'owner.certificateType',
      'NOT_IN_PLATFORM_TABLE',
      `平台的主体类型中没有“${OWNER_TYPES[profile.ownerType].label}”`,
      '按平台列出的主体类型确认你的主体性质',
      tables.subjectTypes
    )
  }
  return subject
}

export function mapOwnerCertificateType(
  out: MapFindings,
  form: FilingForm,
  subject: CodeEntry | undefined,
  tables: PlatformCodeTables
): CodeEntry | undefined {
  if (!subject) return undefined
  const pool = tables.certificateTypes.filter((c) => c.parentCode === subject.code)
  const type = findByName(pool, certificateTypeCandidates(form.owner.certificateType))
  if (!type) {
    out.add(
      'owner.certificateType',
      'NOT_IN_PLATFORM_TABLE',
      `平台不接受${subject.name}用所选证件备案`,
      '从平台列出的证件类型中选择',
      pool
    )
  }
  return type
}

export function mapPersonCertificateType(
  out: MapFindings,
  section: 'ownerPrincipal' | 'appPrincipal',
  person: Partial<PersonForm>,
  tables: PlatformCodeTables
): CodeEntry | undefined {
  let pool = tables.principalCertificateTypes
  if (!pool) {
    const individual = findByName(tables.subjectTypes, subjectTypeCandidates('individual'))
    pool = individual ? tables.certificateTypes.filter((c) => c.parentCode === individual.code) : []
  }
  const type = findByName(pool, personCertificateCandidates(person.idType))
  if (!type) {
    out.add(
      `${section}.idType`,
      'NOT_IN_PLATFORM_TABLE',
      '平台的负责人证件类型中没有所选证件',
      '从平台列出的证件类型中选择',
      pool
    )
  }
  return type
}

const MAX_SERVICE_TYPES = 5

/** Second-level service content type codes, each once, at most five. */
export function mapServiceTypes(out: MapFindings, form: FilingForm, tables: PlatformCodeTables): CodeEntry[] {
  const field = 'miniProgram.serviceTypes'
  const second = secondLevelServiceTypes(tables)
  const first = firstLevelServiceTypes(tables)
  const chosen: CodeEntry[] = []
  const names = (form.miniProgram.serviceTypes ?? []).map((s) => s.trim()).filter(Boolean)
  if (!names.length)
    out.add(field, 'REQUIRED', '平台要求选择服务内容类型', '从平台列出的二级类型中选择，最多5项', second)
  for (const name of names) {
    const hit = findByName(second, [name])
    if (hit) {
      if (!chosen.some((c) => c.code === hit.code)) chosen.push(hit)
      continue
    }
    const parent = findByName(first, [name])
    if (parent) {
      out.add(
        field,
        'SERVICE_TYPE_FIRST_LEVEL',
        `“${name}”是一级类型，平台只接受它下面的二级类型`,
        `从“${parent.name}”下的类型中选择`,
        childrenOf(tables.serviceContentTypes, parent.code)
      )
    } else {
      out.add(field, 'NOT_IN_PLATFORM_TABLE', `平台的服务内容类型中没有“${name}”`, '从平台列出的类型中选择', second)
    }
  }
  if (chosen.length > MAX_SERVICE_TYPES) {
    out.add(
      field,
      'SERVICE_TYPES_TOO_MANY',
      `平台最多接受${MAX_SERVICE_TYPES}个服务内容类型，现在有${chosen.length}个`,
      '只保留最主要的业务类型'
    )
  }
  return chosen
}

export interface MappedPreApproval {
  /** The table row, the form entry's index (for its media slot) and approval number. */
  item: CodeEntry
  index: number
  approvalNumber: string
}

/** 'none' → the 以上都不涉及 row (undefined on a table without one); 'has' → one row per approval. */
export function mapPreApprovals(
  out: MapFindings,
  form: FilingForm,
  tables: PlatformCodeTables
): { none?: CodeEntry; approvals: MappedPreApproval[] } {
  const mp = form.miniProgram
  if (mp.preApproval === undefined) {
    out.add('miniProgram.preApproval', 'REQUIRED', '平台要求回答是否涉及前置审批', '按实际业务选择')
    return { approvals: [] }
  }
  if (mp.preApproval === 'none')
    return { none: findByName(tables.preApprovalItems, NO_PRE_APPROVAL_NAMES), approvals: [] }
  const approvals: MappedPreApproval[] = []
  ;(mp.preApprovals ?? []).forEach((entry, index) => {
    const item = findByName(tables.preApprovalItems, preApprovalCandidates(entry.industry))
    const label = INDUSTRIES[entry.industry]?.label ?? entry.industry
    if (!item) {
      out.add(
        `miniProgram.preApprovals.${index}`,
        'NOT_IN_PLATFORM_TABLE',
        `平台的前置审批类型中没有“${label}”`,
        '从平台列出的前置审批类型中选择',
        tables.preApprovalItems
      )
    } else if (approvals.some((a) => a.item.code === item.code)) {
      out.add(
        `miniProgram.preApprovals.${index}`,
        'PRE_APPROVAL_DUPLICATE',
        `前置审批类型“${item.name}”填了两次`,
        '同一类型的审批文件只填一次'
      )
    } else {
      approvals.push({ item, index, approvalNumber: trimmed(entry.approvalNumber) })
    }
    if (!trimmed(entry.approvalNumber)) {
      out.add(
        `miniProgram.preApprovals.${index}.approvalNumber`,
        'REQUIRED',
        `请填写${label}审批文号`,
        '按审批文件原样填写'
      )
    }
  })
  if (!approvals.length && !out.list.some((f) => f.field.startsWith('miniProgram.preApprovals'))) {
    out.add('miniProgram.preApprovals', 'REQUIRED', '平台要求填写前置审批文件', '上传审批文件，填写审批文号')
  }
  return { approvals }
}
