import type { Input as TaroInput } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-input-core.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

// the same component Taro's library makes, in a module of its own (see index.ts)
export const Input = /*@__PURE__*/ createReactComponent<typeof TaroInput>(
  'taro-input-core',
  undefined,
  manipulatePropsFunction,
  defineCustomElement
)
