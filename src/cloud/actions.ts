/** The client-callable functions and their actions; the contract types the typed client is built from. */
import type { ContractOf } from './context'
import { CONNECTOR_ACTIONS } from './handlers/connector/actions'
import { advanceFiling } from './handlers/filings/advance'
import { createFiling } from './handlers/filings/create'
import { issueDraftKey } from './handlers/filings/draft-key'
import { exportMyData } from './handlers/filings/export'
import { getFiling } from './handlers/filings/get'
import { listFilings } from './handlers/filings/list'
import { purgeMyData } from './handlers/filings/purge'
import { removeFiling } from './handlers/filings/remove'
import { filingSchedule } from './handlers/filings/schedule'
import { updateFiling } from './handlers/filings/update'
import { acceptInvite } from './handlers/invites/accept'
import { createInvite } from './handlers/invites/create'
import { listInvites } from './handlers/invites/list'
import { revokeInvite } from './handlers/invites/revoke'
import { recordSubscriptions } from './handlers/subscriptions/record'
import { subscriptionStatus } from './handlers/subscriptions/status'
import { SUBMISSION_ACTIONS } from './handlers/submission/actions'

export const FILINGS_ACTIONS = {
  create: createFiling,
  get: getFiling,
  list: listFilings,
  update: updateFiling,
  advance: advanceFiling,
  remove: removeFiling,
  schedule: filingSchedule,
  export: exportMyData,
  purge: purgeMyData,
  draftKey: issueDraftKey
}

export const SUBSCRIPTIONS_ACTIONS = {
  record: recordSubscriptions,
  status: subscriptionStatus
}

export const INVITES_ACTIONS = {
  create: createInvite,
  accept: acceptInvite,
  revoke: revokeInvite,
  list: listInvites
}

/** Functions a client may call (the `reminders` function is the timer's alone). */
export const CLIENT_FUNCTIONS = {
  filings: FILINGS_ACTIONS,
  subscriptions: SUBSCRIPTIONS_ACTIONS,
  invites: INVITES_ACTIONS,
  connector: CONNECTOR_ACTIONS,
  submission: SUBMISSION_ACTIONS
}

export type FunctionName = keyof typeof CLIENT_FUNCTIONS

export interface ApiContract {
  filings: ContractOf<typeof FILINGS_ACTIONS>
  subscriptions: ContractOf<typeof SUBSCRIPTIONS_ACTIONS>
  invites: ContractOf<typeof INVITES_ACTIONS>
  connector: ContractOf<typeof CONNECTOR_ACTIONS>
  submission: ContractOf<typeof SUBMISSION_ACTIONS>
}
