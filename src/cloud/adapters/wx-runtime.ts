/**
 * Wiring for the WeChat cloud functions: the SDK is loaded at run time (it stays outside the bundle) and
 * every port gets its wx implementation. Identity comes only from `getWXContext().OPENID`.
 */
import { DEFAULT_SETTINGS, type Deps, type Settings } from '../context'
import { envKeyProvider } from '../crypto'
import type { CallGuard } from '../dispatch'
import { CallLimiter, userRateGuard } from '../rate-limit'
import { consoleLogger, systemClock, type Identity, type MiniProgramCodeMaker, type Sender } from '../ports'
import { WxStore } from '../stores/wx-store'
import type { WxCloud } from './wx-types'

let cloud: WxCloud | undefined

export function wxCloud(): WxCloud {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as WxCloud
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  }
  return cloud
}

/** Template ids and the like come from the function's environment variables (set in the console). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  let templateIds: Settings['templateIds'] = {}
  try {
    templateIds = env.BEIAN_TEMPLATE_IDS ? (JSON.parse(env.BEIAN_TEMPLATE_IDS) as Settings['templateIds']) : {}
  } catch {
    consoleLogger.error('configuration', { problem: 'BEIAN_TEMPLATE_IDS is not JSON' })
  }
  return { ...DEFAULT_SETTINGS, invitePage: env.BEIAN_INVITE_PAGE || DEFAULT_SETTINGS.invitePage, templateIds }
}

let limiter: CallLimiter | undefined

/** Per-OPENID rate limit of the abusable calls; the buckets live as long as this function instance stays warm. */
export function wxRateGuard(fn: string): CallGuard {
  limiter ??= new CallLimiter(() => Date.now())
  return userRateGuard(limiter, fn)
}

export function wxIdentity(c: WxCloud): Identity {
  return { userId: async () => c.getWXContext().OPENID || null }
}

/** `subscribeMessage.send`; the SDK throws `{ errCode }` for platform refusals, which become results. */
export function wxSender(c: WxCloud, settings: Settings, env: NodeJS.ProcessEnv = process.env): Sender {
  const state = (env.BEIAN_MINIPROGRAM_STATE as 'developer' | 'trial' | 'formal' | undefined) || 'formal'
  return {
    async send(message) {
      const templateId = settings.templateIds[message.template]
      if (!templateId) return { ok: false, errcode: 40037, errmsg: 'template id not configured' }
      try {
        const res = await c.openapi.subscribeMessage.send({
          touser: message.toUserId,
          templateId,
          page: message.page,
          data: Object.fromEntries(Object.entries(message.fields).map(([k, value]) => [k, { value }])),
          miniprogramState: state,
          lang: 'zh_CN'
        })
        return !res.errCode ? { ok: true } : { ok: false, errcode: res.errCode, errmsg: res.errMsg }
      } catch (err) {
        const code = (err as { errCode?: unknown }).errCode
        if (typeof code === 'number')
          return { ok: false, errcode: code, errmsg: String((err as { errMsg?: unknown }).errMsg ?? '') }
        throw err
      }
    }
  }
}

export function wxCodeMaker(c: WxCloud, env: NodeJS.ProcessEnv = process.env): MiniProgramCodeMaker {
  return {
    async make(scene, page) {
      const res = await c.openapi.wxacode.getUnlimited({
        scene,
        page,
        // an unpublished page would fail the check during development
        checkPath: env.BEIAN_MINIPROGRAM_STATE ? false : true,
        envVersion:
          env.BEIAN_MINIPROGRAM_STATE === 'trial'
            ? 'trial'
            : env.BEIAN_MINIPROGRAM_STATE === 'developer'
              ? 'develop'
              : 'release',
        width: 430
      })
      if (res.errCode) throw new Error(`wxacode ${res.errCode}`)
      return { contentType: res.contentType || 'image/jpeg', base64: Buffer.from(res.buffer).toString('base64') }
    }
  }
}

export function wxDeps(c: WxCloud, withCodes = false): Deps {
  const settings = settingsFromEnv()
  return {
    store: new WxStore(c.database()),
    clock: systemClock,
    keys: envKeyProvider(),
    logger: consoleLogger,
    settings,
    codeMaker: withCodes ? wxCodeMaker(c) : undefined
  }
}
