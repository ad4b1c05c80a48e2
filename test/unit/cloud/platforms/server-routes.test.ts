/** @jest-environment node */
/**
 * The connector behind the local HTTP server, as `npm start` with BEIAN_PLATFORM=fake runs it: the authorisation
 * link opens the fake's consent page, consent redirects to the OAuth callback, pushes reach the event URL sealed as
 * the real ones (a replay is refused with 400), and the control page moves the filing.
 */
import { dispatch } from '../../../../src/cloud/dispatch'
import { CLIENT_FUNCTIONS } from '../../../../src/cloud/actions'
import type { ConnectionRecord } from '../../../../src/cloud/platforms/connector'
import { runPlatformSync } from '../../../../src/cloud/platforms/sync'
import type { Deps } from '../../../../src/cloud/context'
import type { FakePlatforms } from '../../../../src/server/platform-fake/control'
import { currentFaceTask, startFaceTask } from '../../../../src/cloud/platforms/face-tasks'
import { filingApiFor } from '../../../../src/cloud/platforms/filing-apis'
import { systemClock } from '../../../../src/cloud/ports'
import { FORM, PROFILE, RecordingLogger } from '../helpers'
import { pgliteTestStore, startTestPglite } from '../pglite-test-store'
import { startServerWithFakes, type ServerWithFakes } from './server-with-fakes'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

let server: ServerWithFakes
let base: string
let deps: Deps
let fakes: FakePlatforms

beforeAll(async () => {
  server = await startServerWithFakes(pgliteTestStore(), new RecordingLogger())
  ;({ base, deps, fakes } = server)
})

afterAll(() => server.close())

const call = (fn: 'filings' | 'connector', action: string, data: unknown) =>
  dispatch(fn, CLIENT_FUNCTIONS[fn], { action, data }, { userId: async () => 'owner-a' }, deps)

it('connects through the fake consent page and follows the control page', async () => {
  await fakes.ready
  const created = await call('filings', 'create', { profile: PROFILE, form: FORM })
  if (!created.ok) throw new Error(JSON.stringify(created))
  const id = (created.data as { id: string }).id
  const start = await call('connector', 'connect', { id })
  if (!start.ok) throw new Error(JSON.stringify(start))
  const { link } = start.data as { link: string }
  expect(link.startsWith(`${base}/api/platform/fake/wechat/safe/bindcomponent?`)).toBe(true)

  const consentPage = await (await fetch(link)).text()
  expect(consentPage).toContain('模拟微信授权')
  const q = Object.fromEntries(new URL(link).searchParams)
  const form = new URLSearchParams({ ...q, appid: 'wxfakeapp00001', set18: 'on' })
  const consent = await fetch(`${base}/api/platform/fake/wechat/consent`, {
    method: 'POST',
    body: form,
    redirect: 'manual'
  })
  expect(consent.status).toBe(303)
  const callback = await fetch(consent.headers.get('location')!)
  expect(await callback.text()).toContain('连接成功')

  const control = async (op: string) =>
    fetch(`${base}/api/platform/fake/action`, {
      method: 'POST',
      body: new URLSearchParams({ platform: 'wechat', appid: 'wxfakeapp00001', op }),
      redirect: 'manual'
    })
  expect(await (await fetch(`${base}/api/platform/fake`)).text()).toContain('wxfakeapp00001')
  await control('2 平台审核中')
  // no push for 2 (UNCONFIRMED): the sync picks it up
  await deps.store
    .collection<ConnectionRecord>('platform_connections')
    .updateWhere({}, { set: { nextSyncAt: new Date(0).toISOString() } })
  await runPlatformSync(deps, deps.platforms!)
  await control('3 平台驳回') // pushed: synced at once
  const got = await call('filings', 'get', { id })
  expect((got as { data: { progress: { stage: string } } }).data.progress.stage).toBe('platform_rejected')
})

it('completes a face task and fails an upload from the control page', async () => {
  const api = filingApiFor(deps.platforms, 'wechat', systemClock)!
  const control = (op: string) =>
    fetch(`${base}/api/platform/fake/action`, {
      method: 'POST',
      body: new URLSearchParams({ platform: 'wechat', appid: 'wxfakeapp00001', op }),
      redirect: 'manual'
    })
  const task = await startFaceTask(deps, api, 'wxfakeapp00001', { provinceCode: '120000' })
  expect(await (await fetch(`${base}/api/platform/fake`)).text()).toContain('人脸核身完成')
  await control('人脸核身完成') // the push goes through the real event handler
  expect(await currentFaceTask(deps, api, 'wxfakeapp00001')).toMatchObject({ taskId: task.taskId, status: 'passed' })
  await control('下次上传被拒')
  const photo = { slot: 's', platformType: 'icp_subject.principal_info.certificate_photo_front', certificateType: '2' }
  const media = { ...photo, bytes: new Uint8Array([1, 2, 3]), fileName: 'a.jpg', mimeType: 'image/jpeg' }
  await expect(api.uploadMedia('wxfakeapp00001', media)).rejects.toMatchObject({ errcode: 86201 })
  expect((await api.uploadMedia('wxfakeapp00001', media)).mediaId).toMatch(/^wxmedia/)
})

it('answers `success` to a verified push and 400 to its replay or a forged one', async () => {
  const push = fakes.fake.wechatTicketPush()
  const url = `${base}/api/platform/wechat/events?${new URLSearchParams(push.query).toString()}`
  const first = await fetch(url, { method: 'POST', body: push.body })
  expect([first.status, await first.text()]).toEqual([200, 'success'])
  const replay = await fetch(url, { method: 'POST', body: push.body })
  expect(replay.status).toBe(400)
  const forged = await fetch(url.replace(/msg_signature=[0-9a-f]+/, 'msg_signature=' + '0'.repeat(40)), {
    method: 'POST',
    body: push.body
  })
  expect(forged.status).toBe(400)
  const dy = fakes.fake.douyinTicketPush()
  const ok = await fetch(`${base}/api/platform/douyin/events`, { method: 'POST', body: JSON.stringify(dy) })
  expect(await ok.text()).toBe('success')
})
