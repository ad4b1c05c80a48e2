/**
 * Authorisation and binding: the link the administrator opens (state bound to one filing of its owner), the OAuth
 * callback that exchanges the code and binds the AppID, and the pushes (ticket, authorized/unauthorized, ICP results
 * → immediate sync). One AppID belongs to one owner at a time; the owner is told when a binding ends.
 */
import type { Deps } from '../context'
import { randomToken, sha256Hex } from '../crypto'
import { AppError } from '../envelope'
import { DuplicateKeyError } from '../ports'
import { COLLECTIONS, type FilingRecord } from '../records'
import {
  connectionId,
  connectorPlatformOf,
  type ConnectionRecord,
  type ConnectorPlatform,
  type ConnectStateRecord,
  type PlatformConnector
} from './connector'
import { recordFaceResult } from './face-tasks'
import { openDouyinPush } from './douyin/push'
import { PushRejected } from './shared/push-crypto'
import { UNCONFIRMED } from './shared/unconfirmed'
import { connectionsOf, notifyOwner, syncConnection, unbind } from './sync'
import { openWechatPush, type WechatPushQuery } from './wechat/push'
import { toUtcIso } from '../../domain/time'

const STATE_TTL_MS = 30 * 60_000

function statesOf(deps: Pick<Deps, 'store'>) {
  return deps.store.collection<ConnectStateRecord>(COLLECTIONS.platformConnectStates)
}

export function requireConnector(deps: Deps, platform: ConnectorPlatform): PlatformConnector {
  const connector = deps.platforms
  if (!connector?.[platform]) {
    throw new AppError('UNAVAILABLE', platform === 'wechat' ? '尚未配置微信第三方平台' : '尚未配置抖音服务商')
  }
  return connector
}

export interface AuthorisationStart {
  platform: ConnectorPlatform
  /** Open in WeChat / the Douyin app (mobile), or show as a QR code (`qrContent`) to scan with the admin's phone. */
  link: string
  qrContent: string
  expiresAt: string
}

/** The owner's filing → an authorisation link whose redirect carries a one-time state for this filing. */
export async function startAuthorisation(
  deps: Deps,
  ownerId: string,
  filing: FilingRecord
): Promise<AuthorisationStart> {
  const platform = connectorPlatformOf(filing.profile.platform)
  if (!platform) throw new AppError('INVALID', '只有微信和抖音小程序可以连接', { id: ['该平台不支持自动同步'] })
  const connector = requireConnector(deps, platform)
  const state = randomToken(24)
  const now = deps.clock.now()
  const redirect = `${connector.publicBaseUrl}/api/platform/${platform}/callback?state=${state}`
  let link: string
  let qrContent: string
  let preAuthCodeHash: string | undefined
  let expiresMs = STATE_TTL_MS
  if (platform === 'wechat') {
    const client = connector.wechat!.client
    const { preAuthCode, expiresInSeconds } = await client.preAuthCode()
    const links = client.authorisationLinks(preAuthCode, redirect)
    link = links.mobile
    qrContent = links.pc
    preAuthCodeHash = sha256Hex(preAuthCode)
    expiresMs = Math.min(expiresMs, expiresInSeconds * 1000)
  } else {
    link = qrContent = await connector.douyin!.client.authorisationLink(redirect)
  }
  await statesOf(deps).insert({
    _id: sha256Hex(state),
    version: 1,
    platform,
    filingId: filing._id,
    ownerId,
    ...(preAuthCodeHash ? { preAuthCodeHash } : {}),
    expiresAt: toUtcIso(now.getTime() + expiresMs)
  })
  return { platform, link, qrContent, expiresAt: toUtcIso(now.getTime() + expiresMs) }
}

export type BindResult =
  | { ok: true; filingId: string; appId: string }
  | { ok: false; reason: 'state' | 'owned_elsewhere' | 'permission_missing' | 'platform' | 'filing' }

/** Binds `appId` to the filing of a used-once state record. */
async function bind(
  deps: Deps,
  connector: PlatformConnector,
  st: ConnectStateRecord,
  appId: string,
  hasPermission: boolean
): Promise<BindResult> {
  const filing = await deps.store.collection<FilingRecord>(COLLECTIONS.filings).get(st.filingId)
  if (!filing || filing.ownerId !== st.ownerId) return { ok: false, reason: 'filing' }
  const col = connectionsOf(deps)
  const id = connectionId(st.platform, appId)
  const existing = await col.get(id)
  if (existing && existing.ownerId !== st.ownerId) {
    // the grant stays with its current owner's binding: tokens were refreshed for the same AppID, nothing to undo
    await notifyOwner(deps, st, 'owned_elsewhere')
    return { ok: false, reason: 'owned_elsewhere' }
  }
  if (!hasPermission) {
    await notifyOwner(deps, st, 'permission_missing')
    return { ok: false, reason: 'permission_missing' }
  }
  const now = deps.clock.now().toISOString()
  // a filing follows one mini-program: an earlier binding of this filing to another AppID ends
  for (const old of await col.find({ filingId: st.filingId })) {
    if (old._id !== id) await unbind(deps, connector, old.platform, old.appId, 'revoked')
  }
  const fields = {
    platform: st.platform,
    appId,
    ownerId: st.ownerId,
    filingId: st.filingId,
    state: 'active' as const,
    connectedAt: now,
    nextSyncAt: now,
    failures: 0,
    updatedAt: now
  }
  if (existing) {
    await col.updateWhere(
      { _id: id, ownerId: st.ownerId },
      { set: fields, unset: ['lastObservedAt', 'lastState'], inc: { version: 1 } }
    )
  } else {
    try {
      await col.insert({ _id: id, version: 1, ...fields })
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
      return { ok: false, reason: 'owned_elsewhere' }
    }
  }
  await notifyOwner(deps, st, 'connected')
  deps.logger.info('platform_bound', { platform: st.platform, filingId: st.filingId })
  // the first poll at once: the filing shows its platform status as soon as the owner comes back
  const bound = await col.get(id)
  if (bound) await syncConnection(deps, connector, bound)
  return { ok: true, filingId: st.filingId, appId }
}

async function takeState(
  deps: Deps,
  filter: { _id: string } | { preAuthCodeHash: string }
): Promise<ConnectStateRecord | null> {
  const col = statesOf(deps)
  const [st] = await col.find(filter as never, { limit: 1 })
  if (!st || st.usedAt || st.expiresAt < deps.clock.now().toISOString()) return null
  const claimed = await col.updateWhere(
    { _id: st._id, version: st.version },
    { set: { usedAt: deps.clock.now().toISOString() }, inc: { version: 1 } }
  )
  return claimed ? st : null
}

/** GET /api/platform/<platform>/callback?state=…&auth_code=… (WeChat) / authorization_code|auth_code|code (Douyin, names UNCONFIRMED). */
export async function handleCallback(
  deps: Deps,
  platform: ConnectorPlatform,
  query: Record<string, string>
): Promise<BindResult> {
  const connector = requireConnector(deps, platform)
  const state = query.state ?? ''
  const code = platform === 'wechat' ? query.auth_code : (query.authorization_code ?? query.auth_code ?? query.code)
  if (!state || !code || state.length > 100 || code.length > 512) return { ok: false, reason: 'state' }
  const st = await takeState(deps, { _id: sha256Hex(state) })
  if (!st || st.platform !== platform) {
    // the `authorized` push may have finished this binding before the administrator's browser came back
    const used = await statesOf(deps).get(sha256Hex(state))
    if (used?.usedAt && used.platform === platform) {
      const [c] = await connectionsOf(deps).find({ filingId: used.filingId, ownerId: used.ownerId }, { limit: 1 })
      if (c?.state === 'active') return { ok: true, filingId: c.filingId, appId: c.appId }
    }
    return { ok: false, reason: 'state' }
  }
  if (platform === 'wechat') {
    const grant = await connector.wechat!.client.exchangeAuthCode(code)
    return bind(deps, connector, st, grant.authorizerAppId, grant.hasIcpPermission)
  }
  const grant = await connector.douyin!.client.exchangeAuthCode(code)
  return bind(deps, connector, st, grant.authorizerAppId, true)
}

export type PushOutcome = 'ticket' | 'bound' | 'unbound' | 'synced' | 'face' | 'ignored'

/** POST /api/platform/wechat/events: verified, then acted on. Answer `success` unless PushRejected is thrown. */
export async function handleWechatPush(deps: Deps, query: WechatPushQuery, body: string): Promise<PushOutcome> {
  const connector = requireConnector(deps, 'wechat')
  const fields = await openWechatPush(deps, connector.wechat!.push, query, body)
  const client = connector.wechat!.client
  switch (fields.InfoType) {
    case 'component_verify_ticket':
      if (!fields.ComponentVerifyTicket) throw new PushRejected('format')
      await client.saveVerifyTicket(fields.ComponentVerifyTicket)
      return 'ticket'
    case 'authorized':
    case 'updateauthorized': {
      // the redirect normally binds; this finishes it when the administrator's browser never came back
      if (!fields.PreAuthCode || !fields.AuthorizationCode) return 'ignored'
      const st = await takeState(deps, { preAuthCodeHash: sha256Hex(fields.PreAuthCode) })
      if (!st) return 'ignored'
      const grant = await client.exchangeAuthCode(fields.AuthorizationCode)
      return (await bind(deps, connector, st, grant.authorizerAppId, grant.hasIcpPermission)).ok ? 'bound' : 'ignored'
    }
    case 'unauthorized':
      return (await unbind(deps, connector, 'wechat', fields.AuthorizerAppid ?? '')) ? 'unbound' : 'ignored'
    case 'notify_icpfiling_verify_result':
      // the administrator finished the face check: result 3 成功, 2 失败
      return (await recordFaceResult(deps, 'wechat', fields.task_id ?? '', fields.result === '3' ? 'passed' : 'failed'))
        ? 'face'
        : 'ignored'
    case 'notify_apply_icpfiling_result':
      return syncNow(deps, connector, 'wechat', fields.authorizer_appid ?? fields.AuthorizerAppid ?? '')
    default:
      return 'ignored'
  }
}

/** POST /api/platform/douyin/events (both Douyin URLs may point here). */
export async function handleDouyinPush(deps: Deps, body: unknown): Promise<PushOutcome> {
  const connector = requireConnector(deps, 'douyin')
  const message = await openDouyinPush(deps, connector.douyin!.push, body)
  const str = (k: string) => (typeof message[k] === 'string' ? (message[k] as string) : '')
  if (str('MsgType') === 'Ticket' && str('Ticket')) {
    await connector.douyin!.client.saveTicket(str('Ticket'))
    return 'ticket'
  }
  if (str('Event') === 'UNAUTHORIZED')
    return (await unbind(deps, connector, 'douyin', str('AppId'))) ? 'unbound' : 'ignored'
  if (str('Event') === UNCONFIRMED.douyinFacePushEvent.value) {
    const f = UNCONFIRMED.douyinFacePushFields.value
    const status = str(f.result) === f.passed ? 'passed' : 'failed'
    return (await recordFaceResult(deps, 'douyin', str(f.token), status)) ? 'face' : 'ignored'
  }
  // anything else ICP-related: poll at once
  if (str('Event').startsWith('ICP_')) return syncNow(deps, connector, 'douyin', str('AppId'))
  return 'ignored'
}

async function syncNow(
  deps: Deps,
  connector: PlatformConnector,
  platform: ConnectorPlatform,
  appId: string
): Promise<PushOutcome> {
  const c = await connectionsOf(deps).get(connectionId(platform, appId))
  if (!c || c.state !== 'active') return 'ignored'
  await syncConnection(deps, connector, c)
  return 'synced'
}

export function isPushRejected(err: unknown): err is PushRejected {
  return err instanceof PushRejected
}

export type { ConnectionRecord }
