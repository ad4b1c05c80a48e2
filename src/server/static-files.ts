/** Serves the built H5 app (dist/h5) with SPA fallback to index.html, never outside its folder; text gzipped. */
import * as fs from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import * as path from 'path'
import * as zlib from 'zlib'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm'
}

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // invite links carry a token in the query: never send it on as a referrer
  'Referrer-Policy': 'no-referrer'
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The file under `root` a URL path names, or null when it would leave `root` or is malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const absoluteRoot = path.resolve(root)
  const target = path.resolve(absoluteRoot, '.' + path.posix.normalize('/' + decoded))
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + path.sep)) return null
  return target
}

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|m?js|css|json|map|svg|txt|ics)$/i
const MIN_COMPRESSED_BYTES = 1024
// Compressed once per file version: the built app is a few MB of text, its gzip about a third of that
const gzipCache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>()

/** The file gzipped, when the client takes gzip and it is worth it (a phone on a slow network waits less). */
function gzipped(req: IncomingMessage, file: string, stat: fs.Stats): Buffer | undefined {
  if (!COMPRESSIBLE.test(file) || stat.size < MIN_COMPRESSED_BYTES) return undefined
  if (!/\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) return undefined
  const cached = gzipCache.get(file)
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.body
  const body = zlib.gzipSync(fs.readFileSync(file))
  gzipCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body })
  return body
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile()
  } catch {
    return false
  }
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string): void {
  const send = (status: number, file: string | null, body?: string): void => {
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' }
    if (file) {
      const stat = fs.statSync(file)
      const gzip = gzipped(req, file, stat)
      res.writeHead(status, {
        ...headers,
        'Content-Type': contentTypeOf(file),
        ...(COMPRESSIBLE.test(file) ? { Vary: 'Accept-Encoding' } : {}),
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        'Content-Length': String(gzip ? gzip.length : stat.size)
      })
      if (req.method === 'HEAD') res.end()
      else if (gzip) res.end(gzip)
      else fs.createReadStream(file).pipe(res)
    } else {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, 'Method Not Allowed')
  const target = resolveStaticPath(root, urlPath)
  if (!target) return send(400, null, 'Bad Request')
  if (isFile(target)) return send(200, target)
  const index = path.join(root, 'index.html')
  if (isFile(path.join(target, 'index.html'))) return send(200, path.join(target, 'index.html'))
  // SPA fallback: page routes have no extension; a missing asset is a real 404
  if (!path.extname(target) && isFile(index)) return send(200, index)
  return send(404, null, isFile(index) ? 'Not Found' : 'Not Found (the H5 app is not built: npm run build:h5)')
}
