/** @jest-environment node */
/**
 * Property-based fuzzing of every action: whatever the input — random values, or a valid input with one part
 * replaced, removed or added — the answer is an envelope and nothing throws.
 */
import fc from 'fast-check'
import { CLIENT_FUNCTIONS } from '../../../src/cloud/actions'
import type { ActionDef } from '../../../src/cloud/context'
import { dispatch } from '../../../src/cloud/dispatch'
import { HTTP_STATUS } from '../../../src/cloud/envelope'
import { FORM, PROFILE, makeEnv, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'owner-a'
const P = 'principal-p'

type Sample = Record<string, unknown>

async function samples(env: TestEnv): Promise<Record<string, Record<string, Sample>>> {
  const filing = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
  const invite = await env.ok(A, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' })
  const spare = await env.ok(A, 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
  await env.ok(P, 'invites', 'accept', { token: invite.token })
  const id = filing.id
  return {
    filings: {
      create: {
        profile: PROFILE,
        form: FORM,
        title: '标题',
        materials: { owner_license: 'ready' },
        clientRef: 'draft-abcdef'
      },
      get: { id, reveal: true },
      list: {},
      update: { id, version: 1, title: '新', profile: PROFILE, form: FORM, materials: { a: 'todo' } },
      advance: { id, version: 1, action: { type: 'platform_pass', smsReceivedAt: '2025-03-03T10:00:00+08:00' } },
      remove: { id },
      schedule: { id },
      export: {},
      purge: { confirm: true },
      draftKey: {}
    },
    subscriptions: {
      record: { results: [{ template: 'sms_deadline', result: 'accept' }] },
      status: {}
    },
    invites: {
      create: { filingId: id, role: 'owner_principal', withCode: true },
      accept: { token: spare.token },
      revoke: { inviteId: spare.inviteId },
      list: { filingId: id }
    },
    connector: {
      connect: { id },
      status: { id },
      disconnect: { id },
      readNotices: { id },
      agency: { stages: ['platform_review'] }
    },
    submission: {
      prepare: { id },
      uploadMedia: {
        id,
        slot: 'owner_certificate',
        fileName: 'a.jpg',
        mimeType: 'image/jpeg',
        dataBase64: '/9j/4AAQ',
        consent: true
      },
      startFace: { id, via: 'qr' },
      faceStatus: { id },
      submit: { id },
      withdraw: { id },
      cancel: { id, kind: 'mini_program' },
      saveExtras: { id, extras: { appPrincipalIdValidFrom: '2012-08-15', legalPersonName: '李明远' } }
    }
  }
}

/** Every path of an object (dotted), for mutations. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const out: string[][] = prefix.length ? [prefix] : []
  for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}

function mutate(
  sample: Sample,
  path: string[],
  op: 'replace' | 'delete' | 'add',
  value: unknown,
  extraKey: string
): unknown {
  const copy = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>
  if (!path.length) return op === 'replace' ? value : copy
  let node = copy as Record<string, unknown>
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>
  const last = path[path.length - 1]
  if (op === 'replace') node[last] = value
  else if (op === 'delete') delete node[last]
  else if (typeof node[last] === 'object' && node[last] !== null)
    (node[last] as Record<string, unknown>)[extraKey] = value
  else node[extraKey] = value
  return copy
}

const nasty = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 3000 }),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', '*'.repeat(20), '138****8000', '长期', 'NaN', '1e309'),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, [], {}, -1, 0, Number.MAX_SAFE_INTEGER)
)

function isEnvelope(res: unknown): boolean {
  const r = res as { ok?: unknown; code?: unknown; message?: unknown; fieldErrors?: unknown; data?: unknown }
  if (r?.ok === true) return 'data' in r
  return (
    r?.ok === false &&
    typeof r.code === 'string' &&
    typeof r.message === 'string' &&
    /[\u4e00-\u9fff]/.test(r.message) &&
    typeof r.fieldErrors === 'object'
  )
}

describe('fuzzing every action', () => {
  let env: TestEnv
  let valid: Awaited<ReturnType<typeof samples>>
  beforeAll(async () => {
    env = makeEnv('wx')
    valid = await samples(env)
  })

  const cases = Object.entries(CLIENT_FUNCTIONS).flatMap(([fn, actions]) =>
    Object.keys(actions).map((action) => [fn, action] as const)
  )

  it.each(cases)('%s.%s answers an envelope for any input', async (fn, action) => {
    const actions = (CLIENT_FUNCTIONS as unknown as Record<string, Record<string, ActionDef>>)[fn]
    const sample = valid[fn][action]
    const allPaths = [[], ...paths(sample)]
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nasty.map((data) => ({ action, data })),
          fc
            .tuple(
              fc.constantFrom(...allPaths),
              fc.constantFrom('replace', 'delete', 'add') as fc.Arbitrary<'replace' | 'delete' | 'add'>,
              nasty,
              fc.string({ maxLength: 12 })
            )
            .map(([path, op, value, key]) => ({ action, data: mutate(sample, path, op, value, key) })),
          fc.anything()
        ),
        fc.constantFrom(A, P, 'stranger', null),
        async (event, user) => {
          const res = await dispatch(fn, actions, event, { userId: async () => user }, env.deps)
          expect(isEnvelope(res)).toBe(true)
          expect(JSON.stringify(res ?? null)).not.toMatch(/at .*\.ts:\d+|Error:/)
        }
      ),
      { numRuns: 60 }
    )
  })
})

/** `constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`, … — every name a plain `{}` already has. */
const BUILT_IN_NAMES = Object.getOwnPropertyNames(Object.prototype)

/** A copy of `sample` with an own property `key` (even `__proto__`) added to the object at `path`. */
function withOwnKey(sample: Sample, path: string[], key: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>
  let node = copy
  for (const k of path) node = node[k] as Record<string, unknown>
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

/** Every object inside a value, as paths; the root is []. Arrays are walked, not keyed (JSON drops such keys). */
function objectPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return []
  const out = Array.isArray(value) ? [] : [prefix]
  for (const [k, v] of Object.entries(value)) out.push(...objectPaths(v, [...prefix, k]))
  return out
}

describe('keys named after built-in object properties, at every depth of every action', () => {
  let env: TestEnv
  let valid: Awaited<ReturnType<typeof samples>>
  beforeAll(async () => {
    env = makeEnv('pglite')
    valid = await samples(env)
  })

  const cases = Object.entries(CLIENT_FUNCTIONS).flatMap(([fn, actions]) =>
    Object.keys(actions).map((action) => [fn, action] as const)
  )

  it('there are names to try, __proto__ among them', () => {
    expect(BUILT_IN_NAMES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty']))
  })

  it.each(cases)('%s.%s answers a 4xx envelope', async (fn, action) => {
    const actions = (CLIENT_FUNCTIONS as unknown as Record<string, Record<string, ActionDef>>)[fn]
    const sample = valid[fn][action]
    for (const path of objectPaths(sample)) {
      for (const name of BUILT_IN_NAMES) {
        for (const value of [1, 'ready', {}, null]) {
          const data = withOwnKey(sample, path, name, value)
          // also through JSON, as a request body arrives: JSON.parse makes `__proto__` an own key too
          const event = JSON.parse(JSON.stringify({ action, data })) as unknown
          const res = await dispatch(fn, actions, event, { userId: async () => A }, env.deps)
          const where = `${[...path, name].join('.')} = ${JSON.stringify(value)}`
          expect({ where, ok: res.ok }).toEqual({ where, ok: false })
          if (res.ok) continue
          expect({ where, status: HTTP_STATUS[res.code] }).toEqual({ where, status: expect.any(Number) })
          expect(HTTP_STATUS[res.code]).toBeGreaterThanOrEqual(400)
          expect(HTTP_STATUS[res.code]).toBeLessThan(500)
          expect(isEnvelope(res)).toBe(true)
        }
      }
    }
  })

  it('a material id named after a built-in property is refused', async () => {
    for (const name of BUILT_IN_NAMES) {
      const materials = JSON.parse(`{${JSON.stringify(name)}:"ready"}`) as unknown
      const res = await env.call(A, 'filings', 'create', { profile: PROFILE, materials })
      expect({ name, ok: res.ok, code: res.ok ? null : res.code }).toEqual({ name, ok: false, code: 'INVALID' })
    }
  })
})
