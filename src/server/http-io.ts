/** Reading and answering HTTP requests of the local server: JSON bodies with limits, envelopes, client address, token. */
import * as http from 'http'
import { HTTP_STATUS, type Envelope } from '../cloud/envelope'
import { MAX_MEDIA_BASE64 } from '../cloud/schemas'
import { SECURITY_HEADERS } from './static-files'

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415) {
    super('bad body')
  }
}

/** The `submission` function's limit: one photo of at most 2 MB as base64 plus its JSON envelope. */
export const MEDIA_BODY_BYTES = MAX_MEDIA_BASE64 + 16 * 1024

/** Past this much, an over-size body is not drained any further: answer 413 and drop the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024

export function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // past the limit: stop keeping it, but read on so the client is there to get the 413
      if (size <= limit) chunks.push(chunk)
      else if (size > DRAIN_LIMIT_BYTES) {
        req.pause()
        reject(new BodyError(413))
      }
    })
    req.on('end', () => {
      if (size > limit) return reject(new BodyError(413))
      if (!size) return resolve({})
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(new BodyError(400))
      }
    })
    req.on('error', reject)
  })
}

export const BODY_ERRORS = {
  400: '请求不是有效的 JSON',
  413: '请求内容过大',
  415: '请求内容须为 JSON（Content-Type: application/json）'
}

export function sendJson(res: http.ServerResponse, envelope: Envelope<unknown>, status?: number, head = false): void {
  const body = JSON.stringify(envelope)
  const retryAfter =
    !envelope.ok && envelope.retryAfterSeconds ? { 'Retry-After': String(envelope.retryAfterSeconds) } : {}
  res.writeHead(status ?? (envelope.ok ? 200 : HTTP_STATUS[envelope.code]), {
    ...retryAfter,
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    // bearer tokens, no cookies: other origins (e.g. the H5 dev server) may call the API
    'Access-Control-Allow-Origin': '*'
  })
  res.end(head ? undefined : body)
}

/** `application/json`, with or without parameters (charset). */
export function isJson(req: http.IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')
}

/** The client's address: the socket's, or with trusted proxies the matching `X-Forwarded-For` entry. */
export function clientAddress(req: http.IncomingMessage, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown'
  if (!trustedProxies) return socket
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim())
  const entry = hops.filter(Boolean).at(-trustedProxies)
  return entry && entry.length <= 64 ? entry : socket
}

export function bearer(req: http.IncomingMessage): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')
  return m ? m[1] : null
}
