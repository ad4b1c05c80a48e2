/**
 * `@tarojs/components` in the H5 build (config/index.ts points the alias here). Taro's React library is one module
 * that creates every component it exports, so each web component any page uses rode in the chunk of the first page
 * that imports the library: the home page carried the picker, input and textarea (27 KB) it never draws. Those are
 * made here, each in a module of its own, so webpack places them with the pages that use them; the rest is Taro's.
 */
export * from '@tarojs/components/lib/react/index.js'
export { Input } from './input'
export { Picker } from './picker'
export { Textarea } from './textarea'
