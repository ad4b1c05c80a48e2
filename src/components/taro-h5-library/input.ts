import type { Input as TaroInput } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-input-core.js'
import { taroComponent } from './taro-component'

// in a module of its own, so it loads only with the pages that draw it (see index.ts)
export const Input = /*@__PURE__*/ taroComponent<typeof TaroInput>('taro-input-core', defineCustomElement)
