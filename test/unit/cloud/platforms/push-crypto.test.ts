/** @jest-environment node */
/**
 * Push crypto against the references' test vectors (wechat-icp-api.md §4.2, douyin-icp-api.md §4.2), and the
 * refusals: bad signature, wrong receiver appid, stale timestamp, a replayed nonce.
 */
import fc from 'fast-check'
import { openDouyinPush, sealDouyinPush } from '../../../../src/cloud/platforms/douyin/push'
import {
  decryptPush,
  DOUYIN_PREFIX_BYTES,
  encryptPush,
  PushRejected,
  pushSignature,
  WECHAT_PREFIX_BYTES
} from '../../../../src/cloud/platforms/shared/push-crypto'
import { forgetOldNonces } from '../../../../src/cloud/platforms/shared/replay'
import { openWechatPush, sealWechatPush } from '../../../../src/cloud/platforms/wechat/push'
import { makeEnv } from '../helpers'
import { startTestPglite } from '../pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const TOKEN = 'QDG6eK'
const AES = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C'
const TS = '1409659813'
const NONCE = '1372623149'

const WX_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=='
const WX_MSG =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>'

const DY_ENCRYPT =
  'OheJ/nrK5Liim/H6TjL6ufUBwoxRP4sy2e0mS7IO47WESBIHgIXdGLwhs8iDCgMsPe0I78q2jUNtdO7w6+Vg+gtmEm5mbcljWv18Fs5hw91+hwID9uOGNC5ICeLGMMXW0uaGtqn8XgwXxtROAK220M5oRYK9MvmIoU/Q7Tvx1xnP4Jfunww+2mYqgD3YIYvTFVReX+3BeRuBh7zOK7tRbdqXaPbK/Cko0Vnt82rikDmItgXLUtJC4wxJohhXKZGb/12oFq6L/Uy+CtLqVLZMIH4uxlb5cO9exYfArVocZTc='
const DY_MSG =
  '{"FromUserName":"ByteDanceMicroApp","CreateTime":"2019-01-14 12:45:10","Event":"PUSH","MsgType":"Ticket","Ticket":"8c0da4968b0d1e28acbc1d738a56607d"}'

describe('reference test vectors', () => {
  it('WeChat: signature, message, appid and the 16-byte prefix', () => {
    expect(pushSignature(TOKEN, TS, NONCE, WX_ENCRYPT)).toBe('477715d11cdb4164915debcba66cb864d751f3e6')
    const out = decryptPush(AES, WX_ENCRYPT, WECHAT_PREFIX_BYTES)
    expect(out.message).toBe(WX_MSG)
    expect(out.message).toHaveLength(284)
    expect(out.appId).toBe('wx5823bf96d3bd56c7')
    // re-encrypting with the vector's own random prefix gives the vector's ciphertext byte for byte
    const prefix = Buffer.from('0960688932c47ef1', 'utf8')
    expect(encryptPush(AES, WX_MSG, 'wx5823bf96d3bd56c7', WECHAT_PREFIX_BYTES, prefix)).toBe(WX_ENCRYPT)
  })

  it('Douyin: signature, message, appid and the 32-byte prefix', () => {
    expect(pushSignature(TOKEN, TS, NONCE, DY_ENCRYPT)).toBe('e51e71c9087fc57ae1cf8eb25c0d1ba837db5b7c')
    const out = decryptPush(AES, DY_ENCRYPT, DOUYIN_PREFIX_BYTES)
    expect(out.message).toBe(DY_MSG)
    expect(Buffer.byteLength(out.message)).toBe(149)
    expect(out.appId).toBe('tt5823bf96d3bd56c7')
    const prefix = Buffer.from('buDMVrkIt3c5AfErbuDMVrkIt3c5AfEr', 'utf8')
    expect(encryptPush(AES, DY_MSG, 'tt5823bf96d3bd56c7', DOUYIN_PREFIX_BYTES, prefix)).toBe(DY_ENCRYPT)
  })

  it('a wrong key or a truncated ciphertext is refused, never half-read', () => {
    const other = 'a'.repeat(43)
    expect(() => decryptPush(other, WX_ENCRYPT, WECHAT_PREFIX_BYTES)).toThrow(PushRejected)
    expect(() => decryptPush(AES, WX_ENCRYPT.slice(0, 44), WECHAT_PREFIX_BYTES)).toThrow(PushRejected)
  })

  it('round-trips any message and appid (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.constantFrom(16, 32), (msg, appId, prefix) => {
        const out = decryptPush(AES, encryptPush(AES, msg, appId, prefix), prefix)
        expect(out).toEqual({ message: msg, appId })
      })
    )
  })
})

const WX = { componentAppId: 'wx5823bf96d3bd56c7', token: TOKEN, encodingAesKey: AES }
const DY = { componentAppId: 'tt5823bf96d3bd56c7', token: TOKEN, encodingAesKey: AES }

describe('WeChat push: verification order and replay', () => {
  const at = (env: ReturnType<typeof makeEnv>, ts: string) => env.clock.set(new Date(Number(ts) * 1000).toISOString())

  it('opens the reference push when the clock is at its timestamp', async () => {
    const env = makeEnv('pglite')
    at(env, TS)
    const body = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${WX_ENCRYPT}]]></Encrypt></xml>`
    const fields = await openWechatPush(
      env.deps,
      WX,
      { timestamp: TS, nonce: NONCE, msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6' },
      body
    )
    expect(fields).toMatchObject({ MsgType: 'text', Content: 'hello', CreateTime: '1409659813' })
  })

  it.each([
    ['signature', (q: Record<string, string>) => ({ ...q, msg_signature: '0'.repeat(40) })],
    ['format', (q: Record<string, string>) => ({ ...q, nonce: '' })]
  ])('refuses a bad %s', async (reason, mutate) => {
    const env = makeEnv('pglite')
    const ts = String(Math.floor(env.clock.now().getTime() / 1000))
    const { query, body } = sealWechatPush(
      WX,
      { InfoType: 'component_verify_ticket', ComponentVerifyTicket: 't1' },
      ts,
      'n1'
    )
    await expect(openWechatPush(env.deps, WX, mutate(query), body)).rejects.toMatchObject({ reason })
  })

  it('refuses a push sealed for another provider appid', async () => {
    const env = makeEnv('pglite')
    const ts = String(Math.floor(env.clock.now().getTime() / 1000))
    const sealed = sealWechatPush({ ...WX, componentAppId: 'wxother' }, { InfoType: 'unauthorized' }, ts, 'n1')
    await expect(openWechatPush(env.deps, WX, sealed.query, sealed.body)).rejects.toMatchObject({ reason: 'appid' })
  })

  it('refuses a stale timestamp and a replayed nonce; forgets nonces past the window', async () => {
    const env = makeEnv('pglite')
    const ts = String(Math.floor(env.clock.now().getTime() / 1000))
    const sealed = sealWechatPush(WX, { InfoType: 'component_verify_ticket', ComponentVerifyTicket: 't1' }, ts, 'n1')
    await expect(openWechatPush(env.deps, WX, sealed.query, sealed.body)).resolves.toMatchObject({
      ComponentVerifyTicket: 't1'
    })
    await expect(openWechatPush(env.deps, WX, sealed.query, sealed.body)).rejects.toMatchObject({ reason: 'replay' })
    env.clock.advance(301_000)
    await expect(openWechatPush(env.deps, WX, sealed.query, sealed.body)).rejects.toMatchObject({ reason: 'stale' })
    expect(await forgetOldNonces(env.deps)).toBe(1)
    const old = String(Number(ts) - 301)
    const early = sealWechatPush(WX, { InfoType: 'x' }, old, 'n2')
    env.clock.set(new Date(Number(ts) * 1000).toISOString())
    await expect(openWechatPush(env.deps, WX, early.query, early.body)).rejects.toMatchObject({ reason: 'stale' })
  })
})

describe('Douyin push', () => {
  it('opens the reference ticket push and refuses its replay', async () => {
    const env = makeEnv('pglite')
    env.clock.set(new Date(Number(TS) * 1000).toISOString())
    const body = {
      Nonce: NONCE,
      TimeStamp: TS,
      Encrypt: DY_ENCRYPT,
      MsgSignature: 'e51e71c9087fc57ae1cf8eb25c0d1ba837db5b7c'
    }
    await expect(openDouyinPush(env.deps, DY, body)).resolves.toMatchObject({
      MsgType: 'Ticket',
      Ticket: '8c0da4968b0d1e28acbc1d738a56607d'
    })
    await expect(openDouyinPush(env.deps, DY, body)).rejects.toMatchObject({ reason: 'replay' })
  })

  it('refuses a tampered ciphertext and a wrong appid', async () => {
    const env = makeEnv('pglite')
    const ts = String(Math.floor(env.clock.now().getTime() / 1000))
    const sealed = sealDouyinPush(DY, { Event: 'UNAUTHORIZED', AppId: 'tt1' }, ts, 'n1')
    await expect(
      openDouyinPush(env.deps, DY, { ...sealed, Encrypt: 'A' + sealed.Encrypt.slice(1) })
    ).rejects.toMatchObject({ reason: 'signature' })
    const other = sealDouyinPush({ ...DY, componentAppId: 'ttother' }, { Event: 'UNAUTHORIZED' }, ts, 'n2')
    await expect(openDouyinPush(env.deps, DY, other)).rejects.toMatchObject({ reason: 'appid' })
    await expect(openDouyinPush(env.deps, DY, { nope: 1 })).rejects.toMatchObject({ reason: 'format' })
  })
})
