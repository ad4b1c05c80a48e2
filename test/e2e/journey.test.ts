/**
 * The whole filing journey on the H5 build against the server `npm start` runs, as one user on a
 * 375-px phone — wizard → checklist → self-check with errors, fixed (with a reload in the middle of the form) →
 * 我已提交 → 初审通过 → reminders scheduled and, once due, in the local outbox → 短信已核验 → 备案号 → approved.
 * A second browser context (another user) cannot see the filing. Every step saves a screenshot
 * (test/artifacts/e2e/journey-*.png).
 */
import type { Browser, Page } from 'playwright-core'
import { SAMPLE_FORM } from '../../src/domain/samples'
import { gotoRoute, launchBrowser, openPhone, type PhonePage } from './support/browser'
import { allowReminders as answerReminderDialog, callApi, settled, stageIs } from './support/app'

const allowReminders = (page: Page) => answerReminderDialog(page, 'journey')

const FILING_NUMBER = '津ICP备2026012345号-1X'

jest.setTimeout(90_000)

let browser: Browser
let phone: PhonePage
let filingId = ''

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await openPhone(browser)
})
afterAll(async () => {
  await browser?.close()
})

const field = (page: Page, path: string) => page.locator(`.self-check-field--${path.replace(/[^A-Za-z0-9]+/g, '-')}`)
const fieldInput = (page: Page, path: string) => field(page, path).locator('input, textarea').first()

/** Types into a form field and leaves it (the page checks a field once the user leaves it). */
async function fillField(page: Page, path: string, value: string) {
  const input = fieldInput(page, path)
  await input.click()
  await input.fill(value)
  await input.press('Tab')
}

async function chooseIn(page: Page, path: string, label: string) {
  await field(page, path).getByText(label, { exact: true }).first().click()
}

describe('the whole journey on H5', () => {
  it('1. 新建备案: the wizard builds the checklist from the answers', async () => {
    const { page } = phone
    await gotoRoute(page, '/pages/index/index')
    await page.locator('.home-hero__cta').waitFor()
    await settled(page, 'journey-01-home')
    await page.locator('.home-hero__cta').click()

    // step 1: platform, type and owner type (微信 / 首次备案 / 企业 are the defaults; pick them anyway)
    await page.locator('.wizard__steps').waitFor()
    await page.locator('.wizard__choices').nth(0).getByText('微信', { exact: true }).click()
    await page.locator('.wizard__choices').nth(2).getByText('企业', { exact: true }).click()
    await settled(page, 'journey-02-wizard-platform')
    await page.locator('.wizard__next').click()

    // step 2: 天津; the mini-program's principal is not the legal representative → 授权书 joins the list
    await page.locator('.wizard__provinces').getByText('天津', { exact: true }).click()
    const preview = page.locator('.wizard__preview')
    await expect(preview.textContent()).resolves.not.toContain('授权书')
    await page.locator('.wizard__app-legal').click()
    await preview
      .getByText(/授权书/)
      .first()
      .waitFor()
    await settled(page, 'journey-03-wizard-region')
    await page.locator('.wizard__next').click()

    // step 3: no pre-approval industry. The checkboxes' icons are drawn: their stylesheet (NutUI's icon styles) loads
    // with the app, no longer with the icons (config/index.ts)
    await page.locator('.wizard__industry').first().waitFor()
    const box = await page.locator('.wizard__industry .nut-icon').first().boundingBox()
    expect(box?.width).toBeGreaterThan(10)
    expect(box?.height).toBeGreaterThan(10)
    await settled(page, 'journey-03b-wizard-industries')
    await page.locator('.wizard__next').click()

    // step 4: names and description
    await page.locator('.wizard__owner-name input').fill(SAMPLE_FORM.owner.name!)
    await page.locator('.wizard__scope textarea').fill(SAMPLE_FORM.owner.businessScope!)
    await page.locator('.wizard__app-name input').fill(SAMPLE_FORM.miniProgram.name!)
    await page.locator('.wizard__description textarea').fill(SAMPLE_FORM.miniProgram.description!)
    await settled(page, 'journey-04-wizard-names')
    await page.locator('.wizard__next').click()

    // → 材料清单 of the new filing
    await page.locator('.materials__filing-title', { hasText: SAMPLE_FORM.miniProgram.name! }).waitFor()
    for (const section of ['主办者信息', '主体负责人', '小程序负责人', '附件'])
      await page.locator('.materials__section-title', { hasText: section }).waitFor()
    await page.locator('[data-material="authorization_letter"]').waitFor()
    const list = await callApi<{ id: string; title: string }[]>(page, 'filings', { action: 'list', data: {} })
    expect(list.data.map((f) => f.title)).toEqual([SAMPLE_FORM.miniProgram.name])
    filingId = list.data[0].id
    await settled(page, 'journey-05-materials')
  })

  it('2. 信息自检: errors shown inline, nothing lost on a reload, fixed, all clear', async () => {
    const { page } = phone
    await gotoRoute(page, '/filing/self-check/index')
    await page.locator('#self-check-section-owner').waitFor()

    // the first sensitive field asks for separate consent
    await field(page, 'owner.certificateNumber').locator('.self-check-field__locked--consent').click()
    await page.locator('.consent__agree').waitFor()
    await settled(page, 'journey-06-consent')
    await page.locator('.consent__agree').click()
    await fieldInput(page, 'owner.certificateNumber').waitFor()

    // owner, with a credit code whose check digit is wrong
    await fillField(page, 'owner.name', SAMPLE_FORM.owner.name!)
    await chooseIn(page, 'owner.certificateType', '营业执照')
    const badUscc = SAMPLE_FORM.owner.certificateNumber!.slice(0, -1) + '4'
    await fillField(page, 'owner.certificateNumber', badUscc)
    await field(page, 'owner.certificateValidUntil').locator('.self-check-field__permanent').click()
    const province = field(page, 'owner.region.province')
    if (!((await province.textContent()) ?? '').includes('天津')) {
      await province.locator('.self-check-field__link').click()
      await province.getByText('天津', { exact: true }).click()
    }
    await fillField(page, 'owner.region.city', SAMPLE_FORM.owner.region!.city!)
    await fillField(page, 'owner.region.district', SAMPLE_FORM.owner.region!.district!)
    await fillField(page, 'owner.address', SAMPLE_FORM.owner.address!)
    await fillField(page, 'owner.certificateAddress', SAMPLE_FORM.owner.certificateAddress!)
    await fillField(page, 'owner.businessScope', SAMPLE_FORM.owner.businessScope!)
    await field(page, 'owner.certificateNumber').locator('.form-field__finding--error').waitFor()

    // both principals, the owner principal's phone number one digit short
    for (const section of ['ownerPrincipal', 'appPrincipal'] as const) {
      const person = SAMPLE_FORM[section]
      await fillField(page, `${section}.name`, person.name!)
      await chooseIn(page, `${section}.idType`, '居民身份证')
      await fillField(page, `${section}.idNumber`, person.idNumber!)
      await fillField(page, `${section}.idValidUntil`, person.idValidUntil!)
      await fillField(
        page,
        `${section}.mobile`,
        section === 'ownerPrincipal' ? person.mobile!.slice(0, -1) : person.mobile!
      )
      await fillField(page, `${section}.email`, person.email!)
    }
    await field(page, 'ownerPrincipal.mobile').locator('.form-field__finding--error').waitFor()
    // a sensitive value is masked once the user leaves it
    await expect(fieldInput(page, 'ownerPrincipal.idNumber').inputValue()).resolves.toContain('*')
    await settled(page, 'journey-07-self-check-errors')

    // a reload in the middle of the form (no wait for the sync) loses nothing, sensitive values included
    await fillField(page, 'emergencyContact.name', SAMPLE_FORM.emergencyContact.name!)
    await page.reload({ waitUntil: 'load' })
    await page.locator('#self-check-section-owner').waitFor()
    await expect(fieldInput(page, 'emergencyContact.name').inputValue()).resolves.toBe(
      SAMPLE_FORM.emergencyContact.name
    )
    await expect(fieldInput(page, 'owner.address').inputValue()).resolves.not.toBe('')
    const restoredId = fieldInput(page, 'appPrincipal.idNumber')
    await restoredId.click()
    await expect(restoredId.inputValue()).resolves.toBe(SAMPLE_FORM.appPrincipal.idNumber)
    await restoredId.press('Tab')
    const bad = fieldInput(page, 'owner.certificateNumber')
    await bad.click()
    await expect(bad.inputValue()).resolves.toBe(badUscc)
    await bad.press('Tab')
    // the device holds no sensitive value in clear
    const stored = await page.evaluate(() => JSON.stringify(localStorage))
    for (const secret of [badUscc, SAMPLE_FORM.appPrincipal.idNumber!, SAMPLE_FORM.appPrincipal.mobile!])
      expect(stored).not.toContain(secret)
    await settled(page, 'journey-08-self-check-reloaded')

    // fix both errors and fill the rest
    await fillField(page, 'owner.certificateNumber', SAMPLE_FORM.owner.certificateNumber!)
    await fillField(page, 'ownerPrincipal.mobile', SAMPLE_FORM.ownerPrincipal.mobile!)
    await fillField(page, 'miniProgram.name', SAMPLE_FORM.miniProgram.name!)
    await fillField(page, 'miniProgram.description', SAMPLE_FORM.miniProgram.description!)
    for (const type of SAMPLE_FORM.miniProgram.serviceTypes!) await chooseIn(page, 'miniProgram.serviceTypes', type)
    await field(page, 'miniProgram.preApproval').locator('.nut-radio').first().click()
    await fillField(page, 'emergencyContact.mobile', SAMPLE_FORM.emergencyContact.mobile!)
    await expect(page.locator('.form-field__finding--error').count()).resolves.toBe(0)
    await page.locator('.self-check__sync-status--synced').waitFor({ timeout: 15_000 })

    // the server has the form, and the sensitive values only encrypted
    const saved = await callApi<{ form: typeof SAMPLE_FORM }>(page, 'filings', {
      action: 'get',
      data: { id: filingId, reveal: true }
    })
    expect(saved.data.form.owner.certificateNumber).toBe(SAMPLE_FORM.owner.certificateNumber)
    expect(saved.data.form.ownerPrincipal.mobile).toBe(SAMPLE_FORM.ownerPrincipal.mobile)

    await page.locator('.self-check__results').click()
    await page.locator('.check-result__title').waitFor()
    await expect(page.locator('.check-result__item--error').count()).resolves.toBe(0)
    await settled(page, 'journey-09-check-result')
    await page.locator('.check-result__next').click()
    await stageIs(page, '填写备案信息')
  })

  it('3. 我已提交 → 初审通过: subscriptions asked in the tap, the SMS countdown runs', async () => {
    const { page } = phone
    await settled(page, 'journey-10-progress-draft')
    await page.locator('.progress__action--submit').click()
    // every step asks when it happened (刚刚 by default); the confirming tap asks for the reminders
    await page.locator('.progress-form__confirm--submit').click()
    await allowReminders(page)
    await stageIs(page, '平台初审')
    await settled(page, 'journey-11-platform-review')

    await page.locator('.progress__action--platform_pass').click()
    await page.locator('.progress-form__confirm--platform_pass').click()
    await allowReminders(page)
    await stageIs(page, '短信核验')
    await page.locator('.progress-sms .sms-countdown__time', { hasText: /\d{1,2}:\d{2}:\d{2}/ }).waitFor()
    await settled(page, 'journey-12-sms-countdown')
  })

  it('4. reminders are scheduled, and the due one reaches the local outbox without personal data', async () => {
    const { page } = phone
    await page.locator('.progress__reminders').click()
    await page.getByText('会按时提醒').first().waitFor()
    await settled(page, 'journey-13-reminders')

    type Outbox = { messages: { template: string; fields: Record<string, string> }[] }
    // nothing at the moment of reporting: the user has just told us about the text themself
    expect((await callApi<unknown>(page, 'dev/run-reminders', {})).ok).toBe(true)
    expect((await callApi<Outbox>(page, 'dev/outbox')).data.messages).toEqual([])
    // 20 hours after the text (4 hours before the deadline), the warning the granted unit covers is sent
    const later = new Date(Date.now() + 20 * 3_600_000 + 60_000).toISOString()
    expect((await callApi<unknown>(page, 'dev/run-reminders', { now: later })).ok).toBe(true)
    const outbox = await callApi<Outbox>(page, 'dev/outbox')
    expect(outbox.data.messages.map((m) => m.template)).toContain('sms_deadline')
    const text = JSON.stringify(outbox.data.messages)
    for (const secret of [SAMPLE_FORM.ownerPrincipal.mobile!, SAMPLE_FORM.ownerPrincipal.idNumber!])
      expect(text).not.toContain(secret)
    await page.goBack()
  })

  it('5. 短信已核验 → 管局审核通过 with a checked 备案号 → approved', async () => {
    const { page } = phone
    await stageIs(page, '短信核验')
    await page.locator('.progress__action--sms_verified').click()
    await page.locator('.progress-form__confirm--sms_verified').click()
    await allowReminders(page)
    await stageIs(page, '管局审核')
    await settled(page, 'journey-14-admin-review')

    await page.locator('.progress__action--admin_pass').click()
    const input = page.locator('.progress-form__filing-number input')
    await input.fill('津ICP备2026012345号')
    await page.locator('.progress-form__error').waitFor()
    await input.fill(FILING_NUMBER)
    await page.locator('.progress-form__ok').waitFor()
    await page.locator('.progress-form__confirm--admin_pass').click()
    await page.locator('.progress-approved__number', { hasText: FILING_NUMBER }).waitFor()
    await settled(page, 'journey-15-approved')

    await gotoRoute(page, '/pages/index/index')
    await page.locator('.filing-card', { hasText: FILING_NUMBER }).waitFor()
    await settled(page, 'journey-16-home-approved')
    expect(phone.errors).toEqual([])
  })

  it('6. another user (a second browser context) cannot see the filing', async () => {
    const other = await openPhone(browser)
    try {
      await gotoRoute(other.page, '/pages/index/index')
      await other.page.locator('.home-hero__cta').waitFor()
      await other.page.getByText('还没有备案').first().waitFor()
      await expect(other.page.locator('.filing-card').count()).resolves.toBe(0)
      await settled(other.page, 'journey-17-other-user')
      const peek = await callApi(other.page, 'filings', { action: 'get', data: { id: filingId } })
      expect(peek.ok).toBe(false)
      expect(peek.code).toBe('NOT_FOUND')
    } finally {
      await other.context.close()
    }
  })
})
