import type { Picker as TaroPicker } from '@tarojs/components'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

// the same component Taro's library makes, in a module of its own (see index.ts)
export const Picker = /*@__PURE__*/ createReactComponent<typeof TaroPicker>(
  'taro-picker-core',
  undefined,
  manipulatePropsFunction,
  defineCustomElement
)
