import Taro from '@tarojs/taro'
import { TAB_ROUTES } from '../constants/routes'

/** Opens a page; tab pages need switchTab (and take no query), the rest navigateTo. */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  if (TAB_ROUTES.includes(path)) Taro.switchTab({ url: path })
  else Taro.navigateTo({ url })
}

export function goBack(): void {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: TAB_ROUTES[0] }))
}

/** The route of the page under the current one ('' when there is none or the platform cannot tell). */
export function previousPageRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return (pages[pages.length - 2] as { route?: string } | undefined)?.route ?? ''
  } catch {
    return ''
  }
}

/** Scrolls the page to an element; a nicety, so a platform that cannot scroll is not an error. */
export function scrollPageTo(selector: string, offsetTop = -80): void {
  try {
    Promise.resolve(Taro.pageScrollTo({ selector, duration: 300, offsetTop })).catch(() => undefined)
  } catch {
    // the element is still there, only not scrolled into view
  }
}
