import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
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
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Where the H5 and Douyin builds find the HTTP API ('' = same origin, the server `npm start` runs)
      'process.env.BEIAN_API_BASE': JSON.stringify(process.env.BEIAN_API_BASE ?? ''),
      // WeChat cloud environment id; empty = the default environment
      'process.env.BEIAN_CLOUD_ENV': JSON.stringify(process.env.BEIAN_CLOUD_ENV ?? '')
    },
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
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
      optimizeMainPackage: { enable: true }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
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
