import type { Picker as TaroPicker } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core.js'
import { taroComponent } from './taro-component'

// in a module of its own, so it loads only with the pages that draw it (see index.ts)
export const Picker = /*@__PURE__*/ taroComponent<typeof TaroPicker>('taro-picker-core', defineCustomElement)
