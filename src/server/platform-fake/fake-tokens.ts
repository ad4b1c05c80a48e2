/**
 * The credentials one fake platform hands out, each with its lifetime: pushed tickets, component tokens, single-use
 * (pre-)authorisation codes and authorizer access tokens. The routes decide which error code a bad one earns.
 */
import { tok } from './fake-state'

/** Access and component tokens live 2 h on both platforms. */
export const TOKEN_SECONDS = 7200

interface SingleUseCode {
  /** Its prefix: a code of one kind is no answer where another is asked for. */
  kind: string
  appId: string
  used: boolean
  expiresAt: number
}

export class FakeTokens {
  private readonly tickets = new Map<string, number>()
  private readonly componentTokens = new Map<string, number>()
  private readonly codes = new Map<string, SingleUseCode>()
  private readonly accessTokens = new Map<string, { appId: string; expiresAt: number }>()

  constructor(private readonly now: () => number) {}

  issueTicket(prefix: string, lifetimeMs: number): string {
    const ticket = tok(prefix)
    this.tickets.set(ticket, this.now() + lifetimeMs)
    return ticket
  }

  latestTicket(): string {
    return [...this.tickets.keys()].pop() ?? ''
  }

  /** A ticket's end of life, undefined for one never issued. */
  ticketExpiry(ticket: string): number | undefined {
    return this.tickets.get(ticket)
  }

  issueComponentToken(prefix: string): string {
    const token = tok(prefix)
    this.componentTokens.set(token, this.now() + TOKEN_SECONDS * 1000)
    return token
  }

  componentTokenExpiry(token: string): number | undefined {
    return this.componentTokens.get(token)
  }

  /** Douyin: a new token leaves only the newest older one alive, and that one for `graceMs` at most. */
  retireOlderComponentTokens(graceMs: number): void {
    const tokens = [...this.componentTokens.entries()].sort((a, b) => b[1] - a[1])
    for (const [t] of tokens.slice(1)) this.componentTokens.delete(t)
    if (tokens[0]) this.componentTokens.set(tokens[0][0], Math.min(tokens[0][1], this.now() + graceMs))
  }

  /** A single-use code; `appId` is empty for WeChat's pre-auth codes (no app chosen yet). */
  issueCode(prefix: string, appId: string, lifetimeMs: number): string {
    const code = tok(prefix)
    this.codes.set(code, { kind: prefix, appId, used: false, expiresAt: this.now() + lifetimeMs })
    return code
  }

  /** Uses up a live code: its app, or undefined for an unknown, used or expired one. */
  takeCode(prefix: string, code: string): { appId: string } | undefined {
    const c = this.codes.get(code)
    if (!c || c.kind !== prefix || c.used || c.expiresAt < this.now()) return undefined
    c.used = true
    return { appId: c.appId }
  }

  issueAccessToken(prefix: string, appId: string): string {
    const token = tok(prefix)
    this.accessTokens.set(token, { appId, expiresAt: this.now() + TOKEN_SECONDS * 1000 })
    return token
  }

  accessToken(token: string): { appId: string; expiresAt: number } | undefined {
    return this.accessTokens.get(token)
  }

  /** Revocation kills every access token of the app at once. */
  revokeApp(appId: string): void {
    for (const [t, v] of this.accessTokens) if (v.appId === appId) this.accessTokens.delete(t)
  }

  /** As if 2 h had passed for the tokens alone. */
  expireTokens(): void {
    for (const k of this.componentTokens.keys()) this.componentTokens.set(k, 0)
    for (const v of this.accessTokens.values()) v.expiresAt = 0
  }
}
