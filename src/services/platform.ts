import Taro from '@tarojs/taro'

export type RuntimePlatform = 'weapp' | 'tt' | 'h5'

export function runtimePlatform(): RuntimePlatform {
  const env = process.env.TARO_ENV
  return env === 'weapp' || env === 'tt' ? env : 'h5'
}

/** One-time platform set-up at launch: WeChat cloud development needs `cloud.init` before any call. */
export function initPlatform(): void {
  if (runtimePlatform() === 'weapp' && Taro.cloud) {
    Taro.cloud.init({ env: process.env.BEIAN_CLOUD_ENV || undefined, traceUser: true })
  }
}
