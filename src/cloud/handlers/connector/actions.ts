/**
 * The app's side of the connector (function `connector`): start the authorisation for one of the caller's filings,
 * see whether and how it is connected (with the notices meant for the owner), and disconnect it. Tokens never leave
 * the server: the answers carry links, states, statuses and times only.
 */
import { z } from 'zod'
import { agencyRow, sortByUrgency, type AgencyRow } from '../../../domain/agency'
import { linkAuditItem, type LinkedAuditItem } from '../../../domain/platform-status'
import { STAGES, type Stage } from '../../../domain/types'
import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { startAuthorisation } from '../../platforms/binding'
import { NOTICE_TEXT, type ConnectionState, type NoticeKind, type NoticeRecord } from '../../platforms/connector'
import { connectionsOf, unbind } from '../../platforms/sync'
import { COLLECTIONS, type FilingRecord } from '../../records'
import { isoShanghai } from '../../time'
import { recordId } from '../../schemas'
import { loadFilingForWrite, loadVisibleFiling } from '../access'

export const connectorSchemas = {
  connect: z.object({ id: recordId }).strict(),
  status: z.object({ id: recordId }).strict(),
  disconnect: z.object({ id: recordId }).strict(),
  readNotices: z.object({ id: recordId }).strict(),
  agency: z
    .object({
      stages: z.array(z.enum(STAGES)).max(STAGES.length).optional()
    })
    .strict()
}

/** Only the owner may connect a filing (an invitee gets FORBIDDEN, a stranger NOT_FOUND). */
export const connectFiling = defineAction(connectorSchemas.connect, async (ctx, input) => {
  const filing = await loadFilingForWrite(ctx, input.id)
  return startAuthorisation(ctx.deps, ctx.userId, filing)
})

export interface ConnectionView {
  connected: boolean
  platform?: 'wechat' | 'douyin'
  /** The mini-program's AppID (public; shown so the owner can tell which one is bound). */
  appId?: string
  state?: ConnectionState
  connectedAt?: string
  lastObservedAt?: string
  nextSyncAt?: string
  /** The platform's own status number and (WeChat, status 4) sms_verify_status. */
  platformStatus?: number
  smsVerifyStatus?: number
  /** The platform shows 已备案 but the 备案号 could not be read yet. */
  pendingFilingNumber?: boolean
  /** The last poll failed with this platform code (retrying with backoff). */
  lastErrorCode?: number
  /** The reasons of the current rejection, linked to the self-check field or material they concern. */
  rejection?: LinkedAuditItem[]
  notices: { id: string; kind: NoticeKind; text: string; createdAt: string; read: boolean }[]
}

/** The owner and invited principals see the connection; only the owner gets the notices. */
export const connectionStatus = defineAction(connectorSchemas.status, async (ctx, input): Promise<ConnectionView> => {
  const { record: filing, access } = await loadVisibleFiling(ctx, input.id)
  const [c] = await connectionsOf(ctx.deps).find({ filingId: filing._id, ownerId: filing.ownerId }, { limit: 1 })
  const notices =
    access === 'owner'
      ? await ctx.deps.store
          .collection<NoticeRecord>(COLLECTIONS.platformNotices)
          .find(
            { filingId: filing._id, ownerId: ctx.userId },
            { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 20 }
          )
      : []
  const view: ConnectionView = {
    connected: !!c && c.state === 'active',
    notices: notices.map((n) => ({
      id: n._id,
      kind: n.kind,
      text: NOTICE_TEXT[n.kind],
      createdAt: n.createdAt,
      read: !!n.readAt
    }))
  }
  const last = filing.progress.history[filing.progress.history.length - 1]
  if (last?.reasons?.length && ['platform_rejected', 'admin_rejected'].includes(filing.progress.stage)) {
    view.rejection = last.reasons.map((text: string) => {
      const [head, suggestion = ''] = text.split('（建议：')
      const [field, ...rest] = head.split('：')
      return linkAuditItem({
        field: rest.length ? field : '',
        error: rest.length ? rest.join('：') : head,
        suggestion: suggestion.replace(/）$/, '')
      })
    })
  }
  if (!c) return view
  return {
    ...view,
    platform: c.platform,
    appId: c.appId,
    state: c.state,
    connectedAt: c.connectedAt,
    ...(c.lastObservedAt ? { lastObservedAt: c.lastObservedAt } : {}),
    ...(c.nextSyncAt < '9999' ? { nextSyncAt: c.nextSyncAt } : {}),
    ...(c.lastStatus !== undefined ? { platformStatus: c.lastStatus } : {}),
    ...(c.lastSmsStatus !== undefined ? { smsVerifyStatus: c.lastSmsStatus } : {}),
    ...(c.pendingFilingNumber ? { pendingFilingNumber: true } : {}),
    ...(c.lastErrorCode !== undefined ? { lastErrorCode: c.lastErrorCode } : {})
  }
})

export const disconnectFiling = defineAction(connectorSchemas.disconnect, async (ctx, input) => {
  const filing = await loadFilingForWrite(ctx, input.id)
  const [c] = await connectionsOf(ctx.deps).find({ filingId: filing._id, ownerId: ctx.userId }, { limit: 1 })
  if (!c) throw new AppError('NOT_FOUND', '该备案没有连接小程序')
  const connector = ctx.deps.platforms
  if (connector) await unbind(ctx.deps, connector, c.platform, c.appId, 'revoked')
  else await connectionsOf(ctx.deps).removeWhere({ _id: c._id })
  return { disconnected: true }
})

export const readNotices = defineAction(connectorSchemas.readNotices, async (ctx, input) => {
  const filing = await loadFilingForWrite(ctx, input.id)
  const n = await ctx.deps.store
    .collection<NoticeRecord>(COLLECTIONS.platformNotices)
    .updateWhere(
      { filingId: filing._id, ownerId: ctx.userId },
      { set: { readAt: ctx.now.toISOString() }, inc: { version: 1 } }
    )
  return { read: n }
})

export interface AgencyItem extends AgencyRow {
  title: string
  platform: 'wechat' | 'douyin'
  appId: string
  connection: ConnectionState
  /** The platform's own status number (WeChat 2…6/1024…, Douyin's UNCONFIRMED integers). */
  platformStatus?: number
  lastObservedAt?: string
  filingNumber?: string
}

/** Every mini-program the caller connected (a studio filing for its clients), most urgent first, optionally by stage. */
export const agencyList = defineAction(connectorSchemas.agency, async (ctx, input) => {
  const connections = await connectionsOf(ctx.deps).find({ ownerId: ctx.userId }, { limit: 2000 })
  const filings = ctx.deps.store.collection<FilingRecord>(COLLECTIONS.filings)
  const now = isoShanghai(ctx.now)
  const wanted = input.stages?.length ? new Set<Stage>(input.stages) : undefined
  const items: AgencyItem[] = []
  for (const c of connections) {
    const f = await filings.get(c.filingId)
    if (!f || f.ownerId !== ctx.userId || (wanted && !wanted.has(f.progress.stage))) continue
    items.push({
      ...agencyRow(f._id, f.progress, f.profile, now, !!c.pendingFilingNumber),
      title: f.title,
      platform: c.platform,
      appId: c.appId,
      connection: c.state,
      ...(c.lastStatus !== undefined ? { platformStatus: c.lastStatus } : {}),
      ...(c.lastObservedAt ? { lastObservedAt: c.lastObservedAt } : {}),
      ...(f.progress.filingNumber ? { filingNumber: f.progress.filingNumber } : {})
    })
  }
  return { items: sortByUrgency(items) }
})

export const CONNECTOR_ACTIONS = {
  agency: agencyList,
  connect: connectFiling,
  status: connectionStatus,
  disconnect: disconnectFiling,
  readNotices
}
