/**
 * Sessions of the local HTTP server: a login code is exchanged for a user id (locally, or through Douyin's
 * code2Session), and the server issues a random bearer token stored only as its SHA-256, with an expiry.
 */
import { loginSchema } from '../../schemas'
import { randomToken, sha256Hex } from '../../crypto'
import { errorEnvelope, zhErrorMap, zodFieldErrors } from '../../dispatch'
import { AppError, fail, ok, type Envelope, type ErrorEnvelope } from '../../envelope'
import type { Clock, Logger, Store } from '../../ports'
import { COLLECTIONS, type SessionRecord } from '../../records'
import { addMs, isoUtc } from '../../time'

export const SESSION_TTL_MS = 30 * 24 * 3600_000
/** Sessions kept per user (phones, browsers); a login beyond it ends the oldest. */
export const MAX_SESSIONS_PER_USER = 10

/** Turns a platform login code into a stable user id; null when the platform refuses the code. */
export interface CodeExchanger {
  exchange(code: string): Promise<string | null>
}

/** Local mode: the same code always maps to the same local user (a stand-in for code2Session). */
export const localCodeExchanger: CodeExchanger = {
  exchange: async (code) => `local:${sha256Hex(`local-login|${code}`).slice(0, 24)}`
}

export interface SessionDeps {
  store: Store
  clock: Clock
  logger: Logger
}

function sessions(store: Store) {
  return store.collection<SessionRecord>(COLLECTIONS.sessions)
}

async function pruneSessions(store: Store, userId: string): Promise<void> {
  const mine = await sessions(store).find({ userId }, { orderBy: { field: 'createdAt', direction: 'desc' } })
  for (const old of mine.slice(MAX_SESSIONS_PER_USER)) await sessions(store).removeWhere({ _id: old._id })
}

export async function login(
  deps: SessionDeps,
  body: unknown,
  exchanger: CodeExchanger,
  /** Checked once the user is known, before a session is made (the per-user rate limit). */
  guard?: (userId: string) => ErrorEnvelope | null
): Promise<Envelope<{ token: string; expiresAt: string }>> {
  try {
    const input = loginSchema.safeParse(body ?? {}, { errorMap: zhErrorMap })
    if (!input.success) return fail('INVALID', undefined, zodFieldErrors(input.error))
    const userId = await exchanger.exchange(input.data.code)
    if (!userId) throw new AppError('UNAUTHENTICATED', '登录失败，请重试')
    const refused = guard?.(userId)
    if (refused) return refused
    const token = randomToken(32)
    const now = deps.clock.now()
    const session: SessionRecord = {
      _id: sha256Hex(token),
      version: 1,
      userId,
      createdAt: isoUtc(now),
      expiresAt: isoUtc(addMs(now, SESSION_TTL_MS))
    }
    await sessions(deps.store).insert(session)
    await pruneSessions(deps.store, userId)
    return ok({ token, expiresAt: session.expiresAt })
  } catch (err) {
    return errorEnvelope(err, 'login', deps)
  }
}

/** The user behind a bearer token, or null when unknown or expired. */
export async function userForToken(deps: SessionDeps, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const session = await sessions(deps.store).get(sha256Hex(token))
  if (!session || session.expiresAt <= isoUtc(deps.clock.now())) return null
  return session.userId
}

/** Drops expired sessions (run with the reminder job). */
export async function removeExpiredSessions(deps: SessionDeps): Promise<number> {
  return sessions(deps.store).removeWhere({ expiresAt: { $lte: isoUtc(deps.clock.now()) } })
}
