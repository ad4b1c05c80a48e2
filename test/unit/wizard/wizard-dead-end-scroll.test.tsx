/**
 * The dead-end card sits under the province grids, below the fold of a 390×844 phone: when a dead end appears the
 * wizard scrolls the card (reason + alternatives) into view, once per dead end, and not while the answers lead on.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import WizardPage from '../../../src/filing/wizard'
import { scrollPageTo } from '../../../src/services/navigation'
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

const scrolled = scrollPageTo as jest.MockedFunction<typeof scrollPageTo>

beforeEach(() => {
  localStorage.clear()
  scrolled.mockClear()
})

function pickProvince(container: HTMLElement, grid: number, label: string) {
  const group = container.querySelectorAll('.wizard__provinces')[grid]
  const option = [...group.querySelectorAll('[aria-role="radio"]')].find((el) => el.textContent === label)
  if (!option) throw new Error(`no province ${label}`)
  fireEvent.click(option)
}

/** 微信 + 个人, on to the region step. */
function toRegionStepAsIndividual(container: HTMLElement) {
  fireEvent.click(screen.getByText('个人'))
  fireEvent.click(container.querySelector('.wizard__next') as HTMLElement)
}

describe('the dead end comes into view', () => {
  it('scrolls to the card when the dead end appears, and only then', () => {
    setRoute({}, '/filing/wizard/index')
    const { container } = render(<WizardPage />)
    toRegionStepAsIndividual(container)
    // an ID from the same province: no dead end, nothing moves the page
    pickProvince(container, 0, '内蒙古')
    pickProvince(container, 1, '内蒙古')
    expect(container.querySelector('.wizard__dead-end')).toBeNull()
    expect(scrolled).not.toHaveBeenCalled()

    pickProvince(container, 1, '河南')
    expect(container.querySelector('.wizard__dead-end')).not.toBeNull()
    expect(scrolled).toHaveBeenCalledTimes(1)
    expect(scrolled.mock.calls[0][0]).toBe('.wizard__dead-end')

    // the same dead end on a re-render (a tap on the disabled 下一步): the page stays where the user put it
    fireEvent.click(container.querySelector('.wizard__next') as HTMLElement)
    expect(scrolled).toHaveBeenCalledTimes(1)
    // a different dead end (the ID now from 河北): its reason is new, so it is brought into view again
    pickProvince(container, 1, '河北')
    expect(container.querySelector('.wizard__dead-end')?.textContent).toContain('河北')
    expect(scrolled).toHaveBeenCalledTimes(2)
  })

  it('an alternative that leads on removes the card and does not scroll again', () => {
    setRoute({}, '/filing/wizard/index')
    const { container } = render(<WizardPage />)
    toRegionStepAsIndividual(container)
    pickProvince(container, 0, '内蒙古')
    pickProvince(container, 1, '河南')
    expect(scrolled).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByText(/在户籍所在省份/))
    expect(container.querySelector('.wizard__dead-end')).toBeNull()
    expect(scrolled).toHaveBeenCalledTimes(1)
  })
})
