/** @jest-environment node */
/** Douyin mode's adapters with an injected fetch: request shapes, error mapping, token caching. */
import { douyinCodeExchanger, douyinSender, type FetchLike } from '../../../src/server/douyin'
import { RecordingLogger } from './helpers'

const config = { appId: 'tt-app', secret: 'tt-secret', templateIds: { sms_deadline: 'MSG_SMS' } }

function fakeFetch(answers: Record<string, (body: any) => { status?: number; body: unknown }>) {
  const calls: { url: string; headers: Record<string, string>; body: any }[] = []
  const fetchFn: FetchLike = async (url, init) => {
    const body = JSON.parse(init.body)
    calls.push({ url, headers: init.headers, body })
    const answer = answers[url](body)
    return { ok: (answer.status ?? 200) < 400, status: answer.status ?? 200, json: async () => answer.body }
  }
  return { fetchFn, calls }
}

const message = {
  toUserId: 'tt:open-1',
  template: 'sms_deadline' as const,
  fields: { thing1: '示例' },
  page: 'pages/progress/index',
  reminderKey: 'k'
}
const TOKEN_URL = 'https://open.douyin.com/oauth/client_token/'
const NOTIFY_URL = 'https://open.douyin.com/api/notification/v2/subscription/notify_user/'

it('exchanges a tt.login code through code2Session for a tt: user id, never keeping the session key', async () => {
  const { fetchFn, calls } = fakeFetch({
    'https://developer.toutiao.com/api/apps/v2/jscode2session': () => ({
      body: { err_no: 0, data: { openid: 'open-1', session_key: 'sk' } }
    })
  })
  expect(await douyinCodeExchanger(config, fetchFn, new RecordingLogger()).exchange('code-1')).toBe('tt:open-1')
  expect(calls[0].body).toEqual({ appid: 'tt-app', secret: 'tt-secret', code: 'code-1' })
})

it('refuses a code Douyin refuses', async () => {
  const { fetchFn } = fakeFetch({
    'https://developer.toutiao.com/api/apps/v2/jscode2session': () => ({
      body: { err_no: 40018, err_tips: 'bad code' }
    })
  })
  expect(await douyinCodeExchanger(config, fetchFn, new RecordingLogger()).exchange('x')).toBeNull()
})

it('sends with notify-user v2 and a cached client token; maps refusals and system errors', async () => {
  let notifyAnswer: { status?: number; body: unknown } = { body: { err_no: 0 } }
  const { fetchFn, calls } = fakeFetch({
    [TOKEN_URL]: () => ({ body: { data: { access_token: 'clt.token', expires_in: 7200 } } }),
    [NOTIFY_URL]: () => notifyAnswer
  })
  const sender = douyinSender(config, fetchFn)
  expect(await sender.send(message)).toEqual({ ok: true })
  expect(await sender.send(message)).toEqual({ ok: true })
  expect(calls.filter((c) => c.url === TOKEN_URL)).toHaveLength(1)
  expect(calls[1]).toMatchObject({
    headers: { 'access-token': 'clt.token' },
    body: { open_id: 'open-1', msg_id: 'MSG_SMS', data: { thing1: '示例' } }
  })
  notifyAnswer = { status: 502, body: {} }
  expect(await sender.send(message)).toEqual({ ok: false, errcode: -1 })
  notifyAnswer = { body: { err_no: 28014001, err_msg: '参数错误' } }
  expect(await sender.send(message)).toMatchObject({ ok: false, errcode: 28014001 })
  expect(await sender.send({ ...message, template: 'todo_reminder' })).toMatchObject({ ok: false, errcode: 40037 })
  expect(await sender.send({ ...message, toUserId: 'local:abc' })).toMatchObject({ ok: false })
})
