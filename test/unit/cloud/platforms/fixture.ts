/** The connector's test set-up: the fakes in process, the clients wired to them, the secrets both sides share. */
import { DouyinProviderClient, DOUYIN_HOSTS } from '../../../../src/cloud/platforms/douyin/client'
import { WechatComponentClient, WECHAT_HOSTS } from '../../../../src/cloud/platforms/wechat/client'
import { PlatformFake, type PlatformFakeOptions } from '../../../../src/server/platform-fake/fake'
import { makeEnv, type TestEnv } from '../helpers'

export const WX_SECRETS = {
  componentAppId: 'wxcomponent0000001',
  componentSecret: 'wx-component-secret',
  token: 'wxpushtoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
}
export const DY_SECRETS = {
  componentAppId: 'ttcomponent0000001',
  componentSecret: 'dy-component-secret',
  token: 'dypushtoken',
  encodingAesKey: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg'
}

export interface ConnectorEnv extends TestEnv {
  fake: PlatformFake
  wechat: WechatComponentClient
  douyin: DouyinProviderClient
}

export function makeConnectorEnv(fakeOptions: Partial<PlatformFakeOptions> = {}): ConnectorEnv {
  const env = makeEnv('pglite')
  const fake = new PlatformFake({ clock: env.clock, wechat: WX_SECRETS, douyin: DY_SECRETS, ...fakeOptions })
  const credDeps = { store: env.store, keys: env.deps.keys, clock: env.clock }
  const wechat = new WechatComponentClient(
    credDeps,
    { componentAppId: WX_SECRETS.componentAppId, componentSecret: WX_SECRETS.componentSecret, ...WECHAT_HOSTS },
    fake.http
  )
  const douyin = new DouyinProviderClient(
    credDeps,
    { componentAppId: DY_SECRETS.componentAppId, componentSecret: DY_SECRETS.componentSecret, ...DOUYIN_HOSTS },
    fake.http
  )
  return { ...env, fake, wechat, douyin }
}
