/** The filing API of a connected platform, built over the connector's client (absent: the platform is not configured). */
import type { Clock } from '../ports'
import type { ConnectorPlatform, PlatformConnector } from './connector'
import { DouyinFilingApi } from './douyin/icp-filing'
import type { PlatformFilingApi } from './filing-api'
import { WechatFilingApi } from './wechat/icp-filing'

export function filingApiFor(
  connector: PlatformConnector | undefined,
  platform: ConnectorPlatform,
  clock: Clock
): PlatformFilingApi | undefined {
  if (platform === 'wechat') return connector?.wechat ? new WechatFilingApi(connector.wechat.client, clock) : undefined
  return connector?.douyin ? new DouyinFilingApi(connector.douyin.client, clock) : undefined
}
