/** @jest-environment node */
/**
 * Properties over generated filings on the fakes' own code tables:
 * 1. a filing the self-check passes without errors maps, and the platform fake accepts the mapped body;
 * 2. whatever the input (fields blanked or broken at random), the mapper never hands the fake a body it refuses:
 *    either it maps and the fake accepts, or it reports findings on our fields;
 * 3. any leaf of a mapped body corrupted: each of the fake's refusal hints comes back on one of our fields.
 */
import fc from 'fast-check'
import { runSelfCheck } from '../../../../src/domain'
import { findingsFromHints, mapDouyinRecord, mapWechatApplication } from '../../../../src/domain/platform-filing'
import { validateDouyinRecord } from '../../../../src/server/platform-fake/validate-douyin'
import { validateWechatApplication } from '../../../../src/server/platform-fake/validate-wechat'
import { buildSubmission, filingArb, type FilingChoice } from './arbitraries'
import { TODAY } from './fixtures'
import { withChanges } from './support'

function mapAndValidate(built: ReturnType<typeof buildSubmission>) {
  const { input, tables, ctx } = built
  if (tables.platform === 'wechat') {
    const mapped = mapWechatApplication(input, tables)
    return { mapped, accepted: mapped.ok ? validateWechatApplication(mapped.payload, ctx) : undefined }
  }
  const mapped = mapDouyinRecord(input, tables)
  return { mapped, accepted: mapped.ok ? validateDouyinRecord(mapped.payload, ctx) : undefined }
}

const errorsOf = ({ input }: ReturnType<typeof buildSubmission>) =>
  runSelfCheck(input.form, { profile: input.profile, today: TODAY }).filter((f) => f.severity === 'error')

describe('property: self-check clean → maps → the fake accepts', () => {
  it('holds for generated filings of every owner type on both platforms', () => {
    let clean = 0
    let runs = 0
    fc.assert(
      fc.property(filingArb, (choice: FilingChoice) => {
        runs++
        const built = buildSubmission(choice)
        if (errorsOf(built).length) return
        clean++
        const { mapped, accepted } = mapAndValidate(built)
        expect(mapped.ok ? [] : mapped.findings).toEqual([])
        expect(accepted).toEqual({ ok: true })
      }),
      { numRuns: 400 }
    )
    // the property is not vacuous: a good share of the generated filings are clean
    expect(clean).toBeGreaterThan(runs / 5)
  })
})

/** Ways a user's input can be incomplete or wrong that the self-check does not (all) catch. */
const BREAKAGES: Record<string, unknown>[] = [
  { 'form.owner.region.district': '' },
  { 'form.owner.region.district': '不存在区' },
  { 'form.owner.region.city': '不存在市', 'form.owner.region.district': '' },
  { 'form.owner.certificateAddress': undefined },
  { 'form.appPrincipal.email': undefined },
  { 'form.ownerPrincipal.email': '' },
  { 'form.miniProgram.description': '会议室预订' },
  { 'form.miniProgram.serviceTypes': ['工具类'] },
  { 'form.miniProgram.serviceTypes': ['元宇宙'] },
  { 'form.ownerPrincipal.idType': 'other' },
  { 'form.ownerPrincipal.idValidUntil': '长期', 'extras.ownerPrincipalIdValidFrom': undefined },
  { 'form.owner.certificateType': 'other' },
  { 'form.emergencyContact.mobile': '' },
  { 'extras.legalPerson': undefined },
  { 'media.owner_principal_id_front': undefined },
  { faceTaskId: undefined },
  { 'form.miniProgram.preApproval': undefined }
]

describe('property: a body the mapper returns is one the fake accepts', () => {
  it('holds with any one breakage applied', () => {
    fc.assert(
      fc.property(filingArb, fc.nat({ max: BREAKAGES.length - 1 }), (choice, b) => {
        const built = buildSubmission(choice)
        const broken = { ...built, input: withChanges(built.input, BREAKAGES[b]) }
        const { mapped, accepted } = mapAndValidate(broken)
        if (mapped.ok) expect(accepted).toEqual({ ok: true })
        else for (const f of mapped.findings) expect(f.message).toMatch(/[\u4e00-\u9fa5]/)
      }),
      { numRuns: 400 }
    )
  })
})

/** Every leaf path of a JSON body ('a.b.0.c'). */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix]
  const entries = Object.entries(value as Record<string, unknown>)
  if (!entries.length) return [prefix]
  return entries.flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

function corrupt(body: unknown, path: string, how: number): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>
  const keys = path.split('.')
  let node = copy
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>
  const last = keys[keys.length - 1]
  const bad = [undefined, '', 'x', -1, null][how]
  if (bad === undefined) delete node[last]
  else node[last] = bad
  return copy
}

describe('property: every refusal of a corrupted body lands on one of our fields', () => {
  it('holds for any leaf of either body, corrupted in any way', () => {
    let refusals = 0
    fc.assert(
      fc.property(filingArb, fc.nat(), fc.nat({ max: 4 }), (choice, leaf, how) => {
        const built = buildSubmission(choice)
        if (errorsOf(built).length) return
        const { mapped } = mapAndValidate(built)
        if (!mapped.ok) throw new Error('a clean filing must map')
        // icp_materials is {} here: removing a whole body object is no field of ours
        const paths = leaves(mapped.payload).filter((p) => p !== 'icp_materials')
        const broken = corrupt(mapped.payload, paths[leaf % paths.length], how)
        const platform = built.tables.platform
        const result =
          platform === 'wechat' ? validateWechatApplication(broken, built.ctx) : validateDouyinRecord(broken, built.ctx)
        if (result.ok) return
        refusals++
        const findings = findingsFromHints(
          platform,
          result.hints.map((h) => ({ errField: h.field, errMsg: h.message, errcode: h.code }))
        )
        for (const f of findings) expect([f.field, f.message]).not.toEqual(['platform', expect.anything()])
      }),
      { numRuns: 500 }
    )
    expect(refusals).toBeGreaterThan(100)
  })
})
