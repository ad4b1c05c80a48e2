/** @jest-environment node */
/**
 * The privacy promise: after a submission with photos over HTTP (as `npm start` with BEIAN_PLATFORM=fake runs
 * it: PGlite in a data folder, JSON log lines), neither the data folder nor the log holds any image bytes (raw or
 * base64), the ID numbers or the phone numbers. Every stored document is also read back through the store, since the
 * database may compress what it writes to disk.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, appendFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '../../../src/cloud/ports'
import { COLLECTIONS } from '../../../src/cloud/records'
import { openPglite } from '../../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../../src/cloud/stores/pg-store'
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../../src/domain/samples'
import { startServerWithFakes, type ServerWithFakes } from '../cloud/platforms/server-with-fakes'

jest.setTimeout(120_000)

const PHOTO = readFileSync(path.resolve(__dirname, '../../fixtures/photos/clean-license.jpg'))
const SECRETS = [
  SAMPLE_FORM.ownerPrincipal.idNumber!,
  SAMPLE_FORM.appPrincipal.idNumber!,
  SAMPLE_FORM.owner.certificateNumber!,
  SAMPLE_FORM.ownerPrincipal.mobile!,
  SAMPLE_FORM.appPrincipal.mobile!,
  SAMPLE_FORM.emergencyContact.mobile!
]

let dir: string
let store: PgStore
let server: ServerWithFakes
let base: string
const logFile = () => path.join(dir, 'server.log')

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'beian-privacy-'))
  store = new PgStore(await openPglite(path.join(dir, 'pglite')))
  await store.migrate()
  const line = (level: string) => (event: string, fields?: object) =>
    appendFileSync(logFile(), JSON.stringify({ level, event, ...fields }) + '\n')
  const logger: Logger = { info: line('info'), warn: line('warn'), error: line('error') }
  server = await startServerWithFakes(store, logger)
  base = server.base
})

afterAll(async () => {
  await server?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

let token = ''
async function post<T>(route: string, body: unknown): Promise<{ ok: boolean; data: T; message?: string }> {
  const res = await fetch(`${base}/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  return (await res.json()) as { ok: boolean; data: T; message?: string }
}
const call = async <T>(fn: string, action: string, data: unknown): Promise<T> => {
  const res = await post<T>(fn, { action, data })
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res)}`)
  return res.data
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const p = path.join(folder, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

it('after a submission with photos, no image bytes, ID number or phone in the data folder, the database or the log', async () => {
  token = (await post<{ token: string }>('login', { code: 'privacy-owner-1' })).data.token
  const { id } = await call<{ id: string }>('filings', 'create', {
    profile: SAMPLE_PROFILE,
    form: SAMPLE_FORM,
    title: '隐私测试'
  })
  // connect through the fake consent page, as the administrator would
  const { link } = await call<{ link: string }>('connector', 'connect', { id })
  const q = Object.fromEntries(new URL(link).searchParams)
  const consent = await fetch(`${base}/api/platform/fake/wechat/consent`, {
    method: 'POST',
    body: new URLSearchParams({ ...q, appid: 'wxprivacy0000001', set18: 'on' }),
    redirect: 'manual'
  })
  await fetch(consent.headers.get('location')!)
  server.fakes.fake.setSubjectName('wechat', 'wxprivacy0000001', SAMPLE_FORM.owner.name)

  await call('submission', 'saveExtras', { id, extras: { appPrincipalIdValidFrom: '2012-08-15' } })
  const view = await call<{ slots: { slot: string }[] }>('submission', 'prepare', { id })
  for (const s of view.slots) {
    await call('submission', 'uploadMedia', {
      id,
      slot: s.slot,
      fileName: 'license.jpg',
      mimeType: 'image/jpeg',
      dataBase64: PHOTO.toString('base64'),
      consent: true
    })
  }
  await call('submission', 'startFace', { id })
  server.fakes.fake.wechatFaceResult(server.fakes.fake.latestFaceTask('wechat', 'wxprivacy0000001')!, true)
  expect((await call<{ status: string }>('submission', 'faceStatus', { id })).status).toBe('passed')
  expect(await call('submission', 'submit', { id })).toEqual({ submitted: true, stage: 'platform_review' })

  // what could betray the photo: slices of its bytes from the middle, raw and as base64
  const slices = [PHOTO.subarray(20_000, 20_048), PHOTO.subarray(40_000, 40_048)]
  const b64 = PHOTO.toString('base64')
  const b64Slices = [b64.slice(30_000, 30_064), b64.slice(50_000, 50_064)]
  const files = filesUnder(dir)
  expect(files.length).toBeGreaterThan(10)
  expect(files).toContain(logFile())
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const s of slices) expect(bytes.includes(s)).toBe(false)
    const text = bytes.toString('latin1')
    for (const s of [...b64Slices, ...SECRETS]) expect(text.includes(s)).toBe(false)
  }
  const stored: unknown[] = []
  for (const name of Object.values(COLLECTIONS)) stored.push(await store.collection(name).find({}))
  const dump = JSON.stringify(stored)
  expect(dump).toContain('wxprivacy0000001') // the dump is real
  for (const s of [...b64Slices, ...SECRETS]) expect(dump.includes(s)).toBe(false)
  const log = readFileSync(logFile(), 'utf8')
  expect(log).toContain('submission') // the requests were logged, by path only
  for (const s of [...b64Slices, ...SECRETS]) expect(log.includes(s)).toBe(false)
})
