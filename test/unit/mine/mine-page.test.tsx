/** 我的: the links to 我连接的小程序, 我的数据, 隐私保护指引 and 关于. */
import { fireEvent, render, screen } from '@testing-library/react'
import MinePage from '../../../src/pages/mine'
import { ROUTES } from '../../../src/constants/routes'
import { openPage } from '../../../src/services/navigation'

jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

describe('我的', () => {
  it.each([
    ['我连接的小程序', ROUTES.agency],
    ['我的数据', ROUTES.myData],
    ['隐私保护指引', ROUTES.privacy],
    ['关于备案助手', ROUTES.about]
  ])('%s opens %s', (title, route) => {
    render(<MinePage />)
    fireEvent.click(screen.getByText(title))
    expect(openPage).toHaveBeenLastCalledWith(route)
  })
})
