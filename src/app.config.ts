import { FILING_PACKAGE, MORE_PACKAGE, TAB_PAGES } from './constants/routes'
import { TAB_BAR } from './constants/tab-bar'

export default defineAppConfig({
  pages: Object.values(TAB_PAGES),
  subPackages: [FILING_PACKAGE, MORE_PACKAGE].map((pkg) => ({
    root: pkg.root,
    pages: Object.values(pkg.pages)
  })),
  // The wizard is where almost every user goes next: fetch it while they read the home page
  preloadRule: {
    [TAB_PAGES.home]: { network: 'all', packages: [FILING_PACKAGE.root] }
  },
  window: {
    // Taro's H5 router draws its title bar (with 返回 on sub-pages, 首页 on a page opened directly) only when this says
    // 'default' explicitly; the mini-programs draw theirs anyway
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '备案助手',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8'
  },
  tabBar: {
    // The browser draws its own bar (components/tab-bar, from the same list): Taro's H5 one is a web component
    // whose first render took about a sixth of a cold open's time to the first filing card
    ...(process.env.TARO_ENV === 'h5' ? { custom: true } : {}),
    color: TAB_BAR.color,
    selectedColor: TAB_BAR.selectedColor,
    backgroundColor: TAB_BAR.backgroundColor,
    borderStyle: 'black',
    list: TAB_BAR.items.map((t) => ({
      pagePath: TAB_PAGES[t.key],
      text: t.text,
      iconPath: `assets/tab/${t.key}.png`,
      selectedIconPath: `assets/tab/${t.key}-active.png`
    }))
  },
  // WeChat and Douyin: privacy APIs wait for our consent popup (onNeedPrivacyAuthorization)
  __usePrivacyCheck__: true,
  usePrivacyCheck: true,
  // We call no location API; photos are picked with chooseMedia, which needs no declaration here
  requiredPrivateInfos: [],
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents'
} as any)
