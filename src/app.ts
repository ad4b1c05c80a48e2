import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { configure as configureIcons } from '@nutui/icons-react-taro/dist/es/icons/configure.js'
// Dates go through dayjs (domain/time) on almost every page: loaded with the app, H5 page chunks share it instead of
// each carrying a copy
import './domain/time'
import { installPrivacyHandler } from './services/privacy'
import { prefetchFilingList } from './services/launch'
import { initPlatform, runtimePlatform } from './services/platform'
import './app.scss'

// NutUI draws icons (checkbox ticks, radio dots, cell arrows, spinners) as <i>, which mini-program templates do not
// have without @tarojs/plugin-html; a view carries the same class and mask style
if (runtimePlatform() !== 'h5') configureIcons({ tag: 'view' })

// The user is usually waiting for the home page's first card: ask for the list before any page is evaluated
// (WeChat: only once the cloud is initialised at launch, below)
if (runtimePlatform() !== 'weapp') prefetchFilingList()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    initPlatform()
    if (runtimePlatform() === 'weapp') prefetchFilingList()
  })
  return children
}

export default App
