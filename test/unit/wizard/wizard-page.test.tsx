/**
 * The wizard (src/filing/wizard) in jsdom: the checklist follows the answers live, pre-approval keyword hits are
 * explained, every change is kept on the device and comes back after a remount, and finishing creates the filing
 * (or says why not, losing nothing).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import WizardPage from '../../../src/filing/wizard'
import { ROUTES } from '../../../src/constants/routes'
import { api } from '../../../src/services/api'
import { loadWizardDraft } from '../../../src/services/drafts'
import { currentFilingId } from '../../../src/services/filings'
import { openPage } from '../../../src/services/navigation'
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

const create = api.filings.create as jest.Mock
const navigate = openPage as jest.Mock

beforeEach(() => {
  localStorage.clear()
  create.mockReset()
  navigate.mockReset()
})

function renderWizard(params: Record<string, string> = {}) {
  setRoute(params, '/filing/wizard/index')
  return render(<WizardPage />)
}

const click = (text: string) => fireEvent.click(screen.getByText(text))
const next = () => click('下一步')

function checked(container: HTMLElement, label: string): boolean {
  const option = [...container.querySelectorAll('[aria-role="radio"]')].find((el) => el.textContent === label)
  if (!option) throw new Error(`no option ${label}`)
  return option.getAttribute('aria-checked') === 'true'
}

function checklist(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.wizard__preview-item')].map((el) => el.textContent!.slice(2))
}

/** Taro's H5 inputs are web components (taro-input-core): they report typing as an `input` event with `detail`. */
function type(container: HTMLElement, className: string, value: string) {
  const field = container.querySelector(`.${className} taro-input-core, .${className} taro-textarea-core`)
  if (!field) throw new Error(`no field ${className}`)
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

function fieldValue(container: HTMLElement, className: string): string | null {
  return container
    .querySelector(`.${className} taro-input-core, .${className} taro-textarea-core`)!
    .getAttribute('value')
}

/** NutUI's Switch reports the change after its animation step: let it settle inside act. */
async function toggle(container: HTMLElement, className: string) {
  await act(async () => {
    fireEvent.click(container.querySelector(`.${className}`)!)
  })
}

function requiredCount(): number {
  return Number(/你需要准备 (\d+) 项材料/.exec(screen.getByText(/你需要准备/).textContent!)![1])
}

/** Through 平台 → 北京 → no industry, to 名称与描述. */
function toNames(container: HTMLElement) {
  next()
  click('北京')
  next()
  next()
  expect(container.querySelector('.wizard__app-name')).not.toBeNull()
}

describe('checklist', () => {
  it('appears once the province is known and follows the legal-representative answers live', async () => {
    const { container } = renderWizard()
    next()
    expect(container.querySelector('.wizard__preview')).toBeNull()
    click('北京')
    const before = checklist(container)
    const requiredBefore = requiredCount()
    expect(before).toContain('主体负责人身份证')
    expect(before).not.toContain('授权书')

    // 主体负责人 is not the legal representative: WeChat asks for an authorisation letter
    await toggle(container, 'wizard__owner-legal')
    expect(checklist(container)).toContain('授权书')
    expect(requiredCount()).toBe(requiredBefore + 1)

    await toggle(container, 'wizard__owner-legal')
    expect(checklist(container)).not.toContain('授权书')
    expect(requiredCount()).toBe(requiredBefore)

    await toggle(container, 'wizard__app-legal')
    expect(checklist(container)).toContain('授权书')
  })

  it('an individual owner is asked for the ID card issuing province', () => {
    const { container } = renderWizard()
    click('个人')
    next()
    expect(screen.getByText('身份证签发地（户籍省份）')).toBeInTheDocument()
    expect(container.querySelector('.wizard__owner-legal')).toBeNull()
    expect(screen.getByText(/请选择身份证签发地/)).toBeInTheDocument()
  })
})

describe('pre-approval keywords', () => {
  it('explains a keyword hit in the name and adds the 不涉及 commitment; declaring the industry asks for approval', () => {
    const { container } = renderWizard()
    toNames(container)
    type(container, 'wizard__app-name', '在线教育课堂')
    const hits = container.querySelector('.wizard__hits')
    expect(hits).not.toBeNull()
    expect(hits!.textContent).toContain('教育')
    expect(hits!.textContent).toContain('不涉及前置审批承诺书')
    expect(checklist(container)).toContain('不涉及前置审批承诺书')

    // the user does run an education service: declare it on 经营行业
    click('上一步')
    fireEvent.click(screen.getByText('教育'))
    expect(container.querySelector('.wizard__hits')).toBeNull()
    expect(checklist(container)).toContain('前置审批文件（教育）')
    expect(checklist(container)).not.toContain('不涉及前置审批承诺书')
  })
})

describe('draft', () => {
  it('is saved on every change and restored when the wizard opens again', () => {
    const first = renderWizard()
    click('抖音')
    expect(loadWizardDraft()?.platform).toBe('tt')
    click('个体工商户')
    expect(loadWizardDraft()?.ownerType).toBe('individual_business')
    next()
    click('上海')
    expect(loadWizardDraft()?.province).toBe('31')
    first.unmount()

    // reopened on the step the user left
    const { container } = renderWizard()
    expect(checked(container, '上海')).toBe(true)
    expect(checklist(container).length).toBeGreaterThan(0)
    click('上一步')
    expect(checked(container, '抖音')).toBe(true)
    expect(checked(container, '个体工商户')).toBe(true)
  })

  it('a preset platform (?platform=) wins over a draft for another platform', () => {
    const first = renderWizard()
    click('抖音')
    first.unmount()
    const { container } = renderWizard({ platform: 'alipay' })
    expect(checked(container, '支付宝')).toBe(true)
    expect(checked(container, '抖音')).toBe(false)
  })
})

describe('finish', () => {
  function fillIn(container: HTMLElement) {
    toNames(container)
    type(container, 'wizard__owner-name', '杭州小满科技有限公司')
    type(container, 'wizard__scope', '软件开发；技术服务')
    type(container, 'wizard__app-name', '门店预约')
  }

  it('creates the filing with the answers, forgets the draft and opens 材料', async () => {
    const id = 'f'.repeat(24)
    create.mockResolvedValue({ ok: true, data: { id, title: '门店预约' } })
    const { container } = renderWizard()
    fillIn(container)
    click('生成材料清单')
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(ROUTES.materials))
    expect(create).toHaveBeenCalledTimes(1)
    const input = create.mock.calls[0][0]
    expect(input.title).toBe('门店预约')
    expect(input.profile).toMatchObject({
      platform: 'weapp',
      province: '11',
      ownerType: 'enterprise',
      texts: { ownerName: '杭州小满科技有限公司', businessScope: '软件开发；技术服务', appName: '门店预约' }
    })
    expect(currentFilingId()).toBe(id)
    expect(loadWizardDraft()).toBeUndefined()
  })

  it('shows the API error and keeps every answer for another try', async () => {
    create.mockResolvedValueOnce({
      ok: false,
      code: 'UNAVAILABLE',
      message: '服务暂时不可用，请稍后再试',
      fieldErrors: {}
    })
    const { container } = renderWizard()
    fillIn(container)
    click('生成材料清单')
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeInTheDocument()
    expect(navigate).not.toHaveBeenCalled()
    expect(loadWizardDraft()?.texts.appName).toBe('门店预约')
    expect(fieldValue(container, 'wizard__app-name')).toBe('门店预约')

    create.mockResolvedValueOnce({ ok: true, data: { id: 'e'.repeat(24), title: '门店预约' } })
    await act(async () => click('生成材料清单'))
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(ROUTES.materials))
    // the retry carries the first attempt's clientRef: if the first answer was only lost, no duplicate is made
    const refs = create.mock.calls.map(([input]) => (input as { clientRef: string }).clientRef)
    expect(refs).toHaveLength(2)
    expect(refs[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(refs[1]).toBe(refs[0])
  })

  it('a second tap while saving does not create a second filing', async () => {
    let answer: (value: unknown) => void = () => undefined
    create.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { container } = renderWizard()
    fillIn(container)
    click('生成材料清单')
    click('生成材料清单')
    await act(async () => answer({ ok: true, data: { id: 'd'.repeat(24), title: '门店预约' } }))
    expect(create).toHaveBeenCalledTimes(1)
    expect(navigate).toHaveBeenCalledTimes(1)
  })

  it('cannot finish without the names', () => {
    const { container } = renderWizard()
    toNames(container)
    expect(screen.getByText(/请填写主办单位名称/)).toBeInTheDocument()
    click('生成材料清单')
    expect(create).not.toHaveBeenCalled()
  })
})
