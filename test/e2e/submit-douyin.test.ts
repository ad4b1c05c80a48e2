/**
 * The Douyin twin of submit.test.ts (H5 E2E): a Beijing filing for a Douyin mini-program, connected to the Douyin
 * fake (the service provider's consent), its self-check clean, 通过备案助手在线提交 → consent, whatever facts Douyin
 * wants beyond our form, every photo through the real file chooser and the phone check, the face task completed on
 * the fake's control page, 提交备案 → 平台初审, then the platform's status moved on the control page and synced, and
 * 进度 shows 已备案 with the number the fake issued (京ICP备…). 390 px; screenshots: test/artifacts/e2e/submit-dy-*.png.
 */
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../src/domain/samples'
import type { FilingForm, FilingProfile } from '../../src/domain/types'
import { usccCheckChar } from '../../src/domain/validators/uscc'
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

/**
 * The sample filing, for a Douyin mini-program in Beijing: the Douyin fake issues 京ICP备 numbers whatever the
 * province, and the app rightly refuses a number of another province than the filing's.
 */
const DOUYIN_PROFILE: FilingProfile = { ...SAMPLE_PROFILE, platform: 'tt', province: '11' }
const BEIJING_FORM: FilingForm = {
  ...SAMPLE_FORM,
  owner: {
    ...SAMPLE_FORM.owner,
    // a credit code registered in Beijing (110105 朝阳区, a district the Douyin fake's region list has): a company files where it is registered
    certificateNumber: `91110105MA05K8QR2${usccCheckChar('91110105MA05K8QR2')}`,
    region: { province: '11', city: '北京市', district: '朝阳区' },
    certificateAddress: '北京市朝阳区海川路88号云帆大厦3层'
  }
}

describe('提交备案 on H5 through the Douyin platform fake', () => {
  it('1. a Beijing Douyin filing with a clean self-check is connected to its mini-program', async () => {
    const connected = await connectCleanFiling(
      phone(),
      'douyin',
      { profile: DOUYIN_PROFILE, title: '云帆会议室预订（抖音）', form: BEIJING_FORM },
      'submit-dy-01-self-check-clean'
    )
    filingId = connected.filingId
    appId = connected.appId
  })

  it('2. 提交备案 opens with its consent and says what still stands in the way', async () => {
    const { page } = phone()
    await openSubmitBeforeConsent(page, appId, 'submit-dy-02-consent-blockers')

    // the facts Douyin asks for that our form does not hold (dates, in this fake): each filled and saved
    const extras = page.locator('.submit__extra')
    if (await extras.count()) {
      for (const field of await extras.evaluateAll((els) => els.map((e) => e.getAttribute('data-field')!)))
        await page.locator(`.submit__extra[data-field="${field}"] input`).fill('2012-08-15')
      await page.locator('.submit__extras-save').click()
      await page.locator('.submit__notice', { hasText: '已保存' }).waitFor()
      await extras.first().waitFor({ state: 'detached' })
    }
    await page.locator('.submit__agree').click()
    await page.locator('.submit__consent-given').waitFor()
    await wholePage(page, 'submit-dy-03-consented')
  })

  it('3. every photo goes through the real picker, the phone check, and up to the platform', async () => {
    const { page } = phone()
    await uploadEveryPhoto(page, 'submit-dy-04-photos-uploaded')
  })

  it('4. the face task is started, completed on the fake’s control page, and shows as passed', async () => {
    await completeFaceTask(phone(), appId, 'submit-dy')
  })

  it('5. 提交备案 files it: the filing moves to 平台初审; Douyin has no 撤回 and the page says so', async () => {
    const { page } = phone()
    await page.locator('.submit__go').click()
    await page.locator('.submit__notice', { hasText: '已提交到平台' }).waitFor()
    await page.locator('.submit__submitted').waitFor()
    // Douyin's API set has no withdraw (douyin-icp-api.md §1): offered disabled, with where to do it instead
    expect(await isDisabled(page.locator('.submit__withdraw'))).toBe(true)
    await expect(page.locator('.submit__withdraw-note').textContent()).resolves.toContain('抖音没有撤回')
    // the photos went with the application: frozen while the platform reviews, and the page says why
    await page.locator('.submit__slots', { hasText: '审核期间不能更换' }).waitFor()
    expect(await isDisabled(page.locator('.submit-slot__choose').first())).toBe(true)
    await expect(page.locator('.submit__blockers').count()).resolves.toBe(0)
    await wholePage(page, 'submit-dy-08-submitted')
  })

  it('6. Douyin’s status moves on the control page; the sync brings 已备案 with its number', async () => {
    const { page, context, errors } = phone()
    await gotoRoute(page, `/pages/progress/index?id=${filingId}`)
    await stageIs(page, '平台初审')
    await wholePage(page, 'submit-dy-09-progress-platform-review')

    // Douyin's statuses carry no SMS state: 管局审核, then 已备案
    const control = await context.newPage()
    await drive(control, appId, 'admin_review')
    expect(await sync(page)).toEqual(['advanced'])
    await drive(control, appId, 'filed')
    await screenshot(control, 'submit-dy-10-fake-filed')
    // Douyin pushes no filing status (douyin-icp-api.md §8.4): only the sync moves it
    expect(await sync(page)).toEqual(['advanced'])
    await control.close()

    await page.reload()
    const number = page.locator('.progress-approved__number')
    await number.waitFor()
    await expect(number.textContent()).resolves.toMatch(/京ICP备\d+号-1X/)
    await wholePage(page, 'submit-dy-11-progress-approved')
    expect(errors).toEqual([])
  })
})
