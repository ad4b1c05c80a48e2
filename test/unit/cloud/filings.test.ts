/** @jest-environment node */
import {
  FORM,
  ID_NUMBER,
  MOBILE,
  PROFILE,
  SENSITIVE_VALUES,
  STORE_KINDS,
  USCC,
  everythingStored,
  makeEnv
} from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'user-a'

describe.each(STORE_KINDS)('filings over the %s store', (kind) => {
  it('creates a filing with encrypted sensitive values and returns it masked', async () => {
    const env = makeEnv(kind)
    const created = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    expect(created).toMatchObject({ title: '示例小程序', version: 1, access: 'owner', revealed: false })
    expect(created.progress.stage).toBe('draft')
    expect(created.form.ownerPrincipal.idNumber).not.toBe(ID_NUMBER)
    expect(created.form.ownerPrincipal.idNumber).toMatch(/^110\*+002X$/)
    expect(created.form.ownerPrincipal.mobile).toMatch(/^138\*{4}8000$/)
    expect(created.form.owner.name).toBe('北京示例科技有限公司')
    const stored = await everythingStored(env)
    for (const v of SENSITIVE_VALUES) expect(stored).not.toContain(v)
  })

  it('reveals full values to the owner only when asked', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    const masked = await env.ok(A, 'filings', 'get', { id })
    const revealed = await env.ok(A, 'filings', 'get', { id, reveal: true })
    expect(masked.revealed).toBe(false)
    expect(revealed).toMatchObject({ revealed: true })
    expect(revealed.form.ownerPrincipal.idNumber).toBe(ID_NUMBER)
    expect(revealed.form.owner.certificateNumber).toBe(USCC)
    expect(revealed.form.emergencyContact.mobile).toBe('13700137000')
  })

  it('updates with the expected version; a stale version is a CONFLICT and changes nothing', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    const v2 = await env.ok(A, 'filings', 'update', { id, version: 1, title: '新标题' })
    expect(v2).toMatchObject({ title: '新标题', version: 2 })
    const stale = await env.call(A, 'filings', 'update', { id, version: 1, title: '旧客户端' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'STALE_VERSION' })
    expect((await env.ok(A, 'filings', 'get', { id })).title).toBe('新标题')
  })

  it('of two concurrent updates with the same version exactly one wins', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE })
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((title) => env.call(A, 'filings', 'update', { id, version: 1, title }))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(2)
    expect((await env.ok(A, 'filings', 'get', { id })).version).toBe(2)
  })

  it('keeps a stored value when the client sends back its masked form, refuses other masked text', async () => {
    const env = makeEnv(kind)
    const created = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    const roundTrip = await env.ok(A, 'filings', 'update', { id: created.id, version: 1, form: created.form })
    expect((await env.ok(A, 'filings', 'get', { id: created.id, reveal: true })).form.ownerPrincipal.idNumber).toBe(
      ID_NUMBER
    )
    const bad = await env.call(A, 'filings', 'update', {
      id: created.id,
      version: roundTrip.version,
      form: { ...FORM, ownerPrincipal: { ...FORM.ownerPrincipal, mobile: '139****0000' } }
    })
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { 'ownerPrincipal.mobile': expect.any(Array) }
    })
  })

  it.each([
    ['ownerPrincipal.idNumber', { ownerPrincipal: { idType: 'id_card', idNumber: '110105194912310021' } }],
    ['ownerPrincipal.mobile', { ownerPrincipal: { mobile: '12345' } }],
    [
      'owner.certificateNumber',
      { owner: { certificateType: 'business_license', certificateNumber: '91350100M000100Y44' } }
    ],
    ['emergencyContact.mobile', { emergencyContact: { mobile: '1380013800' } }],
    ['appPrincipal.email', { appPrincipal: { email: 'not-an-email' } }]
  ])('checks %s with the domain rules, not the client', async (field, form) => {
    const env = makeEnv(kind)
    const res = await env.call(A, 'filings', 'create', { profile: PROFILE, form })
    expect(res).toMatchObject({ ok: false, code: 'INVALID' })
    if (!res.ok) expect(Object.keys(res.fieldErrors)).toEqual([field])
  })

  it('accepts a partial draft: empty fields are not errors', async () => {
    const env = makeEnv(kind)
    const res = await env.call(A, 'filings', 'create', {
      profile: PROFILE,
      form: { ownerPrincipal: { name: '张三', idNumber: '' } }
    })
    expect(res.ok).toBe(true)
  })

  it('a retried create with the same draft id returns the same filing', async () => {
    const env = makeEnv(kind)
    const [a, b] = await Promise.all([
      env.ok(A, 'filings', 'create', { profile: PROFILE, clientRef: 'draft-0001' }),
      env.ok(A, 'filings', 'create', { profile: PROFILE, clientRef: 'draft-0001' })
    ])
    expect(a.id).toBe(b.id)
    expect(await env.ok(A, 'filings', 'list', {})).toHaveLength(1)
  })

  it('advances through the stage machine and refuses an illegal step with the domain reason', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE })
    const illegal = await env.call(A, 'filings', 'advance', { id, version: 1, action: { type: 'sms_verified' } })
    expect(illegal).toMatchObject({ ok: false, code: 'STAGE_RULE' })
    env.clock.advance(60_000)
    const submitted = await env.ok(A, 'filings', 'advance', { id, version: 1, action: { type: 'submit' } })
    expect(submitted.progress.stage).toBe('platform_review')
    env.clock.advance(3600_000)
    const passed = await env.ok(A, 'filings', 'advance', { id, version: 2, action: { type: 'platform_pass' } })
    expect(passed.progress.stage).toBe('sms_verification')
    expect(passed.progress.smsDeadline).toBeDefined()
    const wrongNumber = await env.call(A, 'filings', 'advance', { id, version: 3, action: { type: 'sms_verified' } })
    expect(wrongNumber.ok).toBe(true)
    const badNumber = await env.call(A, 'filings', 'advance', {
      id,
      version: 4,
      action: { type: 'admin_pass', filingNumber: '京ICP备123号' }
    })
    expect(badNumber).toMatchObject({ ok: false, code: 'STAGE_RULE' })
    if (!badNumber.ok) expect(badNumber.reason).toBeTruthy()
    const approved = await env.ok(A, 'filings', 'advance', {
      id,
      version: 4,
      action: { type: 'admin_pass', filingNumber: '京ICP备2026059598号-1X' }
    })
    expect(approved.progress).toMatchObject({ stage: 'approved', filingNumber: '京ICP备2026059598号-1X' })
  })

  it('lists own filings newest first, removes one with everything hanging off it', async () => {
    const env = makeEnv(kind)
    const first = await env.ok(A, 'filings', 'create', { profile: PROFILE, title: '第一个' })
    env.clock.advance(1000)
    const second = await env.ok(A, 'filings', 'create', { profile: PROFILE, title: '第二个' })
    expect((await env.ok(A, 'filings', 'list', {})).map((f) => f.id)).toEqual([second.id, first.id])
    await env.ok(A, 'filings', 'advance', { id: first.id, version: 1, action: { type: 'submit' } })
    await env.ok(A, 'invites', 'create', { filingId: first.id, role: 'owner_principal' })
    await env.ok(A, 'filings', 'remove', { id: first.id })
    expect(await env.call(A, 'filings', 'get', { id: first.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const stored = await everythingStored(env)
    expect(stored).not.toContain(first.id)
  })

  it('exports all my data in full and purges it for good', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    await env.ok(A, 'subscriptions', 'record', { results: [{ template: 'sms_deadline', result: 'accept' }] })
    const exported = await env.ok(A, 'filings', 'export', {})
    expect(exported.filings[0].form.ownerPrincipal.mobile).toBe(MOBILE)
    expect(exported.subscriptions).toEqual([expect.objectContaining({ template: 'sms_deadline', quota: 1 })])
    expect(JSON.stringify(exported)).not.toMatch(/ownerId|_id/)
    expect(await env.call(A, 'filings', 'purge', {})).toMatchObject({ ok: false, code: 'INVALID' })
    await env.ok(A, 'filings', 'purge', { confirm: true })
    expect(await env.ok(A, 'filings', 'list', {})).toEqual([])
    expect(await env.call(A, 'filings', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await everythingStored(env)).toBe('[[],[],[],[],[],[]]')
  })

  it('limits how many filings one user keeps', async () => {
    const env = makeEnv(kind)
    env.deps.settings.maxFilingsPerUser = 2
    await env.ok(A, 'filings', 'create', { profile: PROFILE })
    await env.ok(A, 'filings', 'create', { profile: PROFILE })
    expect(await env.call(A, 'filings', 'create', { profile: PROFILE })).toMatchObject({
      ok: false,
      code: 'LIMIT_REACHED'
    })
  })

  it('never logs personal data', async () => {
    const env = makeEnv(kind)
    const { id } = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    await env.call(A, 'filings', 'update', {
      id,
      version: 1,
      form: { ...FORM, ownerPrincipal: { idNumber: '11010519491231002Y' } }
    })
    await env.ok(A, 'filings', 'get', { id, reveal: true })
    const logs = env.logger.lines.join('\n')
    for (const v of SENSITIVE_VALUES) expect(logs).not.toContain(v)
  })
})

describe('errors', () => {
  it('answers UNAUTHENTICATED without a platform identity', async () => {
    const env = makeEnv()
    expect(await env.call(null, 'filings', 'list', {})).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
      fieldErrors: {}
    })
    expect(await env.call('', 'filings', 'list', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('rejects unknown keys and overlong strings with field errors in Chinese', async () => {
    const env = makeEnv()
    const res = await env.call(A, 'filings', 'create', {
      profile: PROFILE,
      form: { owner: { name: 'x'.repeat(101), hacker: 1 } },
      extra: 1
    })
    expect(res).toMatchObject({ ok: false, code: 'INVALID' })
    if (!res.ok) {
      expect(res.fieldErrors['form.owner.name'][0]).toMatch(/不能超过 100 个字符/)
      expect(res.fieldErrors['form.owner.hacker']).toEqual(['不允许的字段'])
      expect(res.fieldErrors.extra).toEqual(['不允许的字段'])
      expect(res.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('turns an unexpected failure into INTERNAL without leaking its message', async () => {
    const env = makeEnv()
    env.wxDb!.beforeCall = () => {
      throw new Error('connection to 10.0.0.1 refused for user 13800138000')
    }
    const res = await env.call(A, 'filings', 'list', {})
    expect(res).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
      fieldErrors: {}
    })
    expect(JSON.stringify(res) + env.logger.lines.join()).not.toContain('13800138000')
  })

  it('answers UNAVAILABLE when the data key is not configured', async () => {
    const { envKeyProvider } = await import('../../../src/cloud/crypto')
    const env = makeEnv('wx', { keys: envKeyProvider({} as NodeJS.ProcessEnv) })
    expect(await env.call(A, 'filings', 'create', { profile: PROFILE, form: FORM })).toMatchObject({
      ok: false,
      code: 'UNAVAILABLE'
    })
  })
})
