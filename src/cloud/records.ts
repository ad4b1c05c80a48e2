/**
 * What the back end stores, collection by collection. Sensitive form values are stored encrypted;
 * tokens only as SHA-256 hashes.
 */
import type {
  FilingForm,
  FilingProfile,
  FilingProgress,
  MaterialStatus,
  RecipientRole,
  ReminderKind,
  TemplateKind
} from '../domain/types'
import type { StoredDoc } from './ports'

export const COLLECTIONS = {
  filings: 'filings',
  deliveries: 'reminder_deliveries',
  subscriptions: 'subscriptions',
  invites: 'invites',
  members: 'filing_members',
  sessions: 'sessions',
  /** Per-owner filing counters and per-filing invite slots: limits that hold under racing requests (reservations.ts). */
  counters: 'usage_counters',
  inviteSlots: 'invite_slots',
  // the platform connector (src/cloud/platforms)
  platformConnections: 'platform_connections',
  platformConnectStates: 'platform_connect_states',
  platformNotices: 'platform_notices',
  platformCredentials: 'platform_credentials',
  platformPushNonces: 'platform_push_nonces',
  // submission through the platforms' APIs
  platformCodeTables: 'platform_code_tables',
  platformFaceTasks: 'platform_face_tasks'
} as const

/** Secondary indexes (used by the embedded store; the cloud database gets the same ones in the console). */
export const INDEXES: Record<string, string[]> = {
  [COLLECTIONS.filings]: ['ownerId'],
  [COLLECTIONS.deliveries]: ['filingId', 'recipientId', 'nextAttemptAt'],
  [COLLECTIONS.subscriptions]: ['userId'],
  [COLLECTIONS.invites]: ['filingId', 'ownerId', 'inviteId'],
  [COLLECTIONS.members]: ['filingId', 'userId'],
  [COLLECTIONS.sessions]: ['userId'],
  [COLLECTIONS.counters]: [],
  [COLLECTIONS.inviteSlots]: ['filingId'],
  [COLLECTIONS.platformConnections]: ['filingId', 'ownerId', 'nextSyncAt'],
  [COLLECTIONS.platformConnectStates]: ['filingId', 'preAuthCodeHash'],
  [COLLECTIONS.platformNotices]: ['ownerId', 'filingId'],
  [COLLECTIONS.platformCredentials]: [],
  [COLLECTIONS.platformPushNonces]: ['expiresAt'],
  [COLLECTIONS.platformCodeTables]: [],
  [COLLECTIONS.platformFaceTasks]: ['appId']
}

export interface FilingRecord extends StoredDoc {
  ownerId: string
  title: string
  profile: FilingProfile
  /** Sensitive values encrypted (`enc1.<key>.<data>`). */
  form: FilingForm
  progress: FilingProgress
  materials: Record<string, MaterialStatus>
  /** The client's draft id, so a retried `create` does not make a second filing. */
  clientRef?: string
  createdAt: string
  updatedAt: string
}

/** Who may see a filing and how. */
export type Access = 'owner' | 'owner_principal' | 'app_principal'

export interface MemberRecord extends StoredDoc {
  filingId: string
  ownerId: string
  userId: string
  role: Exclude<RecipientRole, 'owner'>
  inviteId: string
  joinedAt: string
}

export type InviteState = 'open' | 'accepted' | 'revoked'

export interface InviteRecord extends StoredDoc {
  /** `_id` is the SHA-256 of the token; the token itself is never stored. */
  inviteId: string
  filingId: string
  ownerId: string
  role: Exclude<RecipientRole, 'owner'>
  state: InviteState
  createdAt: string
  expiresAt: string
  acceptedBy?: string
  acceptedAt?: string
  revokedAt?: string
  /** The invite slot it holds while open (reservations.ts); absent on invites made before slots. */
  slot?: number
}

export type SubscriptionResult = 'accept' | 'reject' | 'ban' | 'filter'

export interface SubscriptionRecord extends StoredDoc {
  userId: string
  template: TemplateKind
  /** One-time subscriptions: each accepted request allows one message. */
  quota: number
  lastResult: SubscriptionResult
  updatedAt: string
}

export type DeliveryState = 'pending' | 'claimed' | 'sent' | 'failed' | 'no_quota' | 'cancelled' | 'expired'

/** One reminder for one recipient: the unit that is sent exactly once. */
export interface DeliveryRecord extends StoredDoc {
  key: string
  filingId: string
  ownerId: string
  recipientId: string
  recipientRole: RecipientRole
  kind: ReminderKind
  template: TemplateKind
  fields: Record<string, string>
  page: string
  dueAt: string
  /** After this instant sending is pointless (e.g. the SMS deadline passed): the job drops it unsent. */
  expiresAt?: string
  state: DeliveryState
  /** When the job may look at it next: `dueAt`, a retry time, or the end of a claim's lease. */
  nextAttemptAt: string
  attempts: number
  leaseToken?: string
  /** A quota unit is held for this delivery (taken before sending, kept across a crash). */
  quotaTaken?: boolean
  sentAt?: string
  lastErrcode?: number
  updatedAt: string
}

export interface SessionRecord extends StoredDoc {
  /** `_id` is the SHA-256 of the bearer token. */
  userId: string
  createdAt: string
  expiresAt: string
}
