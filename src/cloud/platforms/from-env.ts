/**
 * Production wiring of the connector from the environment (secrets from the environment only):
 *   BEIAN_PUBLIC_URL                       public https base of this server (OAuth redirect, event URLs)
 *   WECHAT_COMPONENT_APPID / _SECRET       the third-party platform's appid and appsecret
 *   WECHAT_COMPONENT_TOKEN / _AES_KEY      消息校验Token and 消息加解密Key (43 chars)
 *   DOUYIN_COMPONENT_APPID / _SECRET / _TOKEN / _AES_KEY   the same for the Douyin 第三方小程序应用
 * A platform whose four values are not all set is left out (its connect action answers UNAVAILABLE).
 */
import type { Deps } from '../context'
import { systemClock } from '../ports'
import type { PlatformConnector } from './connector'
import { DouyinProviderClient, DOUYIN_HOSTS } from './douyin/client'
import { fetchPlatformHttp, type PlatformHttp } from './shared/http'
import { RateLimiter } from './shared/rate-limit'
import { UNCONFIRMED } from './shared/unconfirmed'
import { WechatComponentClient, WECHAT_HOSTS } from './wechat/client'

export function connectorFromEnv(
  deps: Pick<Deps, 'store' | 'keys' | 'clock'>,
  env: NodeJS.ProcessEnv = process.env,
  http: PlatformHttp = fetchPlatformHttp(globalThis.fetch as never)
): PlatformConnector | undefined {
  const publicBaseUrl = (env.BEIAN_PUBLIC_URL ?? '').replace(/\/$/, '')
  const four = (p: string) => {
    const v = [env[`${p}_APPID`], env[`${p}_SECRET`], env[`${p}_TOKEN`], env[`${p}_AES_KEY`]]
    return v.every(Boolean) ? (v as string[]) : undefined
  }
  const wx = four('WECHAT_COMPONENT')
  const dy = four('DOUYIN_COMPONENT')
  if (!publicBaseUrl || (!wx && !dy)) return undefined
  const credDeps = { store: deps.store, keys: deps.keys, clock: deps.clock ?? systemClock }
  const limiter = new RateLimiter(credDeps.clock, UNCONFIRMED.perSecondLimits.value)
  const connector: PlatformConnector = { publicBaseUrl }
  if (wx) {
    const [componentAppId, componentSecret, token, encodingAesKey] = wx
    connector.wechat = {
      client: new WechatComponentClient(credDeps, { componentAppId, componentSecret, ...WECHAT_HOSTS }, http, limiter),
      push: { componentAppId, token, encodingAesKey }
    }
  }
  if (dy) {
    const [componentAppId, componentSecret, token, encodingAesKey] = dy
    connector.douyin = {
      client: new DouyinProviderClient(credDeps, { componentAppId, componentSecret, ...DOUYIN_HOSTS }, http, limiter),
      push: { componentAppId, token, encodingAesKey }
    }
  }
  return connector
}
