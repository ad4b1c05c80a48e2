/** Shared set-up of the cloud tests: deps over either store, a controllable clock, and a one-line caller. */
import { randomBytes } from 'crypto'
import { CLIENT_FUNCTIONS, type ApiContract, type FunctionName } from '../../../src/cloud/actions'
import { subscriptionId } from '../../../src/cloud/handlers/subscriptions/quota'
import { DEFAULT_SETTINGS, type Deps } from '../../../src/cloud/context'
import { dataKey, staticKeyProvider } from '../../../src/cloud/crypto'
import { dispatch } from '../../../src/cloud/dispatch'
import type { Envelope } from '../../../src/cloud/envelope'
import type { Clock, Logger, Store } from '../../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord, type SubscriptionRecord } from '../../../src/cloud/records'
import { WxStore } from '../../../src/cloud/stores/wx-store'
import type { FilingProfile } from '../../../src/domain/types'
import { createFakeWxDatabase, type FakeWxDatabase } from './fakes/fake-wx-database'
import { pgliteTestStore } from './pglite-test-store'

/** A clock that only moves when told to; `sleep` advances it instead of waiting. */
export class FakeClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t)
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms
    await Promise.resolve()
  }
  advance(ms: number): void {
    this.t += ms
  }
  set(iso: string): void {
    this.t = Date.parse(iso)
  }
}

/** Collects every log line, to prove no personal data is ever logged. */
export class RecordingLogger implements Logger {
  lines: string[] = []
  info = (event: string, fields?: object) => void this.lines.push(JSON.stringify({ event, ...fields }))
  warn = (event: string, fields?: object) => void this.lines.push(JSON.stringify({ event, ...fields }))
  error = (event: string, fields?: object) => void this.lines.push(JSON.stringify({ event, ...fields }))
}

/** The wx-server-sdk adapter over the fake cloud database, and PgStore on in-memory PGlite (the server's store). */
export type StoreKind = 'wx' | 'pglite'
export const STORE_KINDS: StoreKind[] = ['wx', 'pglite']

export interface TestEnv {
  deps: Deps
  clock: FakeClock
  logger: RecordingLogger
  store: Store
  wxDb?: FakeWxDatabase
  call<F extends FunctionName, A extends keyof ApiContract[F] & string>(
    userId: string | null,
    fn: F,
    action: A,
    data?: unknown
  ): Promise<Envelope<ApiContract[F][A] extends { output: infer O } ? O : never>>
  /** Same, for a call that must succeed: returns the data or fails the test with the envelope. */
  ok<F extends FunctionName, A extends keyof ApiContract[F] & string>(
    userId: string,
    fn: F,
    action: A,
    data?: unknown
  ): Promise<ApiContract[F][A] extends { output: infer O } ? O : never>
}

export const START = '2025-03-03T09:00:00+08:00'

export function makeEnv(kind: StoreKind = 'wx', overrides: Partial<Deps> = {}): TestEnv {
  const wxDb = kind === 'wx' ? createFakeWxDatabase() : undefined
  const store = wxDb ? new WxStore(wxDb) : pgliteTestStore()
  const clock = new FakeClock(Date.parse(START))
  const logger = new RecordingLogger()
  const deps: Deps = {
    store,
    clock,
    keys: staticKeyProvider(dataKey(randomBytes(32))),
    logger,
    settings: {
      ...DEFAULT_SETTINGS,
      templateIds: { sms_deadline: 'TPL_SMS', review_progress: 'TPL_REVIEW', todo_reminder: 'TPL_TODO' }
    },
    ...overrides
  }
  const call: TestEnv['call'] = (userId, fn, action, data) =>
    dispatch(fn, CLIENT_FUNCTIONS[fn], { action, data }, { userId: async () => userId }, deps) as never
  const ok: TestEnv['ok'] = async (userId, fn, action, data) => {
    const res = await call(userId, fn, action, data)
    if (!res.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res)}`)
    return res.data as never
  }
  return { deps, clock, logger, store, wxDb, call, ok }
}

export const PROFILE: FilingProfile = {
  platform: 'weapp',
  filingType: 'new',
  ownerType: 'enterprise',
  province: '11',
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: false,
  industries: [],
  texts: { ownerName: '北京示例科技有限公司', appName: '示例小程序' }
}

/** Valid check digits: 11010519491231002X (GB 11643 example), 91350100M000100Y43 (a valid USCC). */
export const ID_NUMBER = '11010519491231002X'
export const USCC = '91350100M000100Y43'
export const MOBILE = '13800138000'

export const FORM = {
  owner: {
    name: '北京示例科技有限公司',
    certificateType: 'business_license',
    certificateNumber: USCC,
    certificateValidUntil: '长期',
    region: { province: '11', city: '北京市', district: '海淀区' },
    address: '中关村大街1号',
    certificateAddress: '北京市海淀区中关村大街1号'
  },
  ownerPrincipal: {
    name: '张三',
    idType: 'id_card',
    idNumber: ID_NUMBER,
    idValidUntil: '2040-01-01',
    mobile: MOBILE,
    email: 'zhang@example.com'
  },
  miniProgram: {
    name: '示例小程序',
    description: '为中小企业提供小程序备案材料整理与进度提醒服务的工具',
    serviceTypes: ['工具'],
    preApproval: 'none'
  },
  appPrincipal: { name: '李四', idType: 'id_card', idNumber: ID_NUMBER, idValidUntil: '长期', mobile: '13900139000' },
  emergencyContact: { name: '王五', mobile: '13700137000' }
}

export const SENSITIVE_VALUES = [
  ID_NUMBER,
  USCC,
  MOBILE,
  '13900139000',
  '13700137000',
  '中关村大街1号',
  'zhang@example.com'
]

/** Every stored byte (fake wx database or PgStore), as text. */
export async function everythingStored(env: TestEnv): Promise<string> {
  const names = ['filings', 'reminder_deliveries', 'subscriptions', 'invites', 'filing_members', 'sessions']
  const parts: unknown[] = []
  for (const n of names) parts.push(await env.store.collection(n).find({}))
  return JSON.stringify(parts)
}

/** The one recipient (and owner) of the reminder tests' deliveries. */
export const RECIPIENT = 'recipient-1'

/**
 * Builds the reminder tests' deliveries: an SMS-window reminder due to RECIPIENT, waiting in the queue, with the
 * `defaults` a test file's deliveries share (claimed under a lease, another version or fields) and per-call overrides.
 */
export function deliveryBuilder(defaults: Partial<DeliveryRecord> = {}) {
  return (id: string, overrides: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
    _id: id,
    version: 1,
    key: `filing1:sms_window_open:${id}`,
    filingId: 'f'.repeat(24),
    ownerId: RECIPIENT,
    recipientId: RECIPIENT,
    recipientRole: 'owner',
    kind: 'sms_window_open',
    template: 'sms_deadline',
    fields: { thing1: '短信核验', time2: '2025年3月4日 09:00' },
    page: 'pages/progress/index',
    dueAt: '2025-03-03T08:00:00+08:00',
    state: 'pending',
    nextAttemptAt: '2025-03-03T00:00:00.000Z',
    attempts: 0,
    updatedAt: '2025-03-03T00:00:00.000Z',
    ...defaults,
    ...overrides
  })
}

/** RECIPIENT accepted `quota` SMS-deadline reminders. */
export async function withQuota(env: TestEnv, quota: number): Promise<void> {
  await env.store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions).insert({
    _id: subscriptionId(RECIPIENT, 'sms_deadline'),
    version: 1,
    userId: RECIPIENT,
    template: 'sms_deadline',
    quota,
    lastResult: 'accept',
    updatedAt: '2025-03-01T00:00:00+08:00'
  })
}

/** How many SMS-deadline reminders RECIPIENT may still be sent. */
export async function quotaLeft(env: TestEnv): Promise<number> {
  const subscriptions = env.store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
  return (await subscriptions.get(subscriptionId(RECIPIENT, 'sms_deadline')))!.quota
}
