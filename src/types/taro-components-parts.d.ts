// Taro's React component library by its parts, as the H5 build's own entry (components/taro-h5-library) imports
// them. tsconfig maps those deep paths here: their own declarations pull Stencil's test globals into the program,
// which retype jest-dom's matchers
export * from '@tarojs/components'
export const manipulatePropsFunction: unknown
export function createReactComponent<T>(tag: string, a: undefined, manipulate: unknown, define: () => void): T
export const defineCustomElement: () => void
