import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { TabKey } from '../../constants/routes'
import PrivacyPopup from '../privacy-popup'
import TabBar from '../tab-bar'
import './index.scss'

interface PageShellProps {
  className?: string
  /** Fixed bar at the bottom (primary action). */
  footer?: ReactNode
  /** On a tab page: which one. The browser draws the tab bar here; WeChat and Douyin draw their native one. */
  tab?: TabKey
}

/** Every page's frame: safe-area padding, the privacy popup (mini-program popups are per page). */
export default function PageShell({ className, footer, tab, children }: PropsWithChildren<PageShellProps>) {
  return (
    <View className={`page-shell ${footer ? 'page-shell--with-footer' : ''} ${className ?? ''}`}>
      {children}
      {footer ? <View className='page-shell__footer'>{footer}</View> : null}
      {/* Only WeChat and Douyin park privacy APIs behind our popup. Tested inline on the build-time constant so webpack
          drops the popup from H5 (Taro's Button web component, NutUI Popup, Overlay: half the home page's chunk) */}
      {process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'tt' ? <PrivacyPopup /> : null}
      {process.env.TARO_ENV === 'h5' && tab ? <TabBar current={tab} /> : null}
    </View>
  )
}
