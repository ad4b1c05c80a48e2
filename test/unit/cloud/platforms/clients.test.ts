/** @jest-environment node */
/**
 * The platform clients against the fakes: tokens kept fresh before expiry and renewed after 40001/42001, refresh
 * tokens encrypted at rest (and rotated on Douyin), a dead grant and a missing permission set told apart.
 */
import { DouyinFilingApi } from '../../../../src/cloud/platforms/douyin/icp-filing'
import { credentialId, PLATFORM_CREDENTIALS } from '../../../../src/cloud/platforms/shared/credentials'
import { GrantRevoked, PermissionMissing, PlatformError } from '../../../../src/cloud/platforms/shared/http'
import { parseFlatXml } from '../../../../src/cloud/platforms/shared/xml'
import { openWechatPush } from '../../../../src/cloud/platforms/wechat/push'
import { makeConnectorEnv, WX_SECRETS, type ConnectorEnv } from './fixture'

async function wechatConnected(env: ConnectorEnv, appId = 'wxmerchant000001', sets = [18]) {
  const push = env.fake.wechatTicketPush()
  const fields = await openWechatPush(env.deps, WX_SECRETS, push.query, push.body)
  await env.wechat.saveVerifyTicket(fields.ComponentVerifyTicket)
  const { preAuthCode } = await env.wechat.preAuthCode()
  const consent = env.fake.wechatConsent(preAuthCode, appId, sets)
  if ('error' in consent) throw new Error(consent.error)
  return env.wechat.exchangeAuthCode(consent.authCode)
}

describe('WeChat component client', () => {
  it('builds the PC and mobile authorisation links for mini-programs only', async () => {
    const env = makeConnectorEnv()
    const links = env.wechat.authorisationLinks(
      'preauthcode@@@x',
      'https://example.com/api/platform/wechat/callback?state=s1'
    )
    expect(links.pc).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/cgi-bin\/componentloginpage\?/)
    expect(links.mobile).toMatch(
      /^https:\/\/mp\.weixin\.qq\.com\/safe\/bindcomponent\?action=bindcomponent&no_scan=1&.*#wechat_redirect$/
    )
    expect(new URL(links.pc).searchParams.get('auth_type')).toBe('2')
    expect(new URL(links.pc).searchParams.get('redirect_uri')).toContain('state=s1')
  })

  it('refuses to make a token without a ticket (61006), then works once the push arrived', async () => {
    const env = makeConnectorEnv()
    await expect(env.wechat.componentToken()).rejects.toMatchObject({ errcode: 61006 })
    const grant = await wechatConnected(env)
    expect(grant).toEqual({ authorizerAppId: 'wxmerchant000001', permissionSets: [18], hasIcpPermission: true })
    expect((await env.wechat.getIcpEntranceInfo('wxmerchant000001')).status).toBe(1024)
  })

  it('reuses a token until 10 minutes before its 2 h end, then refreshes it', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    await env.wechat.getIcpEntranceInfo('wxmerchant000001')
    const refreshes = () => env.fake.callsOf('api_authorizer_token')
    expect(refreshes()).toBe(0)
    env.clock.advance(100 * 60_000)
    await env.wechat.getIcpEntranceInfo('wxmerchant000001')
    expect(refreshes()).toBe(0)
    env.clock.advance(11 * 60_000) // 111 min: inside the margin
    await env.wechat.getIcpEntranceInfo('wxmerchant000001')
    expect(refreshes()).toBe(1)
    expect(env.fake.callsOf('api_component_token')).toBe(2)
  })

  it.each([40001, 42001])('after %i drops the token, refreshes and retries once', async (code) => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    env.fake.injectError('get_icp_entrance_info', code)
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).resolves.toMatchObject({ status: 1024 })
    expect(env.fake.callsOf('api_authorizer_token')).toBe(1)
    // a second failure in a row is not retried forever
    env.fake.injectError('get_icp_entrance_info', code, 2)
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).rejects.toBeInstanceOf(PlatformError)
  })

  it('over the per-second limit (45011) waits a second and tries once more', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    const before = env.clock.now().getTime()
    env.fake.injectError('get_icp_entrance_info', 45011)
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).resolves.toMatchObject({ status: 1024 })
    expect(env.clock.now().getTime() - before).toBe(1000)
    env.fake.injectError('get_icp_entrance_info', 45011, 2)
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).rejects.toMatchObject({ errcode: 45011 })
  })

  it('recovers when every token expired at once (component 42001 on the refresh)', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    env.fake.expireAccessTokens()
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).resolves.toMatchObject({ status: 1024 })
  })

  it('a revoked grant becomes GrantRevoked (61023 on refresh); a missing set 48001 becomes PermissionMissing', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    env.fake.wechatRevoke('wxmerchant000001')
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000001')).rejects.toBeInstanceOf(GrantRevoked)
    const other = await wechatConnected(env, 'wxmerchant000002', [1, 2])
    expect(other.hasIcpPermission).toBe(false)
    await expect(env.wechat.getIcpEntranceInfo('wxmerchant000002')).rejects.toBeInstanceOf(PermissionMissing)
  })

  it('stores tickets and tokens encrypted only', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    expect(parseFlatXml(env.fake.wechatTicketPush().body).Encrypt).toBeTruthy()
    const stored = JSON.stringify(await env.store.collection(PLATFORM_CREDENTIALS).find({}))
    const app = env.fake.wxApps.get('wxmerchant000001')!
    expect(stored).not.toContain(app.refreshToken)
    expect(stored).not.toContain('ticket@@@')
    expect(stored).toContain('enc1.')
    expect(stored).toContain(credentialId('wechat', 'authorizer', 'wxmerchant000001'))
  })

  it('reads the 备案号 once filed', async () => {
    const env = makeConnectorEnv()
    await wechatConnected(env)
    env.fake.wechatSetStatus('wxmerchant000001', 2)
    env.fake.wechatSetStatus('wxmerchant000001', 4, { sms: 2 })
    env.fake.wechatSetStatus('wxmerchant000001', 6)
    expect(await env.wechat.getMiniProgramFilingNumber('wxmerchant000001')).toMatch(/^粤ICP备\d+号-1X$/)
  })
})

describe('Douyin provider client', () => {
  async function douyinConnected(env: ConnectorEnv, appId = 'ttmerchant000001') {
    env.fake.douyinTicketPush()
    // the ticket is handed over directly here; the event handler test opens the push
    await env.douyin.saveTicket(env.fake.latestDouyinTicket())
    const { authCode } = env.fake.douyinConsent(appId)
    return env.douyin.exchangeAuthCode(authCode)
  }

  it('exchanges the code, rotates the refresh token on every refresh and stores it encrypted', async () => {
    const env = makeConnectorEnv()
    await douyinConnected(env)
    const first = env.fake.dyApps.get('ttmerchant000001')!.refreshToken
    expect(await env.douyin.queryRecordStatus('ttmerchant000001')).toEqual({ status: 0, symbolic: 'not_filed' })
    env.clock.advance(115 * 60_000)
    await env.douyin.queryRecordStatus('ttmerchant000001')
    const second = env.fake.dyApps.get('ttmerchant000001')!.refreshToken
    expect(second).not.toBe(first)
    const stored = JSON.stringify(await env.store.collection(PLATFORM_CREDENTIALS).find({}))
    expect(stored).not.toContain(second)
    // the stored one is the current one: a further refresh works (with a fresh ticket: they live 3 h)
    env.clock.advance(115 * 60_000)
    env.fake.douyinTicketPush()
    await env.douyin.saveTicket(env.fake.latestDouyinTicket())
    await expect(env.douyin.queryRecordStatus('ttmerchant000001')).resolves.toMatchObject({ status: 0 })
  })

  it('after 28001008 refreshes and retries; after revocation reports GrantRevoked', async () => {
    const env = makeConnectorEnv()
    await douyinConnected(env)
    env.fake.injectError('query_record_status', 28001008)
    await expect(env.douyin.queryRecordStatus('ttmerchant000001')).resolves.toMatchObject({ symbolic: 'not_filed' })
    env.fake.douyinRevoke('ttmerchant000001')
    await expect(env.douyin.queryRecordStatus('ttmerchant000001')).rejects.toBeInstanceOf(GrantRevoked)
  })

  it('follows the history to the 备案号 and reads the face status', async () => {
    const env = makeConnectorEnv()
    await douyinConnected(env)
    env.fake.douyinSetStatus('ttmerchant000001', 'platform_review')
    expect(await env.douyin.latestFilingNumber('ttmerchant000001')).toBeUndefined()
    env.fake.douyinSetStatus('ttmerchant000001', 'filed')
    expect(await env.douyin.latestFilingNumber('ttmerchant000001')).toMatch(/^京ICP备\d+号-1X$/)
    env.fake.douyinFaceResult('ttmerchant000001', 'face-token-1', 'passed')
    const face = await new DouyinFilingApi(env.douyin, env.clock).faceCheckStatus('ttmerchant000001', 'face-token-1')
    expect(face.status).toBe('passed')
    const history = await env.douyin.registerHistory('ttmerchant000001')
    expect(history.total).toBe(1)
  })
})
