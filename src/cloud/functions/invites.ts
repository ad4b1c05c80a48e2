/** Cloud function `invites`: create (optionally with a mini-program code) / accept / revoke / list. */
import { INVITES_ACTIONS } from '../actions'
import { wxCloud, wxDeps, wxIdentity, wxRateGuard } from '../adapters/wx-runtime'
import { dispatch } from '../dispatch'

export async function main(event: unknown) {
  const cloud = wxCloud()
  return dispatch('invites', INVITES_ACTIONS, event, wxIdentity(cloud), wxDeps(cloud, true), wxRateGuard('invites'))
}
