/**
 * The platforms' raw code-table answers → PlatformCodeTables (codes as strings, one flat list per table, each entry
 * with its parent's code). WeChat: the five `query_icp_*` GETs (wechat-icp-api.md §5); Douyin: the five option lists
 * (douyin-icp-api.md §5). Certificate types carry the subject type that may use them as `parentCode`; personal
 * certificates (for principals) are those under the subject type 个人.
 */
import type { CodeEntry, PlatformCodeTables } from './filing-api'

type Json = Record<string, unknown>

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === 'object') : [])
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

function withParent(code: unknown, name: unknown, parent?: unknown): CodeEntry {
  const p = str(parent)
  return { code: str(code), name: str(name), ...(p && p !== '0' ? { parentCode: p } : {}) }
}

function flattenRegions(nodes: Json[], childKey: string, parent?: string): CodeEntry[] {
  return nodes.flatMap((n) => [
    withParent(n.code, n.name, parent),
    ...flattenRegions(list(n[childKey]), childKey, str(n.code))
  ])
}

export interface WechatRawTables {
  districts: unknown
  subjectTypes: unknown
  certificateTypes: unknown
  serviceContentTypes: unknown
  nrlxTypes: unknown
}

export function normaliseWechatTables(raw: WechatRawTables, fetchedAt: string): PlatformCodeTables {
  return {
    platform: 'wechat',
    fetchedAt,
    districts: flattenRegions(list(raw.districts), 'sub_list'),
    subjectTypes: list(raw.subjectTypes).map((t) => withParent(t.type, t.name)),
    certificateTypes: list(raw.certificateTypes).map((t) => withParent(t.type, t.name, t.subject_type)),
    serviceContentTypes: list(raw.serviceContentTypes).map((t) => withParent(t.type, t.name, t.parent_type)),
    preApprovalItems: list(raw.nrlxTypes).map((t) => withParent(t.type, t.name))
  }
}

export interface DouyinRawTables {
  regions: unknown
  corpTypes: unknown
  inchargeCredentialTypes: unknown
  serviceContentTypes: unknown
  preApprovalItems: unknown
}

export function normaliseDouyinTables(raw: DouyinRawTables, fetchedAt: string): PlatformCodeTables {
  const corpTypes = list(raw.corpTypes)
  const personal = corpTypes.find((c) => c.corp_type_name === '个人')
  const certificates = corpTypes.flatMap((c) =>
    list(c.credentials_type_list).map((t) => withParent(t.credentials_type_id, t.credentials_type_name, c.corp_type_id))
  )
  // the principals' list may hold types the 个人 subject does not: they count as personal certificates too
  for (const t of list(raw.inchargeCredentialTypes)) {
    const e = withParent(t.credentials_type_id, t.credentials_type_name, personal?.corp_type_id)
    if (!certificates.some((c) => c.code === e.code && c.parentCode === e.parentCode)) certificates.push(e)
  }
  return {
    platform: 'douyin',
    fetchedAt,
    districts: flattenRegions(list(raw.regions), 'sub_region'),
    subjectTypes: corpTypes.map((c) => withParent(c.corp_type_id, c.corp_type_name)),
    certificateTypes: certificates,
    serviceContentTypes: list(raw.serviceContentTypes).flatMap((t) => [
      withParent(t.service_content_type_id, t.service_content_type_name),
      ...list(t.sub_service_content_type_list).map((s) =>
        withParent(s.service_content_type_id, s.service_content_type_name, t.service_content_type_id)
      )
    ]),
    preApprovalItems: list(raw.preApprovalItems).map((t) =>
      withParent(t.pre_approval_item_id, t.pre_approval_item_name)
    )
  }
}
