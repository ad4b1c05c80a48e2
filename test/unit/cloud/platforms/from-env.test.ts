/** @jest-environment node */
/** Production wiring: a platform is on only with all four of its values and a public URL; secrets stay server-side. */
import { connectorFromEnv } from '../../../../src/cloud/platforms/from-env'
import type { PlatformHttp } from '../../../../src/cloud/platforms/shared/http'
import { makeEnv } from '../helpers'

const http: PlatformHttp = {
  request: async () => ({ status: 200, body: {} }),
  upload: async () => ({ status: 200, body: {} })
}
const WX = {
  WECHAT_COMPONENT_APPID: 'wxc',
  WECHAT_COMPONENT_SECRET: 's',
  WECHAT_COMPONENT_TOKEN: 't',
  WECHAT_COMPONENT_AES_KEY: 'k'.repeat(43)
}
const DY = {
  DOUYIN_COMPONENT_APPID: 'ttc',
  DOUYIN_COMPONENT_SECRET: 's',
  DOUYIN_COMPONENT_TOKEN: 't',
  DOUYIN_COMPONENT_AES_KEY: 'k'.repeat(43)
}

it.each([
  [{}, undefined],
  [{ ...WX }, undefined], // no public URL
  [{ BEIAN_PUBLIC_URL: 'https://b.example/', ...WX }, ['wechat']],
  [{ BEIAN_PUBLIC_URL: 'https://b.example', ...DY }, ['douyin']],
  [{ BEIAN_PUBLIC_URL: 'https://b.example', ...WX, ...DY }, ['wechat', 'douyin']],
  [{ BEIAN_PUBLIC_URL: 'https://b.example', ...WX, WECHAT_COMPONENT_AES_KEY: '' }, undefined]
])('%j → %j', (env, platforms) => {
  const c = connectorFromEnv(makeEnv('nedb').deps, env as NodeJS.ProcessEnv, http)
  expect(c ? (['wechat', 'douyin'] as const).filter((p) => c[p]) : undefined).toEqual(platforms)
  if (c) expect(c.publicBaseUrl).toBe('https://b.example')
})
