/** What a test, the bench or the server chooses for the platform fakes, and what both platforms' fakes share. */
import type { Clock } from '../../cloud/ports'
import type { WechatPushSecrets } from '../../cloud/platforms/wechat/push'
import type { FakePushes } from './fake-pushes'
import type { FakeMediaStore } from './fake-state'

export interface FakeSecrets extends WechatPushSecrets {
  componentSecret: string
}

export interface PlatformFakeOptions {
  clock: Clock
  wechat: FakeSecrets
  douyin: FakeSecrets
  /** Simulated network + server time per call (waits with `wait`, default the clock's sleep). */
  latencyMs?: number
  wait?: (ms: number) => Promise<void>
  /** Calls per second per API before the fake answers "too frequent" (absent = unlimited). */
  perSecond?: Record<string, number>
  /** Calls per mini-program per day of get_icp_entrance_info (wechat §8: number UNCONFIRMED). */
  dailyQuotaPerApp?: number
  /** Where the Douyin authorisation links point (the fake's consent page when run with the server). */
  douyinLinkBase?: string
  /** Lifetime of WeChat pre-auth codes (the doc says both 600 and 1800 s). */
  preAuthCodeSeconds?: number
}

/** What one platform's fake borrows from the whole: options (read on every call), time, pushes, photos, numbering. */
export interface FakeContext {
  readonly opts: PlatformFakeOptions
  now(): number
  readonly pushes: FakePushes
  readonly media: FakeMediaStore
  /** Record ids and filed numbers count up across both platforms. */
  nextRecordId(): number
}
