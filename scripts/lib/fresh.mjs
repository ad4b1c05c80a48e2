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

/** The file whose time stamps a Taro build of `type` (what isFresh is asked about). */
export const BUILD_MARKERS = {
  weapp: 'dist/weapp/app.js',
  h5: 'dist/h5/index.html',
  tt: 'dist/tt/app.js',
  'baseline-weapp': 'dist/one-page-app/weapp/app.js',
  'baseline-h5': 'dist/one-page-app/h5/index.html'
}

/** What the one-page yardstick app is built from: its own sources and the project's build config. */
export const BASELINE_SOURCES = ['test/bench/one-page-app', 'config', 'babel.config.js', 'package.json']

/**
 * Dates the build's marker back to when the build started: a source saved while the build was running is then
 * newer than the build, so the next check rebuilds instead of serving code without that edit.
 */
export function markBuiltAt(type, startedAtMs) {
  const marker = BUILD_MARKERS[type] && path.join(root, BUILD_MARKERS[type])
  if (!marker || !fs.existsSync(marker)) return
  const t = new Date(startedAtMs)
  fs.utimesSync(marker, t, t)
}
