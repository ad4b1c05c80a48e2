/** 我连接的小程序 (src/more/agency): the back end's urgency order as is, what each waits for, the stage filter. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import AgencyPage from '../../../src/more/agency'
import { ROUTES, withQuery } from '../../../src/constants/routes'
import { api } from '../../../src/services/api'
import { openPage } from '../../../src/services/navigation'

jest.mock('../../../src/services/api', () => ({ api: { connector: { agency: jest.fn() } }, forgetSession: jest.fn() }))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const agency = api.connector.agency as jest.Mock

const ITEMS = [
  {
    filingId: 'f1',
    stage: 'sms_verification',
    stageLabel: '短信核验',
    waitingFor: '主体负责人回复 12381 短信',
    nextDeadline: '2026-11-25T10:00:00+08:00',
    nextDeadlineKind: 'sms_deadline',
    title: '甲店小程序',
    platform: 'wechat',
    appId: 'wxaaaa',
    connection: 'active',
    platformStatus: 4
  },
  {
    filingId: 'f2',
    stage: 'approved',
    stageLabel: '已备案',
    waitingFor: '无',
    title: '乙店小程序',
    platform: 'douyin',
    appId: 'ttbbbb',
    connection: 'active',
    filingNumber: '粤ICP备2026000001号-1X'
  }
]

beforeEach(() => {
  jest.clearAllMocks()
  agency.mockResolvedValue({ ok: true, data: { items: ITEMS } })
})

describe('我连接的小程序', () => {
  it('lists the items in the order the back end ranked them, with deadline, waiting-for and 备案号', async () => {
    const { container } = render(<AgencyPage />)
    await screen.findByText('甲店小程序')
    const titles = [...container.querySelectorAll('.agency-item__title')].map((n) => n.textContent)
    expect(titles).toEqual(['甲店小程序', '乙店小程序'])
    expect(screen.getByText('主体负责人回复 12381 短信')).toBeTruthy()
    expect(screen.getByText(/短信核验截止/)).toBeTruthy()
    expect(screen.getByText('备案号 粤ICP备2026000001号-1X')).toBeTruthy()
    expect(container.querySelector('.agency-item--urgent')?.textContent).toContain('甲店小程序')
    fireEvent.click(screen.getByText('乙店小程序'))
    expect(openPage).toHaveBeenCalledWith(withQuery(ROUTES.progress, { id: 'f2' }))
  })

  it.each([
    ['短信核验', { stages: ['sms_verification'] }],
    ['被驳回', { stages: ['platform_rejected', 'admin_rejected', 'sms_expired'] }],
    ['全部', {}]
  ])('the %s filter asks the back end for %j', async (label, input) => {
    render(<AgencyPage />)
    await screen.findByText('甲店小程序')
    if (label !== '全部') fireEvent.click(screen.getByText(label, { selector: '.agency__filter' }))
    await waitFor(() => expect(agency).toHaveBeenLastCalledWith(input))
  })

  it('an answer for a filter the user has left, arriving last, does not replace the newer one', async () => {
    render(<AgencyPage />)
    await screen.findByText('乙店小程序')
    let answerApproved: (value: unknown) => void = () => undefined
    agency
      .mockReturnValueOnce(new Promise((resolve) => (answerApproved = resolve)))
      .mockResolvedValueOnce({ ok: true, data: { items: [ITEMS[0]] } })
    fireEvent.click(screen.getByText('已备案', { selector: '.agency__filter' }))
    fireEvent.click(screen.getByText('短信核验', { selector: '.agency__filter' }))
    await screen.findByText('甲店小程序')
    await waitFor(() => expect(screen.queryByText('乙店小程序')).toBeNull())
    await act(async () => answerApproved({ ok: true, data: { items: [ITEMS[1]] } }))
    expect(screen.getByText('甲店小程序')).toBeTruthy()
    expect(screen.queryByText('乙店小程序')).toBeNull()
  })

  it('says so when nothing is connected, and shows an error with 重试', async () => {
    agency.mockResolvedValueOnce({ ok: true, data: { items: [] } })
    render(<AgencyPage />)
    await screen.findByText('还没有连接小程序')
  })
})
