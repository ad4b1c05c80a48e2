/** What every handler gets: the ports, the settings and the verified caller. */
import type { z } from 'zod'
import type { PlatformConnector } from './platforms/connector'
import type { Clock, KeyProvider, Logger, MiniProgramCodeMaker, Store } from './ports'

export interface Settings {
  /** Page opened from an invite (share card, link or mini-program code); the token goes in `invite=` / the scene. */
  invitePage: string
  inviteTtlHours: number
  maxFilingsPerUser: number
  maxOpenInvitesPerFiling: number
  /** Upper bound of one template's stored quota (one-time subscriptions accumulate). */
  maxQuotaPerTemplate: number
  /** Platform template ids per TemplateKind, for the client's requestSubscribeMessage. */
  templateIds: Partial<Record<string, string>>
}

export const DEFAULT_SETTINGS: Settings = {
  invitePage: 'pages/index/index',
  inviteTtlHours: 72,
  maxFilingsPerUser: 50,
  maxOpenInvitesPerFiling: 10,
  maxQuotaPerTemplate: 20,
  templateIds: {}
}

export interface Deps {
  store: Store
  clock: Clock
  keys: KeyProvider
  logger: Logger
  settings: Settings
  /** WeChat only: mini-program code images for invites. */
  codeMaker?: MiniProgramCodeMaker
  /** The WeChat third-party platform / Douyin service-provider connector, when configured. */
  platforms?: PlatformConnector
}

export interface Ctx {
  deps: Deps
  /** Verified by the platform or by a session token; never taken from the input. */
  userId: string
  now: Date
}

export interface ActionDef<S extends z.ZodTypeAny = z.ZodTypeAny, O = unknown> {
  schema: S
  run(ctx: Ctx, input: z.output<S>): Promise<O>
}

export function defineAction<S extends z.ZodTypeAny, O>(
  schema: S,
  run: (ctx: Ctx, input: z.output<S>) => Promise<O>
): ActionDef<S, O> {
  return { schema, run }
}

/** Input/output types of a function's actions, for the typed client. */
export type ContractOf<M extends Record<string, ActionDef>> = {
  [A in keyof M]: { input: z.input<M[A]['schema']>; output: Awaited<ReturnType<M[A]['run']>> }
}
