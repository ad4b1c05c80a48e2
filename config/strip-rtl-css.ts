import postcss from 'postcss'
import type { Compiler } from 'webpack'

/** A selector that only applies in a right-to-left layout (NutUI ships one for almost every component). */
const RTL_SELECTOR = /(^|\s|,)(\.nut-rtl|\[dir=["']?rtl["']?\])(\s|$)/

/**
 * Drops NutUI's right-to-left rules from the mini-program stylesheets. The app is Simplified Chinese only and never
 * sets `dir=rtl`, so those rules can never match; they were ~4 KB of the main package's `common.wxss` alone.
 */
export class StripRtlCss {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('StripRtlCss', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'StripRtlCss', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(wxss|ttss|css)$/.test(name)) continue
            const root = postcss.parse(assets[name].source().toString())
            root.walkRules((rule) => {
              const kept = rule.selectors.filter((s) => !RTL_SELECTOR.test(s))
              if (kept.length === 0) rule.remove()
              else if (kept.length < rule.selectors.length) rule.selectors = kept
            })
            compilation.updateAsset(name, new sources.RawSource(root.toString()))
          }
        }
      )
    })
  }
}
