/**
 * The wizard stops at a dead end on the step where the deciding answer is given: the reason, a button per
 * alternative (applying it moves to the right step), 下一步 disabled with its reason beside it. Also the questions
 * that decide the filing: 已有主体备案号 and, for 注销, which kind, the number and the AppID (no industries).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import WizardPage from '../../../src/filing/wizard'
import { loadWizardDraft } from '../../../src/services/drafts'
import { setRoute } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { create: jest.fn() } },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({
  openPage: jest.fn(),
  goBack: jest.fn(),
  scrollPageTo: jest.fn()
}))

beforeEach(() => localStorage.clear())

function renderWizard() {
  setRoute({}, '/filing/wizard/index')
  return render(<WizardPage />)
}

const click = (text: string) => fireEvent.click(screen.getByText(text))
const nextButton = (container: HTMLElement) => container.querySelector('.wizard__next') as HTMLElement
const isDisabled = (container: HTMLElement) => nextButton(container).className.includes('disabled')
const reason = (container: HTMLElement) => container.querySelector('.wizard__reason')?.textContent ?? ''

/** A province button in one of the region step's grids (0: filing province, 1: ID issuing province). */
function pickProvince(container: HTMLElement, grid: number, label: string) {
  const group = container.querySelectorAll('.wizard__provinces')[grid]
  const option = [...group.querySelectorAll('[aria-role="radio"]')].find((el) => el.textContent === label)
  if (!option) throw new Error(`no province ${label}`)
  fireEvent.click(option)
}

function type(container: HTMLElement, className: string, value: string) {
  const field = container.querySelector(`.${className} taro-input-core, .${className} taro-textarea-core`)
  if (!field) throw new Error(`no field ${className}`)
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

/** 微信 + 个人, on to the region step, 内蒙古 with an ID issued in 河南. */
function outOfProvinceIndividual(container: HTMLElement) {
  click('个人')
  fireEvent.click(nextButton(container))
  pickProvince(container, 0, '内蒙古')
  pickProvince(container, 1, '河南')
}

describe('a dead end', () => {
  it('stops on the region step with the reason, 下一步 disabled and its reason beside it', () => {
    const { container } = renderWizard()
    outOfProvinceIndividual(container)
    const card = container.querySelector('.wizard__dead-end')
    expect(card?.textContent).toContain('不接受外省户籍个人备案')
    expect(isDisabled(container)).toBe(true)
    expect(reason(container)).toContain('不接受外省户籍个人备案')
    // the reason sits in the footer with the button, not below the province grids
    expect(container.querySelector('.page-shell__footer .wizard__reason')).not.toBeNull()
    // no checklist is offered for a filing that cannot succeed
    expect(container.querySelector('.wizard__preview')).toBeNull()
    fireEvent.click(nextButton(container))
    expect(container.querySelector('.wizard__dead-end')).not.toBeNull()
  })

  it('filing in the province of household registration: the province changes and the wizard goes on', () => {
    const { container } = renderWizard()
    outOfProvinceIndividual(container)
    fireEvent.click(screen.getByText(/在户籍所在省份/))
    expect(container.querySelector('.wizard__dead-end')).toBeNull()
    expect(loadWizardDraft()?.province).toBe('41')
    expect(isDisabled(container)).toBe(false)
    expect(reason(container)).toBe('')
    expect(container.querySelectorAll('.wizard__preview-item').length).toBeGreaterThan(0)
  })

  it('filing as an enterprise: back to the first step with 企业 chosen, the dead end gone', () => {
    const { container } = renderWizard()
    outOfProvinceIndividual(container)
    fireEvent.click(screen.getByText('以企业/个体工商户身份备案'))
    expect(loadWizardDraft()?.ownerType).toBe('enterprise')
    expect(screen.getByText('在哪个平台备案？')).toBeInTheDocument()
    expect(container.querySelector('.wizard__dead-end')).toBeNull()
  })
})

describe('the questions that decide the filing', () => {
  it('a missing province says so beside 下一步', () => {
    const { container } = renderWizard()
    fireEvent.click(nextButton(container))
    expect(isDisabled(container)).toBe(true)
    expect(reason(container)).toBe('请选择备案所在省份')
  })

  it('已有主体备案号: asks for the number and says the filing is 新增 with identity matching exactly', () => {
    const { container } = renderWizard()
    expect(screen.getByText(/不要同时在几个平台提交备案/)).toBeInTheDocument()
    click('有')
    expect(screen.getByText(/完全一致/)).toBeInTheDocument()
    type(container, 'wizard__existing-number', '京ICP备12345678号')
    expect(loadWizardDraft()?.existingOwnerFilingNumber).toBe('京ICP备12345678号')
  })

  it('注销 asks which kind, the number and the AppID, and no industries', () => {
    const { container } = renderWizard()
    click('注销备案')
    expect(reason(container)).toBe('请选择注销哪一种')
    click('注销小程序')
    fireEvent.click(nextButton(container))
    pickProvince(container, 0, '北京')
    expect(container.querySelector('.wizard__owner-legal')).toBeNull()
    fireEvent.click(nextButton(container))
    expect(container.querySelector('.wizard__industry')).toBeNull()
    expect(container.querySelector('.wizard__scope')).toBeNull()
    expect(reason(container)).toContain('请填写要注销的备案号')
    expect(reason(container)).toContain('AppID')
    type(container, 'wizard__owner-name', '北京小满科技有限公司')
    type(container, 'wizard__app-name', '小满预约')
    type(container, 'wizard__cancel-number', '京ICP备12345678号-2X')
    type(container, 'wizard__app-id', 'wx1234567890abcdef')
    expect(isDisabled(container)).toBe(false)
    expect(loadWizardDraft()).toMatchObject({ cancelKind: 'mini_program', appId: 'wx1234567890abcdef' })
  })
})

describe('small things', () => {
  it('the switches are switches to assistive technology (role + aria-checked)', async () => {
    const { container } = renderWizard()
    fireEvent.click(nextButton(container))
    const toggle = container.querySelector('.wizard__owner-legal')!
    expect(toggle.getAttribute('role')).toBe('switch')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    expect(toggle.getAttribute('aria-role')).toBeNull()
    await act(async () => {
      fireEvent.click(toggle)
    })
    expect(container.querySelector('.wizard__owner-legal')!.getAttribute('aria-checked')).toBe('false')
  })

  it('the keyword warning shows once, on the names step only', () => {
    const { container } = renderWizard()
    fireEvent.click(nextButton(container))
    pickProvince(container, 0, '北京')
    fireEvent.click(nextButton(container))
    fireEvent.click(nextButton(container))
    type(container, 'wizard__app-name', '在线教育课堂')
    expect(container.querySelectorAll('.wizard__hits')).toHaveLength(1)
    click('上一步')
    expect(container.querySelector('.wizard__hits')).toBeNull()
  })

  it('需要准备 N 项 counts every item 材料 counts', () => {
    const { container } = renderWizard()
    fireEvent.click(nextButton(container))
    pickProvince(container, 0, '北京')
    const items = container.querySelectorAll('.wizard__preview-item').length
    expect(screen.getByText(/你需要准备/).textContent).toContain(`${items} 项`)
  })
})
