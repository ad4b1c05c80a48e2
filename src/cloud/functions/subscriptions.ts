/** Cloud function `subscriptions`: record the answers to requestSubscribeMessage, read my quota. */
import { SUBSCRIPTIONS_ACTIONS } from '../actions'
import { wxCloud, wxDeps, wxIdentity } from '../adapters/wx-runtime'
import { dispatch } from '../dispatch'

export async function main(event: unknown) {
  const cloud = wxCloud()
  return dispatch('subscriptions', SUBSCRIPTIONS_ACTIONS, event, wxIdentity(cloud), wxDeps(cloud))
}
