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
