/**
 * The PostgreSQL layout of the store: one table per collection, the whole document as `jsonb` plus real columns
 * (generated from the document, so no write path can let them drift) for the fields that are filtered, ordered
 * and indexed. Migrations are versioned here and never edited once released: a change is a new migration.
 */
import { COLLECTIONS, INDEXES } from '../records'

/** A real column derived from one top-level field: `text` holds only strings, `numeric` only numbers. */
export interface ColumnSpec {
  field: string
  type: 'text' | 'numeric'
}

/** snake_case column name of a field (`nextAttemptAt` → `next_attempt_at`). */
export const columnName = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error('bad SQL identifier')
  return `"${name}"`
}

/** A real column computed from the document (null when the field is missing or of another type). */
function columnDefSql({ field, type }: ColumnSpec): string {
  const path = `doc->'${field.replace(/'/g, "''")}'`
  const value = type === 'text' ? `doc->>'${field.replace(/'/g, "''")}'` : `(${path})::numeric`
  const jsonType = type === 'text' ? 'string' : 'number'
  return (
    `${quoteIdent(columnName(field))} ${type}${type === 'text' ? ' COLLATE "C"' : ''} ` +
    `GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(${path}) = '${jsonType}' THEN ${value} END) STORED`
  )
}

/** Every table has the document, its `_id` (byte order, like the other stores) and its version as a column. */
export function createTableSql(table: string, columns: readonly ColumnSpec[]): string[] {
  const all: ColumnSpec[] = [{ field: 'version', type: 'numeric' }, ...columns.filter((c) => c.field !== 'version')]
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (_id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, ${all.map(columnDefSql).join(', ')})`
  ]
}

/** A table of a later migration: created, or given the columns it lacks if an older code made it without them. */
function ensureTableSql(table: string, columns: readonly ColumnSpec[]): string[] {
  return [
    ...createTableSql(table, columns),
    ...columns.map((c) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${columnDefSql(c)}`)
  ]
}

export function createIndexSql(schema: string, tableName: string, fields: readonly string[], where?: string): string {
  const cols = fields.map((f) => columnName(f))
  const name = quoteIdent(`${tableName}_${cols.join('_')}${where ? '_due' : ''}_idx`.slice(0, 63))
  const on = `${quoteIdent(schema)}.${quoteIdent(tableName)}`
  return `CREATE INDEX IF NOT EXISTS ${name} ON ${on} (${cols.map(quoteIdent).join(', ')})${where ? ` WHERE ${where}` : ''}`
}

const text = (...fields: string[]): ColumnSpec[] => fields.map((field) => ({ field, type: 'text' }))

/** The platform connector's collections (migration 2). */
const CONNECTOR_COLUMNS: Record<string, ColumnSpec[]> = {
  [COLLECTIONS.platformConnections]: text('filingId', 'ownerId', 'nextSyncAt', 'state', 'appId', 'platform'),
  [COLLECTIONS.platformConnectStates]: text('filingId', 'preAuthCodeHash'),
  [COLLECTIONS.platformNotices]: text('ownerId', 'filingId', 'createdAt'),
  [COLLECTIONS.platformCredentials]: [],
  [COLLECTIONS.platformPushNonces]: text('expiresAt')
}

/** Submission through the platforms' APIs (migration 3): cached code tables, face tasks. */
const SUBMISSION_COLUMNS: Record<string, ColumnSpec[]> = {
  [COLLECTIONS.platformCodeTables]: [],
  [COLLECTIONS.platformFaceTasks]: text('appId', 'platform', 'startedAt')
}

/**
 * The real columns of each known collection: what the handlers, the reminder job and the limits filter on.
 * The server's outbox (local mode) is here too so it is created with the rest.
 */
export const COLLECTION_COLUMNS: Record<string, ColumnSpec[]> = {
  [COLLECTIONS.filings]: text('ownerId'),
  [COLLECTIONS.deliveries]: text('filingId', 'ownerId', 'recipientId', 'state', 'nextAttemptAt'),
  [COLLECTIONS.subscriptions]: text('userId'),
  [COLLECTIONS.invites]: text('filingId', 'ownerId', 'inviteId', 'state', 'expiresAt'),
  [COLLECTIONS.members]: text('filingId', 'userId'),
  [COLLECTIONS.sessions]: text('userId', 'expiresAt'),
  [COLLECTIONS.counters]: [],
  [COLLECTIONS.inviteSlots]: text('filingId'),
  dev_outbox: text('toUserId', 'sentAt'),
  ...CONNECTOR_COLUMNS,
  ...SUBMISSION_COLUMNS
}

export interface Migration {
  version: number
  name: string
  /** Statements run in order inside one transaction. */
  statements: (schema: string) => string[]
}

/** Migration 1's indexes: INDEXES of records.ts as it was, plus what the due-queue and clean-up queries need. */
const V1_INDEXES: Record<string, string[][]> = {
  filings: [['ownerId']],
  reminder_deliveries: [['filingId'], ['recipientId'], ['nextAttemptAt']],
  subscriptions: [['userId']],
  invites: [['filingId'], ['ownerId'], ['inviteId']],
  filing_members: [['filingId'], ['userId']],
  sessions: [['userId'], ['expiresAt']],
  usage_counters: [],
  invite_slots: [['filingId']],
  dev_outbox: [['toUserId']]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'collections with their indexes',
    statements: (schema) => {
      const out: string[] = []
      for (const [name, columns] of Object.entries(COLLECTION_COLUMNS)) {
        out.push(...createTableSql(`${quoteIdent(schema)}.${quoteIdent(name)}`, columns))
        for (const fields of V1_INDEXES[name] ?? []) out.push(createIndexSql(schema, name, fields))
      }
      // the reminder job's page: due deliveries in time order, without walking the sent ones
      out.push(createIndexSql(schema, 'reminder_deliveries', ['nextAttemptAt'], `state IN ('pending', 'claimed')`))
      return out
    }
  },
  {
    version: 2,
    name: 'the platform connector: bindings, authorisation states, notices, credentials, push nonces',
    statements: (schema) => {
      const out: string[] = []
      for (const [name, columns] of Object.entries(CONNECTOR_COLUMNS)) {
        out.push(...ensureTableSql(`${quoteIdent(schema)}.${quoteIdent(name)}`, columns))
        for (const field of INDEXES[name] ?? []) out.push(createIndexSql(schema, name, [field]))
      }
      return out
    }
  },
  {
    version: 3,
    name: 'submission through the platforms: cached code tables, face tasks',
    statements: (schema) =>
      Object.entries(SUBMISSION_COLUMNS).flatMap(([name, columns]) => [
        ...ensureTableSql(`${quoteIdent(schema)}.${quoteIdent(name)}`, columns),
        ...(INDEXES[name] ?? []).map((field) => createIndexSql(schema, name, [field]))
      ])
  },
  {
    version: 4,
    name: 'the reminder job: due deliveries in claim order, deliveries waiting for a quota unit',
    statements: (schema) => {
      const table = `${quoteIdent(schema)}.${quoteIdent(COLLECTIONS.deliveries)}`
      // the claim's order (ORDER BY next_attempt_at NULLS FIRST, _id): read off the index, not a sort of every
      // due row per batch; it replaces migration 1's due index (same rows, its column first)
      return [
        `CREATE INDEX IF NOT EXISTS ${quoteIdent('reminder_deliveries_due_order_idx')} ON ${table} ` +
          `(next_attempt_at NULLS FIRST, _id) WHERE state IN ('pending', 'claimed')`,
        `DROP INDEX IF EXISTS ${quoteIdent(schema)}.${quoteIdent('reminder_deliveries_next_attempt_at_due_idx')}`,
        // a recipient's open deliveries still without a quota unit, per template (the quota step counts them)
        `CREATE INDEX IF NOT EXISTS ${quoteIdent('reminder_deliveries_waiting_unit_idx')} ON ${table} ` +
          `(recipient_id, (doc->>'template')) WHERE state IN ('pending', 'claimed') ` +
          `AND (doc->'quotaTaken') IS DISTINCT FROM 'true'::jsonb`
      ]
    }
  }
]
