/**
 * H5 opened on another page (a link to 进度): the app asks for the home list at launch, the user records a stage,
 * then taps 首页. The page is shown before that launch list has arrived; it must not stay on the launch list (the
 * old stage) until a reload: once the launch list is drawn it asks again, keeping those cards on screen meanwhile.
 */
import { act, render, screen } from '@testing-library/react'
import HomePage from '../../../src/pages/index'
import { api } from '../../../src/services/api'
import { prefetchFilingList, resetHandledEntries, takePrefetchedFilingList } from '../../../src/services/launch'
import type { Envelope, FilingSummary } from '../../../src/services/api-types'
import { noteChangeSent } from '../../../src/services/change-count'
import { summary } from './fixtures'
import { setRoute, showPage } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => jest.requireActual('./home-api-mock'))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const list = api.filings.list as jest.Mock
type ListAnswer = Envelope<FilingSummary[]>

/** A list answer the test hands over when it wants to. */
function deferred() {
  let resolve: (answer: ListAnswer) => void = () => undefined
  const promise = new Promise<ListAnswer>((r) => (resolve = r))
  return { promise, resolve }
}

const ok = (data: FilingSummary[]): ListAnswer => ({ ok: true, data })
const skeleton = () => document.querySelector('.nut-skeleton, .load-state--loading')

beforeEach(() => {
  list.mockReset()
  resetHandledEntries()
  takePrefetchedFilingList() // nothing left over from another test
  localStorage.clear()
  setRoute({})
})

describe('home list shown while its launch list is still travelling', () => {
  it('asks again once the launch list is drawn, and shows the stage recorded meanwhile', async () => {
    const atLaunch = deferred()
    const afterShow = deferred()
    list.mockReturnValueOnce(atLaunch.promise).mockReturnValueOnce(afterShow.promise)
    prefetchFilingList() // app start, on another page
    noteChangeSent() // 我已提交 recorded on 进度
    render(<HomePage />)
    await act(async () => showPage()) // then the user taps 首页
    expect(list).toHaveBeenCalledTimes(1)

    await act(async () => atLaunch.resolve(ok([summary({ stage: 'draft' })])))
    // the launch list is on screen while the page asks again: no skeleton, no blank
    expect(screen.getByText('完成自检并提交')).toBeInTheDocument()
    expect(skeleton()).toBeNull()
    expect(list).toHaveBeenCalledTimes(2)

    await act(async () => afterShow.resolve(ok([summary({ stage: 'platform_review' })])))
    expect(screen.getByText('等待平台初审')).toBeInTheDocument()
    expect(screen.queryByText('完成自检并提交')).toBeNull()
  })

  it('a list the page asked for itself (no launch list) is not asked for twice', async () => {
    const own = deferred()
    list.mockReturnValueOnce(own.promise)
    render(<HomePage />)
    await act(async () => showPage())
    await act(async () => own.resolve(ok([summary({ stage: 'admin_review' })])))
    expect(screen.getByText('等待管局审核')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(1)
  })

  it('a cold start on the home page without a show before the list: one request', async () => {
    list.mockResolvedValue(ok([summary({ title: '会员积分' })]))
    prefetchFilingList()
    render(<HomePage />)
    expect(await screen.findByText('会员积分')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(1)
  })

  it('a cold start whose launch list arrived before the page mounted, then shown, nothing changed: one request', async () => {
    const agency = api.connector.agency as jest.Mock
    agency.mockClear()
    list.mockResolvedValue(ok([summary({ stage: 'draft' })]))
    prefetchFilingList()
    await act(async () => undefined) // the launch list arrives while the page's code is still loading
    render(<HomePage />)
    expect(screen.getByText('完成自检并提交')).toBeInTheDocument() // drawn in the first render
    await act(async () => showPage())
    expect(list).toHaveBeenCalledTimes(1)
    expect(agency).toHaveBeenCalledTimes(1)
  })

  it('a launch list that arrived before the page mounted, with a change sent since: asked again on show', async () => {
    list.mockResolvedValueOnce(ok([summary({ stage: 'draft' })]))
    list.mockResolvedValueOnce(ok([summary({ stage: 'platform_review' })]))
    prefetchFilingList()
    await act(async () => undefined)
    noteChangeSent() // 我已提交 recorded on 进度
    render(<HomePage />)
    await act(async () => showPage())
    expect(list).toHaveBeenCalledTimes(2)
    expect(screen.getByText('等待平台初审')).toBeInTheDocument()
  })

  it('a cold start on the home page shown before its list arrives, nothing changed: one request', async () => {
    const atLaunch = deferred()
    list.mockReturnValueOnce(atLaunch.promise)
    prefetchFilingList()
    render(<HomePage />)
    await act(async () => showPage())
    await act(async () => atLaunch.resolve(ok([summary({ stage: 'draft' })])))
    expect(screen.getByText('完成自检并提交')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(1)
  })
})
