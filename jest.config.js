// Three depths: `unit` (domain, cloud handlers, React components in jsdom), `weapp-sim` (the compiled
// dist/weapp pages in miniprogram-simulate) and `e2e` (the H5 build in Debian's Chromium).
const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react'
}

const unit = {
  displayName: 'unit',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { url: 'http://localhost/', customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/test/unit/**/*.test.[jt]s?(x)'],
  setupFiles: ['<rootDir>/test/setup/env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/unit-after-env.js'],
  // babel-jest picks up babel.config.js (babel-preset-taro switches to commonjs when NODE_ENV=test)
  transform: {
    // PGlite's CommonJS build imports Node built-ins dynamically, which jest's vm cannot run as it is
    '/node_modules/@electric-sql/pglite/dist/.+\\.c?js$': '<rootDir>/test/setup/pglite-cjs-transform.js',
    '^.+\\.(mjs|cjs|[jt]sx?)$': 'babel-jest'
  },
  // Taro, NutUI, Stencil and lodash-es ship ESM: transform them too
  transformIgnorePatterns: [
    '<rootDir>/node_modules/(?!(@electric-sql/pglite/dist|@tarojs|@nutui|@stencil|lodash-es|swiper|query-string|decode-uri-component|split-on-first|filter-obj|chinese-days)/)'
  ],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': '<rootDir>/test/setup/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/setup/image-stub.js',
    '^@tarojs/taro$': '<rootDir>/test/setup/taro.js',
    '^@tarojs/components$': '@tarojs/components/lib/react'
  },
  globals: taroGlobals
}

const weappSim = {
  displayName: 'weapp-sim',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/sim/**/*.test.js'],
  globalSetup: '<rootDir>/test/setup/build-weapp-once.js',
  transform: {}
}

const e2e = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.[jt]s'],
  globalSetup: '<rootDir>/test/setup/e2e-global-setup.js',
  globalTeardown: '<rootDir>/test/setup/e2e-global-teardown.js',
  transform: { '^.+\\.[jt]s$': 'babel-jest' }
}

/** @type {import('jest').Config} */
module.exports = { projects: [unit, weappSim, e2e], testTimeout: 30000 }
