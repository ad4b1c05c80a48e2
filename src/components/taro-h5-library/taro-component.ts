import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

/** The React component Taro's library makes for a web component, made wherever it is called (see index.ts). */
export function taroComponent<T>(tag: string, defineCustomElement: () => void): T {
  return createReactComponent<T>(tag, undefined, manipulatePropsFunction, defineCustomElement)
}
