/**
 * The main journey (wizard → checklist → self-check clean) driven like a user who only touches what is not already
 * right: every tap and every field typed into is counted, so the same script measures the journey on any build.
 */
import type { Locator, Page } from 'playwright-core'
import { SAMPLE_FORM } from '../../../src/domain/samples'

export class TapCounter {
  taps = 0
  typed = 0
  async tap(target: Locator): Promise<void> {
    this.taps++
    await target.click()
  }
  /** Focusing a field is a tap; typing into it is one field typed. */
  async type(input: Locator, value: string): Promise<void> {
    this.taps++
    this.typed++
    await input.click()
    await input.fill(value)
    await input.press('Tab')
  }
}

export const selfCheckField = (page: Page, path: string): Locator =>
  page.locator(`.self-check-field--${path.replace(/[^A-Za-z0-9]+/g, '-')}`)
const fieldInput = (page: Page, path: string) => selfCheckField(page, path).locator('input, textarea').first()

/** Types the value unless the field already holds it (a prefilled field costs nothing). */
export async function typeIfDifferent(counter: TapCounter, page: Page, path: string, value: string): Promise<void> {
  const input = fieldInput(page, path)
  if ((await input.count()) && (await input.inputValue()) === value) return
  if (!(await input.count())) {
    // a sensitive field before consent: the lock opens the consent page, 同意 comes back
    await counter.tap(selfCheckField(page, path).locator('.self-check-field__locked--consent'))
    await page.locator('.consent__agree').waitFor()
    await counter.tap(page.locator('.consent__agree'))
    await input.waitFor()
  }
  await counter.type(input, value)
}

/** Picks an option of a choice field unless it is the one already chosen. */
export async function chooseIfDifferent(counter: TapCounter, page: Page, path: string, label: string): Promise<void> {
  const option = selfCheckField(page, path).getByText(label, { exact: true }).first()
  const chosen = await selfCheckField(page, path)
    .locator('.nut-radio-button-active, .nut-checkbox-button-active', { hasText: label })
    .count()
  if (!chosen) await counter.tap(option)
}

/** The province of the owner's region, through its picker unless it already says it. */
export async function provinceIfDifferent(counter: TapCounter, page: Page, name: string, short: string) {
  const province = selfCheckField(page, 'owner.region.province')
  if (((await province.locator('.self-check-field__province-current').textContent()) ?? '').includes(name)) return
  await counter.tap(province.locator('.self-check-field__link'))
  await counter.tap(province.getByText(short, { exact: true }))
}

/** The enterprise sample (a Tianjin company) typed into self-check wherever a field is not already right. */
export async function fillEnterpriseSelfCheck(counter: TapCounter, page: Page): Promise<void> {
  const f = SAMPLE_FORM
  await typeIfDifferent(counter, page, 'owner.name', f.owner.name!)
  await chooseIfDifferent(counter, page, 'owner.certificateType', '营业执照')
  await typeIfDifferent(counter, page, 'owner.certificateNumber', f.owner.certificateNumber!)
  const permanent = selfCheckField(page, 'owner.certificateValidUntil').locator('.self-check-field__permanent')
  if (!(await permanent.locator('.nut-checkbox-button-active, .nut-checkbox-icon-checked').count()))
    await counter.tap(permanent)
  await provinceIfDifferent(counter, page, '天津', '天津')
  await typeIfDifferent(counter, page, 'owner.region.city', f.owner.region!.city!)
  await typeIfDifferent(counter, page, 'owner.region.district', f.owner.region!.district!)
  await typeIfDifferent(counter, page, 'owner.address', f.owner.address!)
  await typeIfDifferent(counter, page, 'owner.certificateAddress', f.owner.certificateAddress!)
  await typeIfDifferent(counter, page, 'owner.businessScope', f.owner.businessScope!)
  for (const section of ['ownerPrincipal', 'appPrincipal'] as const) {
    const person = f[section]
    await typeIfDifferent(counter, page, `${section}.name`, person.name!)
    await chooseIfDifferent(counter, page, `${section}.idType`, '居民身份证')
    await typeIfDifferent(counter, page, `${section}.idNumber`, person.idNumber!)
    await typeIfDifferent(counter, page, `${section}.idValidUntil`, person.idValidUntil!)
    await typeIfDifferent(counter, page, `${section}.mobile`, person.mobile!)
    await typeIfDifferent(counter, page, `${section}.email`, person.email!)
  }
  await typeIfDifferent(counter, page, 'miniProgram.name', f.miniProgram.name!)
  await typeIfDifferent(counter, page, 'miniProgram.description', f.miniProgram.description!)
  for (const type of f.miniProgram.serviceTypes!)
    await chooseIfDifferent(counter, page, 'miniProgram.serviceTypes', type)
  await chooseIfDifferent(counter, page, 'miniProgram.preApproval', '以上都不涉及')
  await typeIfDifferent(counter, page, 'emergencyContact.name', f.emergencyContact.name!)
  await typeIfDifferent(counter, page, 'emergencyContact.mobile', f.emergencyContact.mobile!)
}
