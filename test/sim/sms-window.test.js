/**
 * The late user's SMS window on the compiled WeChat 进度 tab, against the real cloud functions (their built bundles
 * over the in-memory cloud database): the filing was submitted yesterday at 10:00 and the 12381 text arrived three
 * hours ago. The user says so on the page; 21 hours are left; the two warnings are due 12 and 20 hours after the text
 * and are covered after the taps the page asks for; the reminder timer, run at those instants, sends exactly those
 * two messages, and nothing at the moment of reporting.
 */
const { installRealCloud } = require('./support/real-cloud')
const { launch, renderPage, waitFor, tap, byClass } = require('./support/taro-shim')

const ROUTE = 'pages/progress/index'
const OWNER = 'o-late-owner'
const HOUR = 3_600_000

const profile = {
  platform: 'weapp',
  filingType: 'new',
  ownerType: 'enterprise',
  province: '12',
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: true,
  industries: [],
  texts: { appName: '云帆会议室预订' }
}

/** Yesterday 10:00 in China time. */
function yesterdayTenShanghai(nowMs) {
  const shanghai = new Date(nowMs + 8 * HOUR)
  const midnightUtcOfShanghaiDay = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate())
  return midnightUtcOfShanghaiDay - 8 * HOUR - 24 * HOUR + 10 * HOUR
}

/** Taps the element showing exactly `text` (a NutUI radio's label), as a finger would: its own node or a parent. */
async function tapText(page, text) {
  const target = [...page.dom.querySelectorAll('*')].find(
    (el) => el.children.length === 0 && el.textContent.trim() === text
  )
  if (!target) throw new Error(`no element shows ${text}`)
  for (let el = target; el && el !== page.dom; el = el.parentElement) {
    const sid = el.getAttribute('data-sid')
    if (!sid) continue
    const node = page.querySelector('#' + sid)
    if (node) node.dispatchEvent('tap')
  }
  await new Promise((resolve) => setTimeout(resolve, 0))
}

const subscribeRequests = []
let cloud
let filingId

describe('weapp 进度: the SMS window for a late user', () => {
  beforeAll(async () => {
    cloud = installRealCloud({ openid: OWNER })
    const created = await cloud.call(OWNER, 'filings', 'create', { profile })
    filingId = created.data.id
    const submitted = await cloud.call(OWNER, 'filings', 'advance', {
      id: filingId,
      version: created.data.version,
      action: { type: 'submit' },
      at: new Date(yesterdayTenShanghai(Date.now())).toISOString()
    })
    expect(submitted).toMatchObject({ ok: true })
    launch(ROUTE)
    // the user accepts every template the dialog lists
    global.wx.requestSubscribeMessage = (options) => {
      subscribeRequests.push(options.tmplIds)
      const res = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of options.tmplIds) res[id] = 'accept'
      setTimeout(() => {
        options.success?.(res)
        options.complete?.(res)
      }, 0)
    }
  }, 60_000)

  it('dates the text three hours ago, shows 21 hours left, covers both warnings and sends exactly them', async () => {
    const page = renderPage(ROUTE, { id: filingId })
    await waitFor(() => page.dom.textContent.includes('初审通过，已收到12381短信'), 10_000)

    await tap(page, 'progress__action--platform_pass')
    await waitFor(() => page.dom.textContent.includes('约3小时前'), 5000)
    const chosenAt = Date.now()
    await tapText(page, '约3小时前')
    await waitFor(() => {
      try {
        return !!byClass(page, 'progress-form__picked')
      } catch {
        return false
      }
    }, 5000)
    await tap(page, 'progress-form__confirm--platform_pass')
    await waitFor(() => page.dom.textContent.includes('已记录：初审通过'), 10_000)

    const view = await cloud.call(OWNER, 'filings', 'get', { id: filingId })
    const arrivedAt = Date.parse(view.data.progress.history.at(-1).at)
    expect(Math.abs(chosenAt - 3 * HOUR - arrivedAt)).toBeLessThan(60_000)
    expect(Date.parse(view.data.progress.smsDeadline) - arrivedAt).toBe(24 * HOUR)
    // the page counts down from under 21 hours, never more than is left
    await waitFor(() => /20:5\d:\d\d/.test(page.dom.textContent), 5000)
    expect(page.dom.textContent).not.toMatch(/2[1-9]:\d\d:\d\d/)

    // the confirming tap asked for the SMS template; one more tap covers the second warning
    expect(subscribeRequests.at(-1)).toContain('TPL_SMS')
    const schedule = () => cloud.call(OWNER, 'filings', 'schedule', { id: filingId })
    let s = await schedule()
    const due = (kind) => Date.parse(s.data.reminders.find((r) => r.mine && r.kind === kind).dueAt)
    expect(due('sms_window_12h')).toBe(arrivedAt + 12 * HOUR)
    expect(due('sms_window_20h')).toBe(arrivedAt + 20 * HOUR)
    expect(s.data.budget).toMatchObject({ critical: 2, criticalCovered: 1 })
    // the page says what one more tap covers once it has the new window's schedule
    await waitFor(() => page.dom.textContent.includes('将能收到：短信核验剩约12小时'), 10_000)
    await tap(page, 'reminder-ask__button')
    for (let i = 0; i < 50 && s.data.budget.criticalCovered < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      s = await schedule()
    }
    expect(s.data.budget.criticalCovered).toBe(2)
    expect(subscribeRequests.at(-1)).toEqual(['TPL_SMS'])

    // nothing at the moment of reporting; each warning at its instant; nothing more
    expect(await cloud.runRemindersAt(Date.now())).toMatchObject({ sent: 0 })
    expect(await cloud.runRemindersAt(arrivedAt + 12 * HOUR + 60_000)).toMatchObject({ sent: 1 })
    expect(await cloud.runRemindersAt(arrivedAt + 20 * HOUR + 60_000)).toMatchObject({ sent: 1 })
    expect(await cloud.runRemindersAt(arrivedAt + 25 * HOUR)).toMatchObject({ sent: 0 })
    expect(cloud.sent.map((m) => [m.touser, m.templateId, m.data.thing3.value])).toEqual([
      [OWNER, 'TPL_SMS', '剩余约12小时，请尽快核验'],
      [OWNER, 'TPL_SMS', '仅剩约4小时，请立即核验']
    ])
  }, 60_000)
})
