import * as path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { PreloadFirstPage } from './preload-first-page'
import { StripRtlCss } from './strip-rtl-css'

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
// `BEIAN_BASELINE_APP=1` builds the one-page yardstick app of the size and speed benches with this same config
const BASELINE_APP = process.env.BEIAN_BASELINE_APP === '1'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'beian-assistant',
    date: '2026-11-23',
    // NutUI is designed at 375 px, our own styles at 750 px
    designWidth(input: any) {
      if (input?.file?.replace(/\\+/g, '/').indexOf('@nutui') > -1) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: BASELINE_APP ? 'test/bench/one-page-app' : 'src',
    outputRoot: BASELINE_APP ? `dist/one-page-app/${process.env.TARO_ENV}` : `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Where the H5 and Douyin builds find the HTTP API ('' = same origin, the server `npm start` runs)
      'process.env.BEIAN_API_BASE': JSON.stringify(process.env.BEIAN_API_BASE ?? ''),
      // WeChat cloud environment id; empty = the default environment
      'process.env.BEIAN_CLOUD_ENV': JSON.stringify(process.env.BEIAN_CLOUD_ENV ?? '')
    },
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp' && !BASELINE_APP
          ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }]
          : [],
      options: {}
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      },
      // NutUI's per-component stylesheets are independent: their order across chunks does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Split what several subpackage pages share out of the main package
      optimizeMainPackage: { enable: true },
      // Taro unrolls one template per nesting level for WeChat (which has no template recursion); deeper nodes go
      // through its recursive `comp` component. 16 levels (the default) made base.wxml 60 KB of the main package.
      ...({ baseLevel: 8 } as object),
      webpackChain(chain) {
        chain.plugin('strip-rtl-css').use(StripRtlCss)
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Both apps open on pages/index/index (our home page, the yardstick's one page): its chunks load with the app's
      webpackChain(chain) {
        chain.plugin('preload-first-page').use(PreloadFirstPage, ['pages/index/index'])
        // NutUI's icon barrel is marked as having side effects (it imports the icons' stylesheet), so each page's chunk
        // carried every icon any page uses; side-effect free, each import goes to its own icon. The stylesheet loads
        // with the app instead.
        chain.module
          .rule('nutui-icon-barrel')
          .test(/icons-react-taro[\\/]dist[\\/]es[\\/]index\.es\.js$/)
          .set('sideEffects', false)
        chain.entry('app').add('@nutui/icons-react-taro/dist/style_icon.css')
        // The yardstick compiles only its own folder, and would build the same without these two: it draws none of
        // the form controls and has no tab bar
        if (!BASELINE_APP) {
          // Taro's picker, input and textarea web components in modules of their own, with the pages that draw them
          chain.resolve.alias.set('@tarojs/components$', path.resolve(__dirname, '../src/components/taro-h5-library'))
          // We draw the tab bar (tabBar.custom on H5): Taro's, which its router no longer draws, is not shipped either
          chain.resolve.alias.set(
            require.resolve('@tarojs/router/dist/tabbar.js'),
            path.resolve(__dirname, '../src/components/taro-h5-library/no-taro-tabbar.ts')
          )
        }
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
