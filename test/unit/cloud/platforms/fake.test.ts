/** @jest-environment node */
/** The fakes keep the references' rules (wechat-icp-api.md §16, douyin-icp-api.md §9), so tests against them can fail. */
import type { PlatformResponse } from '../../../../src/cloud/platforms/shared/http'
import { makeConnectorEnv, WX_SECRETS, DY_SECRETS } from './fixture'
import { startTestPglite } from '../pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const WX = 'https://api.weixin.qq.com'
const DY = 'https://open.douyin.com'
const code = (r: PlatformResponse) => {
  const b = r.body as Record<string, unknown>
  return Number(b.errcode ?? b.err_no ?? b.errno ?? 0)
}

describe('WeChat fake', () => {
  it('component token: bad secret 40125, unknown ticket 61006, expired ticket 61005', async () => {
    const { fake, clock } = makeConnectorEnv()
    fake.wechatTicketPush()
    const body = (over: object) => ({
      component_appid: WX_SECRETS.componentAppId,
      component_appsecret: WX_SECRETS.componentSecret,
      component_verify_ticket: fake.latestWechatTicket(),
      ...over
    })
    const post = (b: object) =>
      fake.http.request({ method: 'POST', url: `${WX}/cgi-bin/component/api_component_token`, body: b })
    expect(code(await post(body({ component_appsecret: 'x' })))).toBe(40125)
    expect(code(await post(body({ component_verify_ticket: 'nope' })))).toBe(61006)
    expect(code(await post(body({})))).toBe(0)
    clock.advance(12 * 3_600_000 + 1)
    expect(code(await post(body({})))).toBe(61005)
  })

  it('pre-auth codes are single use and expire; auth codes are one-shot', async () => {
    const env = makeConnectorEnv({ preAuthCodeSeconds: 600 })
    env.fake.wechatTicketPush()
    await env.wechat.saveVerifyTicket(env.fake.latestWechatTicket())
    const { preAuthCode } = await env.wechat.preAuthCode()
    const consent = env.fake.wechatConsent(preAuthCode, 'wxa')
    expect('authCode' in consent).toBe(true)
    expect(env.fake.wechatConsent(preAuthCode, 'wxa')).toEqual({ error: 'pre_auth_code invalid or used' })
    if (!('authCode' in consent)) return
    await env.wechat.exchangeAuthCode(consent.authCode)
    await expect(env.wechat.exchangeAuthCode(consent.authCode)).rejects.toMatchObject({ errcode: 61010 })
    const late = await env.wechat.preAuthCode()
    env.clock.advance(601_000)
    expect(env.fake.wechatConsent(late.preAuthCode, 'wxa')).toEqual({ error: 'pre_auth_code invalid or used' })
  })

  it('withdrawal only in platform review (86330 at 4, 86368 with nothing to withdraw)', async () => {
    const env = makeConnectorEnv()
    env.fake.wechatTicketPush()
    await env.wechat.saveVerifyTicket(env.fake.latestWechatTicket())
    const consent = env.fake.wechatConsent((await env.wechat.preAuthCode()).preAuthCode, 'wxa')
    if (!('authCode' in consent)) throw new Error('consent')
    await env.wechat.exchangeAuthCode(consent.authCode)
    const token = await env.wechat.authorizerToken('wxa')
    const cancel = () =>
      env.fake.http.request({ method: 'POST', url: `${WX}/wxa/icp/cancel_apply_icp_filing?access_token=${token}` })
    expect(code(await cancel())).toBe(86368)
    env.fake.wechatSetStatus('wxa', 4, { sms: 1 })
    expect(code(await cancel())).toBe(86330)
    env.fake.wechatSetStatus('wxa', 2)
    expect(code(await cancel())).toBe(0)
    expect(env.fake.wxApps.get('wxa')!.status).toBe(1024)
  })
})

describe('Douyin fake', () => {
  async function connected() {
    const env = makeConnectorEnv()
    env.fake.douyinTicketPush()
    await env.douyin.saveTicket(env.fake.latestDouyinTicket())
    await env.douyin.exchangeAuthCode(env.fake.douyinConsent('tta').authCode)
    return { env, token: await env.douyin.authorizerToken('tta') }
  }

  it('face SMS: at most 10 per mini-program per day (6025 on the 11th)', async () => {
    const { env, token } = await connected()
    const send = () =>
      env.fake.http.request({
        method: 'POST',
        url: `${DY}/api/apps/v1/icp_record/send_facial_recognition_notify/`,
        headers: { 'access-token': token },
        body: { app_incharge_people_phone: '13900139000', province_code: '110000' }
      })
    for (let i = 0; i < 10; i++) expect(code(await send())).toBe(0)
    expect(code(await send())).toBe(6025)
    env.clock.advance(24 * 3_600_000)
    env.fake.douyinTicketPush()
    await env.douyin.saveTicket(env.fake.latestDouyinTicket())
    expect(
      code(
        await env.fake.http.request({
          method: 'POST',
          url: `${DY}/api/apps/v1/icp_record/send_facial_recognition_notify/`,
          headers: { 'access-token': await env.douyin.authorizerToken('tta') },
          body: { app_incharge_people_phone: '13900139000', province_code: '110000' }
        })
      )
    ).toBe(0)
  })

  it('history page_size 1–20 (else 9998); retrieve_auth_code 40022 once revoked; old component token dies after 5 minutes', async () => {
    const { env, token } = await connected()
    const history = (size: number) =>
      env.fake.http.request({
        method: 'GET',
        url: `${DY}/api/apps/v1/icp_record/get_register_history/?page=1&page_size=${size}`,
        headers: { 'access-token': token }
      })
    expect(code(await history(20))).toBe(0)
    expect(code(await history(21))).toBe(9998)
    const component = await env.douyin.componentToken()
    const retrieve = (t: string) =>
      env.fake.http.request({
        method: 'POST',
        url: `${DY}/api/tpapp/v2/auth/retrieve_auth_code/`,
        headers: { 'access-token': t },
        body: { authorization_appid: 'tta' }
      })
    expect(code(await retrieve(component))).toBe(0)
    env.fake.douyinRevoke('tta')
    expect(code(await retrieve(component))).toBe(40022)
    // a newer component token: the old one keeps working for 5 minutes only
    const q = new URLSearchParams({
      component_appid: DY_SECRETS.componentAppId,
      component_appsecret: DY_SECRETS.componentSecret,
      component_ticket: env.fake.latestDouyinTicket()
    })
    await env.fake.http.request({ method: 'GET', url: `${DY}/openapi/v2/auth/tp/token/?${q.toString()}` })
    env.clock.advance(4 * 60_000)
    expect(code(await retrieve(component))).toBe(40022)
    env.clock.advance(2 * 60_000)
    expect(code(await retrieve(component))).toBe(40009)
  })
})
