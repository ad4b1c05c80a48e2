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

/** A multipart/form-data POST: text fields plus one file (WeChat upload_icp_media, Douyin upload_image). */
export interface PlatformUpload {
  url: string
  headers?: Record<string, string>
  fields: Record<string, string>
  file: { field: string; bytes: Uint8Array; fileName: string; mimeType: string }
}

export interface PlatformHttp {
  request(req: PlatformRequest): Promise<PlatformResponse>
  /** Photo bytes pass through here to the platform; nothing of them is kept or logged. */
  upload(req: PlatformUpload): Promise<PlatformResponse>
}

type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | FormData; signal?: AbortSignal }
) => Promise<{ status: number; text(): Promise<string> }>

/**
 * `fetch` with a time-out; a non-JSON body becomes `{ raw }` so the caller sees an error, never a throw from JSON.
 * Uploads get a longer time-out (photos of a few MB on a slow uplink).
 */
export function fetchPlatformHttp(fetchFn: FetchFn, timeoutMs = 10_000, uploadTimeoutMs = 60_000): PlatformHttp {
  const send = async (url: string, init: Parameters<FetchFn>[1], ms: number): Promise<PlatformResponse> => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), ms)
    try {
      const res = await fetchFn(url, { ...init, signal: controller.signal })
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
  return {
    request: (req) =>
      send(
        req.url,
        {
          method: req.method,
          headers: { ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers },
          body: req.body !== undefined ? JSON.stringify(req.body) : undefined
        },
        timeoutMs
      ),
    upload: (req) => {
      // fetch sets the multipart content-type with its boundary itself
      const form = new FormData()
      for (const [k, v] of Object.entries(req.fields)) form.append(k, v)
      const { field, bytes, fileName, mimeType } = req.file
      form.append(field, new Blob([new Uint8Array(bytes)], { type: mimeType }), fileName)
      return send(req.url, { method: 'POST', headers: { ...req.headers }, body: form }, uploadTimeoutMs)
    }
  }
}

/** What a refusal carried beyond its code: WeChat's `hints[]`, Douyin's whole `err_msg` (field errors live there). */
export interface PlatformErrorDetail {
  hints?: unknown[]
  fullMessage?: string
}

/** A platform's business error: its own code and message (the ` rid: …` suffix dropped), never a token. */
export class PlatformError extends Error {
  constructor(
    readonly platform: 'wechat' | 'douyin',
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string,
    readonly detail: PlatformErrorDetail = {}
  ) {
    super(`${platform} ${api} errcode ${errcode}`)
    this.name = 'PlatformError'
  }
}

/** A mini-program's authorisation cannot serve the ICP APIs; the subclass says why. */
abstract class AuthorisationProblem extends Error {
  constructor(
    readonly platform: 'wechat' | 'douyin',
    readonly appId: string,
    readonly errcode: number,
    what: string
  ) {
    super(`${platform} ${what} (${errcode})`)
  }
}

/** The grant is gone (revoked, refresh token dead): the binding must be dropped and the owner told. */
export class GrantRevoked extends AuthorisationProblem {
  constructor(platform: 'wechat' | 'douyin', appId: string, errcode: number) {
    super(platform, appId, errcode, 'grant revoked')
    this.name = 'GrantRevoked'
  }
}

/** The merchant did not grant the permission set the ICP APIs need (WeChat 48001, Douyin 28001014/28001018). */
export class PermissionMissing extends AuthorisationProblem {
  constructor(platform: 'wechat' | 'douyin', appId: string, errcode: number) {
    super(platform, appId, errcode, 'permission missing')
    this.name = 'PermissionMissing'
  }
}

export function stripRid(errmsg: unknown): string {
  return typeof errmsg === 'string' ? errmsg.replace(/\s*rid:.*$/, '').slice(0, 200) : ''
}
