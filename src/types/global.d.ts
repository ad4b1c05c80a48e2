/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    /** The platform being built */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID?: string
    BEIAN_API_BASE?: string
    BEIAN_CLOUD_ENV?: string
  }
}

// The icon library's own setter, imported alone: its index would pull every icon into the bundle
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export function configure(config: { tag?: string; useSvg?: boolean; classPrefix?: string }): void
}
