/**
 * The encrypted pushes the fake platforms send to the connector, sealed with the same secrets and in the same shape
 * as the real ones, each with its own timestamp and nonce.
 */
import { sealDouyinPush, type DouyinPushSecrets } from '../../cloud/platforms/douyin/push'
import { sealWechatPush, type WechatPushSecrets } from '../../cloud/platforms/wechat/push'
import type { Json } from './fake-state'

export type WechatPushDelivery = ReturnType<typeof sealWechatPush>
export type DouyinPushDelivery = ReturnType<typeof sealDouyinPush>

export class FakePushes {
  private nonce = 0

  constructor(
    private readonly secrets: { wechat: WechatPushSecrets; douyin: DouyinPushSecrets },
    private readonly now: () => number
  ) {}

  private nextNonce(): { ts: string; nonce: string } {
    return { ts: String(Math.floor(this.now() / 1000)), nonce: String(100000 + this.nonce++) }
  }

  wechat(fields: Record<string, string | number>): WechatPushDelivery {
    const { ts, nonce } = this.nextNonce()
    const { wechat } = this.secrets
    return sealWechatPush(wechat, { AppId: wechat.componentAppId, CreateTime: Number(ts), ...fields }, ts, nonce)
  }

  douyin(message: Json): DouyinPushDelivery {
    const { ts, nonce } = this.nextNonce()
    return sealDouyinPush(this.secrets.douyin, message, ts, nonce)
  }
}
