import { createRequire } from 'module'
import type { Compilation, Compiler } from 'webpack'

// The html-webpack-plugin instance Taro's H5 runner uses: its hooks are kept per plugin copy
const requireFromRunner = createRequire(require.resolve('@tarojs/webpack5-runner'))

interface HtmlTag {
  tagName: string
  voidTag: boolean
  attributes: Record<string, string | boolean>
  meta: Record<string, unknown>
}

/** The files of the chunks an `import()` of `pagePath` loads, beyond those the page's HTML loads anyway. */
function chunkFilesOf(compilation: Compilation, pagePath: string): string[] {
  const initial = new Set<string>()
  for (const entry of compilation.entrypoints.values()) for (const file of entry.getFiles()) initial.add(file)
  const files = new Set<string>()
  for (const group of compilation.chunkGroups) {
    const loadsPage = group.origins.some((o) => o.request?.replace(/\\/g, '/').endsWith(pagePath))
    if (!loadsPage) continue
    for (const chunk of group.chunks)
      for (const file of chunk.files) if (/\.(js|css)$/.test(file) && !initial.has(file)) files.add(file)
  }
  return [...files]
}

/**
 * H5: `<link rel=preload>` in index.html for the chunks of the page the app opens on. Taro's router imports a page
 * only once the app chunk has run, so its chunk was fetched after that (one more round trip on the way to the first
 * screen); preloaded, it arrives while the app chunk is still being parsed. The router's own import then uses it.
 */
export class PreloadFirstPage {
  constructor(private readonly pagePath: string) {}

  apply(compiler: Compiler): void {
    const HtmlWebpackPlugin = requireFromRunner('html-webpack-plugin')
    const publicPath = String(compiler.options.output.publicPath ?? '/')
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(
        'PreloadFirstPage',
        (data: { headTags: HtmlTag[] }) => {
          const links = chunkFilesOf(compilation, this.pagePath).map((file): HtmlTag => ({
            tagName: 'link',
            voidTag: true,
            attributes: { rel: 'preload', href: publicPath + file, as: file.endsWith('.css') ? 'style' : 'script' },
            meta: { plugin: 'PreloadFirstPage' }
          }))
          data.headTags.unshift(...links)
          return data
        }
      )
    })
  }
}
