import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TabBar from '../../../src/components/tab-bar'
import HomePage from '../../../src/pages/index'
import { api } from '../../../src/services/api'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { list: jest.fn() } },
  forgetSession: jest.fn()
}))

let switchTab: jest.SpyInstance
beforeEach(() => {
  ;(api.filings.list as jest.Mock).mockResolvedValue({ ok: true, data: [] })
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
})
afterEach(() => switchTab.mockRestore())

const tabs = () => within(screen.getByRole('navigation', { name: '主导航' })).getAllByRole('button')

describe('the browser’s tab bar', () => {
  it('lists the four tabs in the native bar’s order, the current one marked', () => {
    render(<TabBar current='progress' />)
    expect(tabs().map((t) => t.textContent)).toEqual(['首页', '材料', '进度', '我的'])
    expect(tabs().map((t) => t.getAttribute('aria-current'))).toEqual([null, null, 'page', null])
  })

  it.each([
    ['首页', '/pages/index/index'],
    ['材料', '/pages/materials/index'],
    ['我的', '/pages/mine/index']
  ])('switches to %s', (text, url) => {
    render(<TabBar current='progress' />)
    fireEvent.click(screen.getByRole('button', { name: text }))
    expect(switchTab).toHaveBeenCalledWith({ url })
  })

  it('stays on the current tab when it is tapped', () => {
    render(<TabBar current='progress' />)
    fireEvent.click(screen.getByRole('button', { name: '进度' }))
    expect(switchTab).not.toHaveBeenCalled()
  })

  it('is drawn by a tab page’s frame, with that page current', async () => {
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(screen.getByRole('button', { name: '首页' })).toHaveAttribute('aria-current', 'page')
  })
})
