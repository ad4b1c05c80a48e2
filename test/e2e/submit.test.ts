/**
 * Online submission (H5 E2E): a Tianjin filing connected to the WeChat fake, its self-check clean, 通过备案助手在线提交
 * → consent, the one fact the platform wants beyond our form, every photo chosen through the real file chooser and
 * checked on the phone before upload, the principal's face task started and completed on the fake's control page,
 * 提交备案 → 平台初审, the platform's review advanced on the control page and synced, and 进度 shows 已备案 with the
 * number the fake issued (津ICP备…). Phone width 390 px; screenshots: test/artifacts/e2e/submit-*.png.
 */
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../src/domain/samples'
import { gotoRoute, screenshot } from './support/browser'
import { stageIs } from './support/app'
import {
  completeFaceTask,
  connectCleanFiling,
  drive,
  isDisabled,
  openSubmitBeforeConsent,
  storyPhone,
  sync,
  uploadEveryPhoto,
  wholePage
} from './support/submit'

jest.setTimeout(120_000)

const phone = storyPhone()
let filingId = ''
let appId = ''

describe('提交备案 on H5 through the WeChat platform fake', () => {
  it('1. a Tianjin filing with a clean self-check is connected to its mini-program', async () => {
    const connected = await connectCleanFiling(
      phone(),
      'wechat',
      { profile: SAMPLE_PROFILE, title: '云帆会议室预订', form: SAMPLE_FORM },
      'submit-01-self-check-clean'
    )
    filingId = connected.filingId
    appId = connected.appId
  })

  it('2. 提交备案 opens with its consent and says what still stands in the way', async () => {
    const { page } = phone()
    await openSubmitBeforeConsent(page, appId, 'submit-02-consent-blockers')

    // the one fact the platform asks for that our form does not hold
    const extra = page.locator('.submit__extra[data-field="extras.appPrincipalIdValidFrom"]')
    await extra.locator('input').fill('2012-08-15')
    await page.locator('.submit__extras-save').click()
    await page.locator('.submit__notice', { hasText: '已保存' }).waitFor()
    await extra.waitFor({ state: 'detached' })
    await page.locator('.submit__agree').click()
    await page.locator('.submit__consent-given').waitFor()
    await wholePage(page, 'submit-03-consented')
  })

  it('3. every photo goes through the real picker, the phone check, and up to the platform', async () => {
    const { page } = phone()
    await uploadEveryPhoto(page, 'submit-04-photos-uploaded')
  })

  it('4. the face task is started, completed on the fake’s control page, and shows as passed', async () => {
    await completeFaceTask(phone(), appId, 'submit')
  })

  it('5. 提交备案 files it: the filing moves to 平台初审 and 撤回 is offered', async () => {
    const { page } = phone()
    await page.locator('.submit__go').click()
    await page.locator('.submit__notice', { hasText: '已提交到平台' }).waitFor()
    await page.locator('.submit__submitted').waitFor()
    expect(await isDisabled(page.locator('.submit__withdraw'))).toBe(false)
    // the photos went with the application: frozen while the platform reviews, and the page says why
    await page.locator('.submit__slots', { hasText: '审核期间不能更换' }).waitFor()
    expect(await isDisabled(page.locator('.submit-slot__choose').first())).toBe(true)
    await expect(page.locator('.submit__blockers').count()).resolves.toBe(0)
    await wholePage(page, 'submit-08-submitted')
  })

  it('6. the platform’s review advances on the control page; the sync brings 已备案 with its number', async () => {
    const { page, context, errors } = phone()
    await gotoRoute(page, `/pages/progress/index?id=${filingId}`)
    await stageIs(page, '平台初审')
    await wholePage(page, 'submit-09-progress-platform-review')

    const control = await context.newPage()
    await drive(control, appId, '4 管局审核 · 等待短信核验')
    expect(await sync(page)).toEqual(['advanced'])
    await drive(control, appId, '6 已备案')
    await screenshot(control, 'submit-10-fake-filed')
    await sync(page) // the result push may already have synced it: 'advanced' or 'unchanged'
    await control.close()

    await page.reload()
    const number = page.locator('.progress-approved__number')
    await number.waitFor()
    // the fake issues the number of the application's province: 天津 → 津
    await expect(number.textContent()).resolves.toMatch(/津ICP备\d+号-1X/)
    await wholePage(page, 'submit-11-progress-approved')
    expect(errors).toEqual([])
  })
})
