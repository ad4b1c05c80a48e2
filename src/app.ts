import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { installPrivacyHandler } from './services/privacy'
import { initPlatform } from './services/platform'
import './app.scss'

dayjs.locale('zh-cn')

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    initPlatform()
  })
  return children
}

export default App
