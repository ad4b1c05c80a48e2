/**
 * Types of the back end's API, derived from the handlers' own schemas and return types (type-only imports:
 * nothing of src/cloud ends up in the app bundle).
 */
import type { ApiContract } from '../cloud/actions'

export type { ApiContract } from '../cloud/actions'
export type { Envelope, ErrorEnvelope, OkEnvelope, ErrorCode, FieldErrors } from '../cloud/envelope'
export type { FilingView, FilingSummary } from '../cloud/filing-data'
export type { Access } from '../cloud/records'

export type ApiFunction = keyof ApiContract
export type ApiAction<F extends ApiFunction> = keyof ApiContract[F] & string
export type ApiInput<F extends ApiFunction, A extends ApiAction<F>> = ApiContract[F][A] extends { input: infer I }
  ? I
  : never
export type ApiOutput<F extends ApiFunction, A extends ApiAction<F>> = ApiContract[F][A] extends { output: infer O }
  ? O
  : never

export type CreatedInvite = ApiOutput<'invites', 'create'>
export type FilingSchedule = ApiOutput<'filings', 'schedule'>
export type SubscriptionStatus = ApiOutput<'subscriptions', 'status'>
export type MyDataExport = ApiOutput<'filings', 'export'>
