/**
 * One platform's tickets and tokens as the clients use them: a stored token is served while it has more than ten
 * minutes to live; past that, one refresh per token in this process (concurrent callers share it) fetches and
 * stores a new one. The platforms differ only in how a token is fetched, which each client passes in.
 */
import { GrantRevoked, PlatformError } from './http'
import {
  credentialId,
  expireCredential,
  isFresh,
  readCredential,
  removeCredential,
  SingleFlight,
  writeCredential,
  type CredentialDeps
} from './credentials'

/** Refresh this long before the 2 h end (the doc suggests ~1 h 50 min). */
export const TOKEN_MARGIN_MS = 10 * 60_000

/** What a platform answers for a token: the token and its lifetime in seconds (2 h when absent). */
export interface FetchedToken {
  token: string
  expiresIn: unknown
}

/** An authorizer token with the refresh token to store beside it (absent: keep the stored one). */
export interface FetchedGrant extends FetchedToken {
  refresh?: string
}

export class TokenKeeper {
  private readonly flights = new SingleFlight()

  constructor(
    private readonly deps: CredentialDeps,
    private readonly platform: 'wechat' | 'douyin'
  ) {}

  async saveTicket(ticket: string, ttlMs: number): Promise<void> {
    const expiresAt = new Date(this.deps.clock.now().getTime() + ttlMs)
    await writeCredential(this.deps, this.id('ticket'), {
      platform: this.platform,
      kind: 'ticket',
      secret: ticket,
      expiresAt
    })
  }

  /** The component token; `fetch` trades the latest pushed ticket for a new one. */
  async componentToken(noTicket: PlatformError, fetch: (ticket: string) => Promise<FetchedToken>): Promise<string> {
    const id = this.id('component_token')
    const stored = await readCredential(this.deps, id)
    if (stored?.secret && this.fresh(stored.record)) return stored.secret
    return this.flights.run(id, async () => {
      const ticket = await readCredential(this.deps, this.id('ticket'))
      if (!ticket?.secret) throw noTicket
      const { token, expiresIn } = await fetch(ticket.secret)
      if (!token) throw new PlatformError(this.platform, -1, 'no component_access_token', noTicket.api)
      const expiresAt = this.expiry(expiresIn)
      await writeCredential(this.deps, id, {
        platform: this.platform,
        kind: 'component_token',
        secret: token,
        expiresAt
      })
      return token
    })
  }

  /**
   * The authorizer token of a mini-program; `refresh` trades the stored refresh token for a new grant. No refresh
   * token, or an answer in `grantGoneCodes`, means the administrator withdrew the authorisation.
   */
  async authorizerToken(
    appId: string,
    grantGoneCodes: readonly number[],
    refresh: (refreshToken: string) => Promise<FetchedGrant>
  ): Promise<string> {
    const id = this.id('authorizer', appId)
    const stored = await readCredential(this.deps, id)
    const refreshToken = stored?.refresh
    if (!refreshToken) throw new GrantRevoked(this.platform, appId, 0)
    if (stored.secret && this.fresh(stored.record)) return stored.secret
    return this.flights.run(id, async () => {
      let grant: FetchedGrant
      try {
        grant = await refresh(refreshToken)
      } catch (err) {
        if (err instanceof PlatformError && grantGoneCodes.includes(err.errcode)) {
          throw new GrantRevoked(this.platform, appId, err.errcode)
        }
        throw err
      }
      await this.storeAuthorizer(appId, { ...grant, refresh: grant.refresh || refreshToken })
      return grant.token
    })
  }

  async storeAuthorizer(appId: string, grant: FetchedGrant): Promise<void> {
    await writeCredential(this.deps, this.id('authorizer', appId), {
      platform: this.platform,
      kind: 'authorizer',
      appId,
      secret: grant.token,
      refresh: grant.refresh,
      expiresAt: this.expiry(grant.expiresIn)
    })
  }

  /** After 40001/42001-style answers: the token used is dropped, the refresh token kept. */
  async expire(kind: 'component_token' | 'authorizer', appId = ''): Promise<void> {
    await expireCredential(this.deps, this.id(kind, appId))
  }

  async forgetAuthorizer(appId: string): Promise<void> {
    await removeCredential(this.deps, this.id('authorizer', appId))
  }

  private id(kind: 'ticket' | 'component_token' | 'authorizer', appId = ''): string {
    return credentialId(this.platform, kind, appId)
  }

  private fresh(record: Parameters<typeof isFresh>[0]): boolean {
    return isFresh(record, this.deps.clock.now(), TOKEN_MARGIN_MS)
  }

  private expiry(expiresIn: unknown): Date {
    const seconds = Number(expiresIn) > 0 ? Number(expiresIn) : 7200
    return new Date(this.deps.clock.now().getTime() + seconds * 1000)
  }
}

/**
 * Runs `call` with a token; when the platform calls that token stale (`isStale`), it is dropped (`expire`) and the
 * call made once more with a new one. Any other error, or a second stale answer, is the caller's.
 */
export async function withTokenRetry<T>(
  token: () => Promise<string>,
  isStale: (errcode: number) => boolean,
  expire: () => Promise<void>,
  call: (token: string) => Promise<T>
): Promise<T> {
  try {
    return await call(await token())
  } catch (err) {
    if (!(err instanceof PlatformError) || !isStale(err.errcode)) throw err
    await expire()
    return call(await token())
  }
}
