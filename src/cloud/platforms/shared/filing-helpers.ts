/** What both platforms' filing APIs share: the upload retry and reading refusal hints. */
import type { SubmitHint } from '../filing-api'
import { GrantRevoked, PermissionMissing, PlatformError } from './http'

/**
 * An upload whose answer was lost (network error, time-out) is sent once more. Refusals (PlatformError), a dead
 * grant and a missing permission are final. The fakes answer a repeated identical upload with the same media, so
 * a retry after an upload that did arrive leaves no duplicate.
 */
export async function uploadWithRetry<T>(send: () => Promise<T>, attempts = 2): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await send()
    } catch (err) {
      const final = err instanceof PlatformError || err instanceof GrantRevoked || err instanceof PermissionMissing
      if (final || i >= attempts) throw err
    }
  }
}

/** WeChat `hints[]` = `{errcode, errmsg, err_field}` (§8); anything malformed is dropped. */
export function hintsFrom(raw: unknown[] | undefined): SubmitHint[] {
  return (raw ?? []).flatMap((h) => {
    if (!h || typeof h !== 'object') return []
    const { err_field: field, errmsg } = h as Record<string, unknown>
    return typeof field === 'string' && field
      ? [{ errField: field, errMsg: typeof errmsg === 'string' ? errmsg.replace(/\s*rid:.*$/, '') : '' }]
      : []
  })
}

/**
 * Douyin's field errors, read from the whole `err_msg` ("参数不合法: corp_info.credentials_pic 图片不存在; …"):
 * every dotted snake_case path followed by its message. The real shape is UNCONFIRMED (douyin §7).
 */
export function douyinHintsFrom(message: string | undefined): SubmitHint[] {
  const out: SubmitHint[] = []
  const re = /([a-z_]+(?:\.[a-z0-9_]+)+)[\s:：]+([^;；]+)/g
  for (let m = re.exec(message ?? ''); m; m = re.exec(message ?? '')) {
    out.push({ errField: m[1]!, errMsg: m[2]!.trim() })
  }
  return out
}
