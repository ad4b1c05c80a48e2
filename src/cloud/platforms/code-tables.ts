/**
 * The platforms' code tables, cached in the store with their fetch date (collection `platform_code_tables`, one
 * document per platform): the references say the tables change from time to time and must not be hard-coded, so
 * they are fetched again after 7 days, or at once on demand (`refresh`).
 */
import type { Deps } from '../context'
import { DuplicateKeyError, type StoredDoc } from '../ports'
import { COLLECTIONS } from '../records'
import type { ConnectorPlatform } from './connector'
import type { PlatformCodeTables, PlatformFilingApi } from './filing-api'

export const CODE_TABLES_MAX_AGE_MS = 7 * 24 * 3_600_000

export interface CodeTablesRecord extends StoredDoc {
  /** `_id` = the platform. */
  platform: ConnectorPlatform
  tables: PlatformCodeTables
  fetchedAt: string
}

export async function cachedCodeTables(
  deps: Pick<Deps, 'store' | 'clock'>,
  api: PlatformFilingApi,
  appId: string,
  options: { refresh?: boolean } = {}
): Promise<PlatformCodeTables> {
  const col = deps.store.collection<CodeTablesRecord>(COLLECTIONS.platformCodeTables)
  const stored = await col.get(api.platform)
  const age = stored ? deps.clock.now().getTime() - Date.parse(stored.fetchedAt) : Infinity
  if (stored && !options.refresh && age < CODE_TABLES_MAX_AGE_MS) return stored.tables
  const tables = await api.codeTables(appId)
  const fetchedAt = tables.fetchedAt
  if (!stored) {
    try {
      await col.insert({ _id: api.platform, version: 1, platform: api.platform, tables, fetchedAt })
      return tables
    } catch (err) {
      // another request fetched them at the same moment: fall through and overwrite with ours
      if (!(err instanceof DuplicateKeyError)) throw err
    }
  }
  await col.updateWhere({ _id: api.platform }, { set: { tables, fetchedAt }, inc: { version: 1 } })
  return tables
}
