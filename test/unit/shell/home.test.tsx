import { fireEvent, render, screen } from '@testing-library/react'
import HomePage from '../../../src/pages/index'
import { api } from '../../../src/services/api'

// The page's Taro hooks and its list call: the cards themselves are covered in test/unit/home
jest.mock('../../../src/services/api', () => ({
  api: { filings: { list: jest.fn() } },
  forgetSession: jest.fn()
}))

beforeEach(() => {
  ;(api.filings.list as jest.Mock).mockResolvedValue({ ok: true, data: [] })
})

describe('首页 (H5 renderer in jsdom)', () => {
  it('shows the product title and the new-filing action', async () => {
    render(<HomePage />)
    expect(screen.getByText('备案助手')).toBeInTheDocument()
    expect(screen.getAllByText('新建备案').length).toBeGreaterThan(0)
    expect(await screen.findByText('还没有备案')).toBeInTheDocument()
  })

  it('expands and collapses the filing steps', async () => {
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(screen.queryByText(/工信部短信核验/)).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('备案要经过哪几步？'))
    expect(screen.getByText(/工信部短信核验/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('备案要经过哪几步？'))
    expect(screen.queryByText(/工信部短信核验/)).not.toBeInTheDocument()
  })
})
