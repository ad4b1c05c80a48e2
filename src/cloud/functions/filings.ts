/** Cloud function `filings`: create / get / list / update / advance / remove / schedule / export / purge / draftKey. */
import { FILINGS_ACTIONS } from '../actions'
import { wxCloud, wxDeps, wxIdentity, wxRateGuard } from '../adapters/wx-runtime'
import { dispatch } from '../dispatch'

export async function main(event: unknown) {
  const cloud = wxCloud()
  return dispatch('filings', FILINGS_ACTIONS, event, wxIdentity(cloud), wxDeps(cloud), wxRateGuard('filings'))
}
