/**
 * The photo check in the browser: on H5, a certificate photo with glare and a clean one are uploaded through the real file
 * chooser of Taro's chooseMedia, decoded on a canvas in the browser and analysed there; the page shows the glare
 * finding for the first and no error for the second. Starts from the 材料清单 of a filing made through the API.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../src/domain/samples'
import { gotoRoute, launchBrowser, openPhone, screenshot, type PhonePage } from './support/browser'
import { createFilingInPage, getFilingInPage, waitForMaterials } from './support/materials'
import { planSplit, renderPhoto } from '../photo-eval/generator'

const FIXTURES = path.resolve(__dirname, '../fixtures/photos')

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

/** Picks `file` in the file chooser that 选择照片 / 换一张 opens. */
async function uploadThroughPicker(page: Page, file: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10000 }),
    page.locator('.photo-check__choose').click()
  ])
  await chooser.setFiles(path.isAbsolute(file) ? file : path.join(FIXTURES, file))
}

/**
 * One glare photo of the independent evaluation set (test/photo-eval, dev split), rendered by its own generator
 * and written as the JPEG it encoded: dev-062, a card with a glare spot on a blue desk.
 */
function evalGlarePhoto(): string {
  const photo = planSplit('dev').find((p) => p.id === 'dev-062')
  if (!photo || photo.photoClass !== 'doc-glare') throw new Error('dev-062 is no longer a glare photo of the eval set')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photo-eval-')), 'dev-062.jpg')
  fs.writeFileSync(file, renderPhoto(photo).jpeg)
  return file
}

describe('材料清单 and 检查照片 on H5', () => {
  it('lists the materials of a new filing by form section and saves a status', async () => {
    const { page, errors } = phone
    await gotoRoute(page, '/pages/materials/index')
    // the app logs in on its first call; with no filing yet it offers the wizard
    await page.getByText('还没有你的专属清单').waitFor()
    const created = await createFilingInPage(page, {
      profile: SAMPLE_PROFILE,
      title: '云帆会议室预订',
      form: SAMPLE_FORM
    })
    filingId = created.id

    await page.reload({ waitUntil: 'load' })
    await page.locator('.materials__filing-title', { hasText: '云帆会议室预订' }).waitFor()
    for (const section of ['主办者信息', '主体负责人', '小程序负责人', '附件'])
      await page.locator('.materials__section-title', { hasText: section }).waitFor()
    await page.getByText('已准备 0/7').waitFor()
    await screenshot(page, 'materials-list')

    const letter = page.locator('[data-material="authorization_letter"]')
    await letter.locator('[role="radio"]', { hasText: '已准备' }).click()
    await page.getByText('已准备 1/7').waitFor()
    await waitForMaterials(page, filingId, { authorization_letter: 'ready' })
    expect((await getFilingInPage(page, filingId)).version).toBe(created.version + 1)
    expect(errors).toEqual([])
  })

  it('shows the 授权书 wording filled with the filing’s names', async () => {
    const { page, errors } = phone
    await page.locator('[data-material="authorization_letter"] .material-item__template').click()
    const text = page.locator('.materials__template-text')
    await text.waitFor()
    const wording = (await text.textContent()) ?? ''
    expect(wording).toContain('天津市通信管理局')
    expect(wording).toContain('兹授权王若溪')
    expect(wording).toContain('“天津云帆数字科技有限公司”')
    expect(wording).toContain('法定代表人（签字）：李明远')
    // the server sends ID numbers masked: the letter gets a blank line, never a mask
    expect(wording).not.toContain('*')
    expect(wording).toContain('证件号码：________')
    // once the popup has slid in, 复制全文 is the element at its own centre: nothing (the tab bar) lies over it
    await page.waitForFunction(() => {
      const copy = document.querySelector('.materials__copy')
      const box = copy?.getBoundingClientRect()
      if (!copy || !box || box.height === 0 || box.bottom > window.innerHeight) return false
      return copy.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))
    })
    await screenshot(page, 'materials-template')
    await page.locator('.materials__copy').click()
    await page.getByText('已复制').waitFor()
    await page.locator('.materials__template-popup .nut-popup-title-right').click()
    await text.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('finds the glare in the glare fixture', async () => {
    const { page, errors } = phone
    await page.locator('[data-material="owner_certificate"] .material-item__check-photo').click()
    await page.getByText('检查照片：主办单位证件（营业执照）').waitFor()
    await page.getByText('照片只在你的手机上检查，不会上传到任何服务器。').waitFor()

    await uploadThroughPicker(page, 'glare-license.jpg')
    const result = page.locator('.photo-check__result')
    await result.waitFor({ timeout: 20000 })
    await page.locator('[data-code="PHOTO_GLARE"]', { hasText: '证件上有反光' }).waitFor()
    // the glare is the one thing the reviewers would reject: 1280×720 meets WeChat's 720×1280 either way round
    expect(
      await page
        .locator('.photo-check__finding--error')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    ).toEqual(['PHOTO_GLARE'])
    await expect(result.getAttribute('data-result')).resolves.toBe('errors')
    await page.getByText('1280×720 像素', { exact: false }).waitFor()
    await page.locator('.photo-check__thumb img').waitFor()
    await screenshot(page, 'photo-glare')
    expect(errors).toEqual([])
  })

  it('finds the glare in a photo of the independent evaluation set', async () => {
    const { page, errors } = phone
    await uploadThroughPicker(page, evalGlarePhoto())
    // the page still shows the previous photo's result until this one's is drawn: wait for this photo's size first
    await page.locator('.muted', { hasText: '640×480 像素' }).waitFor({ timeout: 20000 })
    await page.locator('.photo-check__result[data-result="errors"]').waitFor({ timeout: 20000 })
    await page.locator('[data-code="PHOTO_GLARE"]', { hasText: '证件上有反光' }).waitFor()
    // the set's photos are 640×480 canvases, so the size check may add its own error beside the glare
    const errorCodes = await page
      .locator('.photo-check__finding--error')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    expect(errorCodes).toContain('PHOTO_GLARE')
    await screenshot(page, 'photo-eval-glare')
    expect(errors).toEqual([])
  })

  it('finds no error in the clean fixture and marks the material ready', async () => {
    const { page, errors } = phone
    await uploadThroughPicker(page, 'clean-license.jpg')
    await page.locator('.photo-check__result[data-result="clean"]').waitFor({ timeout: 20000 })
    expect(await page.locator('.photo-check__finding--error').count()).toBe(0)
    await page.getByText(/没有发现(必须重拍的)?问题/).waitFor()
    await screenshot(page, 'photo-clean')

    await page.locator('.photo-check__mark').click()
    await page.getByText('已标记为“已准备”').waitFor()
    await waitForMaterials(page, filingId, { authorization_letter: 'ready', owner_certificate: 'ready' })
    expect(errors).toEqual([])
  })
})
