import { fireEvent, render, screen } from '@testing-library/react'
import HomePage from '../../../src/pages/index'

describe('首页 (H5 renderer in jsdom)', () => {
  it('shows the product title and the new-filing action', () => {
    render(<HomePage />)
    expect(screen.getByText('备案助手')).toBeInTheDocument()
    expect(screen.getAllByText('新建备案').length).toBeGreaterThan(0)
  })

  it('expands and collapses the filing steps', () => {
    render(<HomePage />)
    expect(screen.queryByText(/工信部短信核验/)).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('备案要经过哪几步？'))
    expect(screen.getByText(/工信部短信核验/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('备案要经过哪几步？'))
    expect(screen.queryByText(/工信部短信核验/)).not.toBeInTheDocument()
  })
})
