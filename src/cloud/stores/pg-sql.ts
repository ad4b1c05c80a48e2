/**
 * The SQL one collection's filters, orders and patches translate to (PgStore, pg-store.ts). A filter on a field
 * with a real column (pg-schema.ts) and a value of the column's type uses the column and its index; anything else
 * compares inside the jsonb with the same meaning. Strings compare in byte order (COLLATE "C").
 */
import type { FieldCondition, Filter, FindOptions, Patch, StoredDoc } from '../ports'
import { type ColumnSpec, columnName, quoteIdent } from './pg-schema'

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

/** Builds parameterised SQL: `p(value)` adds a parameter and answers its placeholder. */
export class Params {
  readonly values: unknown[] = []
  p(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** The filter's order operators and their SQL (a Map: an operator named like `toString` finds nothing). */
const ORDER_OPERATORS = new Map<string, '<' | '<=' | '>' | '>='>([
  ['$lt', '<'],
  ['$lte', '<='],
  ['$gt', '>'],
  ['$gte', '>=']
])

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`

export class CollectionSql<T extends StoredDoc> {
  private readonly columns: Map<string, ColumnSpec['type']>

  constructor(columns: readonly ColumnSpec[]) {
    this.columns = new Map([
      ['version', 'numeric'],
      ...columns.map((c): [string, ColumnSpec['type']] => [c.field, c.type])
    ])
  }

  /** The column holding `field` when `value` is of its type, else null (compare inside the jsonb). */
  private column(field: string, value: unknown): string | null {
    if (field === '_id') return typeof value === 'string' ? '_id' : null
    const type = this.columns.get(field)
    if (type === 'text' && typeof value === 'string') return quoteIdent(columnName(field))
    if (type === 'numeric' && typeof value === 'number' && Number.isFinite(value)) return quoteIdent(columnName(field))
    return null
  }

  private jsonPath(field: string): string {
    return field === '_id' ? `to_jsonb(_id)` : `doc->${sqlString(field)}`
  }

  private comparison(field: string, op: '<' | '<=' | '>' | '>=', value: unknown, params: Params): string {
    const col = this.column(field, value)
    if (col) return `${col} ${op} ${params.p(value)}`
    const path = this.jsonPath(field)
    if (typeof value === 'string') {
      return `(CASE WHEN jsonb_typeof(${path}) = 'string' THEN (${path} #>> '{}') COLLATE "C" END) ${op} ${params.p(value)}`
    }
    if (typeof value === 'number') {
      return `(CASE WHEN jsonb_typeof(${path}) = 'number' THEN (${path})::numeric END) ${op} ${params.p(value)}::numeric`
    }
    const v = params.p(JSON.stringify(value))
    return `(jsonb_typeof(${path}) = jsonb_typeof(${v}::jsonb) AND ${path} ${op} ${v}::jsonb)`
  }

  private equality(field: string, value: unknown, params: Params, negate: boolean): string {
    const col = this.column(field, value)
    if (col) return negate ? `${col} IS DISTINCT FROM ${params.p(value)}` : `${col} = ${params.p(value)}`
    const path = this.jsonPath(field)
    if (value === null)
      return negate ? `(${path} IS NOT NULL AND ${path} <> 'null')` : `(${path} IS NULL OR ${path} = 'null')`
    const v = `${params.p(JSON.stringify(value))}::jsonb`
    return negate ? `${path} IS DISTINCT FROM ${v}` : `${path} = ${v}`
  }

  private membership(field: string, values: readonly unknown[], params: Params): string {
    if (!values.length) return 'false'
    const col = values.every((v) => this.column(field, v) !== null) ? this.column(field, values[0]) : null
    // strings against a text column as a text[] parameter: the planner can prove a partial index's predicate from
    // it (the reminder job's due index: `state IN ('pending', 'claimed')`), which it cannot from a sub-select
    if (col && this.columns.get(field) !== 'numeric') return `${col} = ANY(${params.p([...values])}::text[])`
    const list = params.p(JSON.stringify(values))
    if (col) {
      const element = this.columns.get(field) === 'numeric' && field !== '_id' ? `e::numeric` : `e #>> '{}'`
      return `${col} = ANY(ARRAY(SELECT ${element} FROM jsonb_array_elements(${list}::jsonb) e))`
    }
    const path = this.jsonPath(field)
    const nullClause = values.includes(null) ? ` OR ${path} IS NULL` : ''
    return `(EXISTS (SELECT 1 FROM jsonb_array_elements(${list}::jsonb) e WHERE e = ${path})${nullClause})`
  }

  where(filter: Filter<T>, params: Params): string {
    const clauses: string[] = []
    for (const [field, condition] of Object.entries(filter as Record<string, FieldCondition<unknown>>)) {
      if (condition === undefined) continue
      if (!isPlainObject(condition)) {
        clauses.push(this.equality(field, condition, params, false))
        continue
      }
      const entries = Object.entries(condition)
      if (entries.length !== 1) throw new Error('one operator per field')
      const [op, value] = entries[0]
      const order = ORDER_OPERATORS.get(op)
      if (order) clauses.push(this.comparison(field, order, value, params))
      else if (op === '$ne') clauses.push(this.equality(field, value, params, true))
      else if (op === '$in') clauses.push(this.membership(field, value as unknown[], params))
      else throw new Error('unsupported filter operator')
    }
    return clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''
  }

  orderBy(options: FindOptions<T>): string {
    if (!options.orderBy) return ''
    const { field, direction } = options.orderBy
    const dir = direction === 'asc' ? 'ASC' : 'DESC'
    if (field === '_id') return ` ORDER BY _id ${dir}`
    const type = this.columns.get(field)
    if (type) return ` ORDER BY ${quoteIdent(columnName(field))} ${dir} NULLS FIRST, _id ${dir}`
    // mixed types: by kind first, then numbers by value and strings in byte order
    const path = this.jsonPath(field)
    return (
      ` ORDER BY jsonb_typeof(${path}) ${dir} NULLS FIRST,` +
      ` (CASE WHEN jsonb_typeof(${path}) = 'number' THEN (${path})::numeric END) ${dir},` +
      ` (${path} #>> '{}') COLLATE "C" ${dir}, _id ${dir}`
    )
  }

  /** The new document as SQL (`doc` patched), or null when the patch changes nothing. */
  patched(patch: Patch<T>, params: Params): string | null {
    let doc = 'doc'
    const set = Object.fromEntries(Object.entries((patch.set ?? {}) as object).filter(([, v]) => v !== undefined))
    if (Object.keys(set).length) doc = `(${doc} || ${params.p(JSON.stringify(set))}::jsonb)`
    const unset = (patch.unset ?? []) as string[]
    if (unset.length)
      doc = `(${doc} - ARRAY(SELECT jsonb_array_elements_text(${params.p(JSON.stringify(unset))}::jsonb)))`
    for (const [field, amount] of Object.entries((patch.inc ?? {}) as Record<string, number>)) {
      const old = `(CASE WHEN jsonb_typeof(doc->${sqlString(field)}) = 'number' THEN (doc->${sqlString(field)})::numeric ELSE 0 END)`
      doc = `jsonb_set(${doc}, ARRAY[${sqlString(field)}], to_jsonb(${old} + ${params.p(amount)}::numeric))`
    }
    return doc === 'doc' ? null : doc
  }
}
