/** @jest-environment node */
/**
 * The client keeps a form on the device instead of sending it when the back end would refuse it
 * (`refusedByServer`). Property: for any mix of good and malformed IDs, credit codes, phones, e-mails and dates,
 * the client refuses exactly what the real `filings.update` handler refuses, field for field.
 */
import fc from 'fast-check'
import type { FilingForm } from '../../../src/domain/types'
import { refusedByServer } from '../../../src/services/form-draft'
import { FORM, PROFILE, makeEnv } from '../cloud/helpers'

// only the pure part of the client module is used here: no platform underneath
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('../../../src/services/api', () => ({ api: {} }))

const idNumber = fc.constantFrom(
  '11010519491231002X',
  '120101198503127034',
  '120101198503127035',
  '1201011985031270',
  ''
)
const uscc = fc.constantFrom('91350100M000100Y43', '91120116MA05K8QR23', '91120116MA05K8QR24', '91120116MA05K8QR2O', '')
const mobile = fc.constantFrom('13800138000', '13612340001', '1361234000', '23812340003', '+86 139 0013 9000', '')
const email = fc.constantFrom('zhang@example.com', 'zhang@', 'a b@example.com', '')
const date = fc.constantFrom('长期', '2040-01-01', '2040-1-1', '2040/01/01', '')
const idType = fc.constantFrom('id_card' as const, 'passport' as const)

const formArb = fc
  .record({
    certificateType: fc.constantFrom('business_license' as const, 'id_card' as const),
    certificateNumber: fc.oneof(idNumber, uscc),
    certificateValidUntil: date,
    op: fc.record({ idType, idNumber, idValidUntil: date, mobile, email }),
    ap: fc.record({ idType, idNumber, idValidUntil: date, mobile, email }),
    ec: mobile
  })
  .map((v): FilingForm => ({
    ...(JSON.parse(JSON.stringify(FORM)) as FilingForm),
    owner: {
      ...(FORM.owner as FilingForm['owner']),
      certificateType: v.certificateType,
      certificateNumber: v.certificateNumber,
      certificateValidUntil: v.certificateValidUntil
    },
    ownerPrincipal: { name: '张三', ...v.op },
    appPrincipal: { name: '李四', ...v.ap },
    emergencyContact: { name: '王五', mobile: v.ec }
  }))

it('refuses a form exactly when filings.update does, naming every field the server names', async () => {
  const env = makeEnv('nedb')
  const created = await env.ok('user-a', 'filings', 'create', { profile: PROFILE })
  let version = created.version
  let refusedCount = 0
  await fc.assert(
    fc.asyncProperty(formArb, async (form) => {
      const client = Object.keys(refusedByServer(form)).sort()
      const res = await env.call('user-a', 'filings', 'update', { id: created.id, version, form })
      if (res.ok) version = res.data.version
      const server = res.ok
        ? []
        : Object.keys(res.fieldErrors)
            .map((p) => p.replace(/^form\./, ''))
            .sort()
      if (!res.ok) expect(res.code).toBe('INVALID')
      // the schema stops at the first refused part of the form; the field checks report every field
      if (server.length && !client.length) throw new Error(`server refused ${server} but the client would send`)
      for (const path of server) expect(client).toContain(path)
      if (client.length) {
        refusedCount++
        expect(res.ok).toBe(false)
      }
    }),
    { numRuns: 150 }
  )
  expect(refusedCount).toBeGreaterThan(10)
})
