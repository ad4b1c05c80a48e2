import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const platformApis = ['@tarojs/taro', '@tarojs/components', '@tarojs/runtime', 'wx-server-sdk', 'react', 'react-dom']
const nodeBuiltins = ['fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process', 'net'].flatMap((m) => [
  m,
  `node:${m}`
])

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'test/artifacts/**',
      '.local-data/**',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs,jsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        definePageConfig: 'readonly',
        defineAppConfig: 'readonly'
      },
      parserOptions: { ecmaFeatures: { jsx: true } }
    },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }]
    }
  },
  {
    files: ['**/*.{js,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' }
  },
  {
    // The domain is shared by pages, cloud functions and tests: pure TypeScript, no platform, no I/O
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...platformApis, ...nodeBuiltins].map((name) => ({
            name,
            message: 'src/domain is pure TypeScript: no Taro, wx, React or Node I/O here.'
          })),
          patterns: [
            {
              group: ['@tarojs/*', '**/services/*', '**/cloud/*', '**/server/*'],
              message: 'src/domain depends on nothing.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'wx', 'tt', 'my', 'window', 'document', 'localStorage', 'fetch']
    }
  },
  {
    // Server-side code never reaches for the mini-program runtime
    files: ['src/cloud/**', 'src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/*', '**/services/*', '**/pages/*', '**/components/*'],
              message: 'server code must not import client code.'
            }
          ]
        }
      ]
    }
  },
  {
    // One concept per module, one job per function: a longer one needs a split or an eslint-disable with its reason
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.mjs', 'config/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }]
    }
  },
  {
    // An allowlist: only src/services (and the app shell / config) may import Taro's API; pages, components, hooks
    // and anything added later go through src/services (navigation, page-hooks, storage …)
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**', 'src/app.ts', 'src/app.config.ts', 'src/**/*.config.ts', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tarojs/taro', message: 'Only src/services may call Taro: add or use a service there.' }]
        }
      ]
    }
  },
  {
    // Pages and components stay thin: storage, network and cloud calls go through src/services
    files: ['src/pages/**', 'src/components/**', 'src/filing/**', 'src/more/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'request',
          'cloud',
          'setStorageSync',
          'getStorageSync',
          'setStorage',
          'getStorage',
          'removeStorageSync',
          'login',
          'requestSubscribeMessage',
          'chooseMedia'
        ].map((property) => ({ object: 'Taro', property, message: 'Call this through src/services.' }))
      ]
    }
  }
)
