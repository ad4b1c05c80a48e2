/** @jest-environment node */
/**
 * The `platform` cloud function (HTTP-triggered + timer) over the WeChat cloud store: a verified push through the
 * HTTP event shape answers `success`, a forged one 400, and the timer runs a sync round.
 */
import { randomBytes } from 'crypto'
import { systemClock } from '../../../../src/cloud/ports'
import { PlatformFake } from '../../../../src/server/platform-fake/fake'
import { createFakeWxDatabase } from '../fakes/fake-wx-database'
import { DY_SECRETS, WX_SECRETS } from './fixture'

const mockDb = createFakeWxDatabase()
const mockState: { openId?: string } = {}
const mockFake = new PlatformFake({ clock: systemClock, wechat: WX_SECRETS, douyin: DY_SECRETS })

jest.mock('../../../../src/cloud/adapters/wx-runtime', () => {
  const actual = jest.requireActual('../../../../src/cloud/adapters/wx-runtime')
  const crypto = jest.requireActual('../../../../src/cloud/crypto')
  const { WxStore: Store } = jest.requireActual('../../../../src/cloud/stores/wx-store')
  const { systemClock: clock } = jest.requireActual('../../../../src/cloud/ports')
  return {
    ...actual,
    wxCloud: () => ({ getWXContext: () => ({ OPENID: mockState.openId }), database: () => mockDb }),
    wxDeps: () => ({
      store: new Store(mockDb),
      clock,
      keys: crypto.staticKeyProvider(crypto.dataKey(Buffer.alloc(32, 7))),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      settings: {}
    })
  }
})

jest.mock('../../../../src/cloud/platforms/from-env', () => {
  const wx = jest.requireActual('../../../../src/cloud/platforms/wechat/client')
  const { WX_SECRETS: secrets } = jest.requireActual('./fixture')
  return {
    connectorFromEnv: (deps: unknown) => ({
      publicBaseUrl: 'https://cloud.example',
      wechat: {
        client: new wx.WechatComponentClient(
          deps,
          { componentAppId: secrets.componentAppId, componentSecret: secrets.componentSecret, ...wx.WECHAT_HOSTS },
          mockFake.http
        ),
        push: secrets
      }
    })
  }
})

// (jest hoists the mocks above every import)
import { main } from '../../../../src/cloud/functions/platform'

it('answers pushes through the HTTP trigger and syncs on the timer', async () => {
  const push = mockFake.wechatTicketPush()
  const ok = await main({
    path: '/platform/wechat/events',
    httpMethod: 'POST',
    queryStringParameters: push.query,
    body: push.body
  })
  expect(ok).toMatchObject({ statusCode: 200, body: 'success' })
  const forged = await main({
    path: '/platform/wechat/events',
    httpMethod: 'POST',
    queryStringParameters: { ...push.query, nonce: randomBytes(4).toString('hex') },
    body: push.body
  })
  expect(forged).toMatchObject({ statusCode: 400 })
  expect(await main({ path: '/platform/nothing' })).toMatchObject({ statusCode: 404 })
  expect(await main({ Type: 'Timer' })).toMatchObject({ ok: true, data: { due: 0 } })
  // a client pretending to be the timer is not one
  mockState.openId = 'someone'
  expect(await main({ Type: 'Timer' })).toMatchObject({ statusCode: 404 })
})
