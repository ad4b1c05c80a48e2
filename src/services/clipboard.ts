import Taro from '@tarojs/taro'

/**
 * Copies `text` to the system clipboard and confirms with a toast. Resolves false when the platform refused (no
 * privacy consent on WeChat, a browser without clipboard access): the page then tells the user to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
  } catch {
    Taro.showToast({ title: '复制失败，请长按文字手动复制', icon: 'none', duration: 2500 })
    return false
  }
  // WeChat and Taro H5 show their own "内容已复制"; ours replaces it so every platform says the same
  Taro.showToast({ title: '已复制', icon: 'success', duration: 1500 })
  return true
}
