/** @jest-environment node */
/**
 * The app keeps a form on the device instead of sending it when it expects the back end to refuse it. Property, end to
 * end: for generated forms (good and malformed IDs, credit codes, phones, e-mails, dates and regions, as the editor can
 * produce them), the app's `syncFormDraft` goes through the real `filings.update` action — dispatch, zod schemas and
 * handler — and
 * - when the app sends a form, the server accepts it;
 * - when the app keeps a form back, the server, sent the same form anyway, refuses it, and every field it names is
 *   one the app named.
 */
import fc from 'fast-check'
import type { FilingForm } from '../../../src/domain/types'
import { formForServer, syncFormDraft } from '../../../src/services/form-draft'
import { FORM, PROFILE, makeEnv } from '../cloud/helpers'
import { startTestPglite } from '../cloud/pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

// the app's API client answers with the real handlers behind the schemas (set per test)
const mockUpdate = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('../../../src/services/api', () => ({
  api: { filings: { update: (input: unknown) => mockUpdate(input), get: jest.fn() } }
}))

/** Mostly good values (so that whole forms are often sendable), sometimes malformed ones. */
const mostly = <T>(good: T[], bad: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 6 }, { arbitrary: fc.constantFrom(...bad), weight: 1 })

const idNumber = mostly(
  ['11010519491231002X', '11010519491231002x', '120101198503127034'],
  ['120101198503127035', '1201011985031270', '']
)
const uscc = mostly(['91350100M000100Y43', '91120116MA05K8QR23'], ['91120116MA05K8QR24', '91120116MA05K8QR2O', ''])
const mobile = mostly(['13800138000', '13612340001', '+86 139 0013 9000'], ['1361234000', '23812340003', ''])
const email = mostly(['zhang@example.com', ''], ['zhang@', 'a b@example.com'])
const date = mostly(['长期', '2040-01-01', ''], ['2040-1-1', '2040/01/01'])
const idType = fc.constantFrom('id_card' as const, 'passport' as const)
const region = fc.constantFrom(
  { province: '11', city: '北京市', district: '海淀区' },
  { province: '', city: '北京市', district: '' },
  undefined
)

const formArb = fc
  .record({
    owner: fc.oneof(
      fc.record({ certificateType: fc.constant('business_license' as const), certificateNumber: uscc }),
      fc.record({ certificateType: fc.constant('id_card' as const), certificateNumber: idNumber }),
      fc.record({ certificateType: fc.constant('business_license' as const), certificateNumber: idNumber })
    ),
    certificateValidUntil: date,
    region,
    op: fc.record({ idType, idNumber, idValidUntil: date, mobile, email }),
    ap: fc.record({ idType, idNumber, idValidUntil: date, mobile, email }),
    ec: mobile
  })
  .map((v): FilingForm => {
    const base = JSON.parse(JSON.stringify(FORM)) as FilingForm
    const owner = {
      ...base.owner,
      ...v.owner,
      certificateValidUntil: v.certificateValidUntil
    }
    if (v.region) owner.region = v.region
    else delete owner.region
    return {
      ...base,
      owner,
      ownerPrincipal: { name: '张三', ...v.op },
      appPrincipal: { name: '李四', ...v.ap },
      emergencyContact: { name: '王五', mobile: v.ec }
    }
  })

const fieldsOf = (errors: Record<string, string[]>) =>
  Object.keys(errors)
    .map((p) => p.replace(/^form\./, ''))
    .sort()

it('the server accepts every form the app sends and refuses every form the app keeps back', async () => {
  const env = makeEnv('pglite')
  const created = await env.ok('user-a', 'filings', 'create', { profile: PROFILE })
  let version = created.version
  mockUpdate.mockImplementation((input: unknown) => env.call('user-a', 'filings', 'update', input))
  let sent = 0
  let keptBack = 0
  await fc.assert(
    fc.asyncProperty(formArb, async (form) => {
      mockUpdate.mockClear()
      const result = await syncFormDraft(created.id, version, form)
      if (mockUpdate.mock.calls.length) {
        sent++
        // what the app sent went through the schemas and the handler, and was taken
        if (result.kind !== 'synced')
          throw new Error(`the app sent a form the server refused: ${JSON.stringify(result)}`)
        version = result.version
        return
      }
      keptBack++
      if (result.kind !== 'invalid' || !result.local) throw new Error(`unexpected result ${JSON.stringify(result)}`)
      const server = await env.call('user-a', 'filings', 'update', {
        id: created.id,
        version,
        form: formForServer(form)
      })
      if (server.ok) throw new Error(`the app kept back a form the server takes: ${fieldsOf(result.fieldErrors)}`)
      expect(server.code).toBe('INVALID')
      // the schema stops at the first refused part of the form; the app's checks name every field
      const app = fieldsOf(result.fieldErrors)
      const named = fieldsOf(server.fieldErrors)
      expect(named.length).toBeGreaterThan(0)
      for (const path of named) expect(app).toContain(path)
    }),
    { numRuns: 150 }
  )
  // both sides of the property were exercised
  expect(sent).toBeGreaterThan(5)
  expect(keptBack).toBeGreaterThan(10)
})
