// Decides whether a build output is older than its sources, so scripts rebuild only when needed.
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

/** True when `output` exists and is newer than every file under `sources`. */
export function isFresh(output, sources) {
  const out = path.join(root, output)
  if (!fs.existsSync(out)) return false
  const built = fs.statSync(out).mtimeMs
  return sources.every((s) => newestMtime(path.join(root, s)) < built)
}

export const CLIENT_SOURCES = ['src', 'config', 'babel.config.js', 'package.json']
