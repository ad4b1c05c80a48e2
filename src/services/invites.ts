/**
 * Inviting the legal representative / principal to a filing, and joining one from an invite. The server returns
 * an invite's token once; it travels only in the share card's path, the QR code and the H5 link.
 */
import { ROUTES, withQuery } from '../constants/routes'
import { api } from './api'
import type { ApiOutput, CreatedInvite, Envelope, ErrorEnvelope, FilingView } from './api-types'
import { runtimePlatform } from './platform'
import { readJson, writeJson } from './storage'

export type InviteRole = CreatedInvite['role']
export type InviteSummary = ApiOutput<'invites', 'list'>[number]
export type InviteState = InviteSummary['state']

export const INVITE_ROLES: { value: InviteRole; label: string; hint: string }[] = [
  {
    value: 'owner_principal',
    label: '主体负责人',
    hint: '通常是法定代表人；工信部 12381 核验短信会发到他的手机'
  },
  {
    value: 'app_principal',
    label: '小程序负责人',
    hint: '实际运营小程序的人；要做人脸核身，也可能收到核验短信'
  }
]

export const ROLE_LABELS: Record<InviteRole, string> = {
  owner_principal: '主体负责人',
  app_principal: '小程序负责人'
}

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  open: '待接受',
  accepted: '已加入',
  revoked: '已撤销',
  expired: '已过期'
}

export function isInviteRole(value: unknown): value is InviteRole {
  return value === 'owner_principal' || value === 'app_principal'
}

/** The server's token format (base64url); anything else cannot be an invite of ours. */
export function isInviteToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(value)
}

/** WeChat can draw a mini-program code for the invite; the other platforms share a card or a link. */
export function createInvite(filingId: string, role: InviteRole): Promise<Envelope<CreatedInvite>> {
  return api.invites.create({ filingId, role, withCode: runtimePlatform() === 'weapp' })
}

export const listInvites = (filingId: string) => api.invites.list({ filingId })
export const revokeInvite = (inviteId: string) => api.invites.revoke({ inviteId })

/** The mini-program path a share card opens (the home page routes it to the join page). */
export function invitePath(token: string): string {
  return withQuery(ROUTES.home, { invite: token })
}

/**
 * The share card: a title without any personal data (no names, no filing title) and the invite path.
 */
export function inviteShareMessage(role: InviteRole, token: string): { title: string; path: string } {
  return { title: `邀请你作为${ROLE_LABELS[role]}跟进小程序备案，及时完成短信核验`, path: invitePath(token) }
}

/** Invites this device already accepted: reopening the same (now used) link shows the filing, not an error. */
const JOINED_KEY = 'joined-invites'
const JOINED_KEEP = 20

interface JoinedInvite {
  token: string
  filingId: string
  title: string
}

export function joinedInvite(token: string): JoinedInvite | undefined {
  return (readJson<JoinedInvite[]>(JOINED_KEY) ?? []).find((j) => j.token === token)
}

function rememberJoined(entry: JoinedInvite): void {
  const others = (readJson<JoinedInvite[]>(JOINED_KEY) ?? []).filter((j) => j.token !== entry.token)
  writeJson(JOINED_KEY, [entry, ...others].slice(0, JOINED_KEEP))
}

const malformed: ErrorEnvelope = {
  ok: false,
  code: 'INVALID',
  message: '邀请链接不完整，请让对方重新发送',
  fieldErrors: {}
}

/** Joins the filing an invite is for; the answer is the masked, read-only view. */
export async function acceptInvite(token: string): Promise<Envelope<FilingView>> {
  if (!isInviteToken(token)) return malformed
  const result = await api.invites.accept({ token })
  if (result.ok) rememberJoined({ token, filingId: result.data.id, title: result.data.title })
  return result
}

/**
 * Whether to offer inviting a principal for this filing: only its owner can, from the draft on (the principal also
 * does the face check) until it ends; an individual's filing has no one else to invite (owner = principal).
 */
export function offersInvite(filing: { access: string; stage: string; ownerType?: string }): boolean {
  if (filing.access !== 'owner' || filing.ownerType === undefined || filing.ownerType === 'individual') return false
  return filing.stage !== 'approved' && filing.stage !== 'cancelled'
}

/** The invite page for a filing, asking for `role` first. */
export const inviteUrl = (role: InviteRole = 'owner_principal') => withQuery(ROUTES.invite, { role })
