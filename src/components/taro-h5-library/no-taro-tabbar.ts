/**
 * Stands in for `@tarojs/router`'s tabbar module in the H5 build (config/index.ts). The browser draws our own tab
 * bar (`tabBar.custom`), so Taro's `initTabbar` returns at once — yet its module brought Taro's tab bar web
 * component and tab bar APIs (28 KB) into every cold open. Taro's router then still switches tabs from the list.
 */
export function initTabbar(): void {}
