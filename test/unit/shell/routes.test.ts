import { ROUTES, TAB_ROUTES, withQuery } from '../../../src/constants/routes'

// app.config.ts calls the build-time global defineAppConfig
;(globalThis as any).defineAppConfig = (c: unknown) => c
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appConfig = require('../../../src/app.config').default

describe('app config built from the routes module', () => {
  it('has the four tabs in the main package', () => {
    expect(appConfig.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '材料', '进度', '我的'])
    expect(appConfig.pages).toEqual(TAB_ROUTES.map((r) => r.slice(1)))
  })

  it('leaves the tab bar to the browser build’s own component on H5, to the native one on WeChat and Douyin', () => {
    expect(appConfig.tabBar.custom).toBe(true) // the unit project runs as H5
    for (const env of ['weapp', 'tt'] as const) {
      jest.isolateModules(() => {
        const was = process.env.TARO_ENV
        process.env.TARO_ENV = env
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          expect(require('../../../src/app.config').default.tabBar.custom).toBeUndefined()
        } finally {
          process.env.TARO_ENV = was
        }
      })
    }
  })

  it('puts every non-tab route into a subpackage', () => {
    const subPages = appConfig.subPackages.flatMap((p: { root: string; pages: string[] }) =>
      p.pages.map((page) => `/${p.root}/${page}`)
    )
    const nonTab = Object.values(ROUTES).filter((r) => !TAB_ROUTES.includes(r))
    expect(subPages.sort()).toEqual(nonTab.sort())
  })

  it('shows Taro’s H5 title bar (it draws it, with 返回 on sub-pages, only for navigationStyle "default")', () => {
    expect(appConfig.window.navigationStyle).toBe('default')
  })

  it.each(Object.values(ROUTES).filter((r) => !TAB_ROUTES.includes(r)))(
    '%s has its own title and does not hide the title bar',
    (route) => {
      ;(globalThis as any).definePageConfig = (c: unknown) => c
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const page = require(`../../../src${route.replace(/index$/, 'index.config')}`).default
      expect(page.navigationBarTitleText).toMatch(/\S/)
      expect(page.navigationStyle ?? 'default').toBe('default')
    }
  )

  it.each([
    [ROUTES.wizard, { platform: 'weapp' }, '/filing/wizard/index?platform=weapp'],
    [ROUTES.wizard, { platform: undefined }, '/filing/wizard/index'],
    [ROUTES.about, { q: '长期 & 短期' }, '/more/about/index?q=%E9%95%BF%E6%9C%9F%20%26%20%E7%9F%AD%E6%9C%9F']
  ])('withQuery(%s, %j)', (url, query, expected) => {
    expect(withQuery(url, query)).toBe(expected)
  })
})
