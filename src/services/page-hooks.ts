/**
 * The page lifecycle hooks pages use, re-exported so that only src/services imports @tarojs/taro (the lint rule is an
 * allowlist): the page code stays free of platform APIs and the hooks can be swapped in one place.
 */
export { useDidHide, useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
