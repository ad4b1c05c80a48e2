import type { Textarea as TaroTextarea } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

// the same component Taro's library makes, in a module of its own (see index.ts)
export const Textarea = /*@__PURE__*/ createReactComponent<typeof TaroTextarea>(
  'taro-textarea-core',
  undefined,
  manipulatePropsFunction,
  defineCustomElement
)
