/**
 * The one way the connector reaches a platform: a JSON request → a parsed JSON answer. Production wires `fetch`;
 * tests wire the in-process fakes, so no test touches the network.
 */

export interface PlatformRequest {
  method: 'GET' | 'POST'
  /** Absolute URL, query string included. */
  url: string
  headers?: Record<string, string>
  /** Sent as JSON. */
  body?: unknown
}

export interface PlatformResponse {
  status: number
  /** The parsed JSON body (both platforms answer business errors with HTTP 200 and an error field). */
  body: unknown
}

export interface PlatformHttp {
  request(req: PlatformRequest): Promise<PlatformResponse>
}

type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }
) => Promise<{ status: number; text(): Promise<string> }>

/** `fetch` with a time-out; a non-JSON body becomes `{ raw }` so the caller sees an error, never a throw from JSON. */
export function fetchPlatformHttp(fetchFn: FetchFn, timeoutMs = 10_000): PlatformHttp {
  return {
    async request(req) {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), timeoutMs)
      try {
        const res = await fetchFn(req.url, {
          method: req.method,
          headers: { ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers },
          body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
          signal: controller.signal
        })
        const text = await res.text()
        let body: unknown
        try {
          body = text ? JSON.parse(text) : {}
        } catch {
          body = { raw: text.slice(0, 200) }
        }
        return { status: res.status, body }
      } finally {
        clearTimeout(timer)
      }
    }
  }
}

/** A platform's business error: its own code and message (the ` rid: …` suffix dropped), never a token. */
export class PlatformError extends Error {
  constructor(
    readonly platform: 'wechat' | 'douyin',
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string
  ) {
    super(`${platform} ${api} errcode ${errcode}`)
    this.name = 'PlatformError'
  }
}

/** The grant is gone (revoked, refresh token dead): the binding must be dropped and the owner told. */
export class GrantRevoked extends Error {
  constructor(
    readonly platform: 'wechat' | 'douyin',
    readonly appId: string,
    readonly errcode: number
  ) {
    super(`${platform} grant revoked (${errcode})`)
    this.name = 'GrantRevoked'
  }
}

/** The merchant did not grant the permission set the ICP APIs need (WeChat 48001, Douyin 28001014/28001018). */
export class PermissionMissing extends Error {
  constructor(
    readonly platform: 'wechat' | 'douyin',
    readonly appId: string,
    readonly errcode: number
  ) {
    super(`${platform} permission missing (${errcode})`)
    this.name = 'PermissionMissing'
  }
}

export function stripRid(errmsg: unknown): string {
  return typeof errmsg === 'string' ? errmsg.replace(/\s*rid:.*$/, '').slice(0, 200) : ''
}
