import Taro from '@tarojs/taro'

/**
 * Device storage (wx/tt storage, localStorage on H5). Values are JSON. Sensitive personal information is never
 * written here: drafts keep it out (see services/drafts.ts).
 */
const PREFIX = 'beian:'

export function readJson<T>(key: string): T | undefined {
  try {
    const raw = Taro.getStorageSync(PREFIX + key)
    if (raw === '' || raw === undefined || raw === null) return undefined
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T
  } catch {
    // A corrupt entry is dropped rather than crashing the page that reads it
    return undefined
  }
}

export function writeJson(key: string, value: unknown): void {
  Taro.setStorageSync(PREFIX + key, JSON.stringify(value))
}

export function removeKey(key: string): void {
  Taro.removeStorageSync(PREFIX + key)
}

/** Every key this app wrote (used by "delete all my data"). */
export function clearAppStorage(): void {
  const { keys } = Taro.getStorageInfoSync()
  keys.filter((k) => k.startsWith(PREFIX)).forEach((k) => Taro.removeStorageSync(k))
}
