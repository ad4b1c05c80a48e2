import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import PrivacyPopup from '../privacy-popup'
import './index.scss'

interface PageShellProps {
  className?: string
  /** Fixed bar at the bottom (primary action). */
  footer?: ReactNode
}

/** Every page's frame: safe-area padding, the privacy popup (mini-program popups are per page). */
export default function PageShell({ className, footer, children }: PropsWithChildren<PageShellProps>) {
  return (
    <View className={`page-shell ${footer ? 'page-shell--with-footer' : ''} ${className ?? ''}`}>
      {children}
      {footer ? <View className='page-shell__footer'>{footer}</View> : null}
      {/* Only WeChat and Douyin park privacy APIs behind our popup. Tested inline on the build-time constant so webpack
          drops the popup from H5 (Taro's Button web component, NutUI Popup, Overlay: half the home page's chunk) */}
      {process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'tt' ? <PrivacyPopup /> : null}
    </View>
  )
}
