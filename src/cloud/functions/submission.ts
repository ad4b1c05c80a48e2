/** Cloud function `submission`: 提交备案 through the platform's API (prepare, photos, face check, submit, withdraw, 注销). */
import { SUBMISSION_ACTIONS } from '../handlers/submission/actions'
import { wxCloud, wxDeps, wxIdentity, wxRateGuard } from '../adapters/wx-runtime'
import { dispatch } from '../dispatch'
import { connectorFromEnv } from '../platforms/from-env'

export async function main(event: unknown) {
  const cloud = wxCloud()
  const deps = wxDeps(cloud)
  deps.platforms = connectorFromEnv(deps)
  return dispatch('submission', SUBMISSION_ACTIONS, event, wxIdentity(cloud), deps, wxRateGuard('submission'))
}
