/** Cloud function `connector`: connect / status / disconnect / readNotices / agency (the platform connector, app side). */
import { CONNECTOR_ACTIONS } from '../handlers/connector/actions'
import { wxCloud, wxDeps, wxIdentity, wxRateGuard } from '../adapters/wx-runtime'
import { dispatch } from '../dispatch'
import { connectorFromEnv } from '../platforms/from-env'

export async function main(event: unknown) {
  const cloud = wxCloud()
  const deps = wxDeps(cloud)
  deps.platforms = connectorFromEnv(deps)
  return dispatch('connector', CONNECTOR_ACTIONS, event, wxIdentity(cloud), deps, wxRateGuard('connector'))
}
