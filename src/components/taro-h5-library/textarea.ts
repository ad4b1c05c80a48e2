import type { Textarea as TaroTextarea } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core.js'
import { taroComponent } from './taro-component'

// in a module of its own, so it loads only with the pages that draw it (see index.ts)
export const Textarea = /*@__PURE__*/ taroComponent<typeof TaroTextarea>('taro-textarea-core', defineCustomElement)
