/**
 * The local HTTP server as `npm start` with BEIAN_PLATFORM=fake runs it, on a free port: the app, the platform fakes
 * behind /api/platform/fake, and the connector wired to them. Tests give the store and the logger.
 */
import { randomBytes } from 'crypto'
import { DEFAULT_SETTINGS, type Deps } from '../../../../src/cloud/context'
import { dataKey, staticKeyProvider } from '../../../../src/cloud/crypto'
import { systemClock, type Logger, type Store } from '../../../../src/cloud/ports'
import type { ServerApp } from '../../../../src/server/app'
import { startFakePlatforms, type FakePlatforms } from '../../../../src/server/platform-fake/control'
import { startLocalServer } from '../local-server'

export interface ServerWithFakes {
  app: ServerApp
  /** http://127.0.0.1:<port> */
  base: string
  deps: Deps
  fakes: FakePlatforms
  /** Stops the fakes and the server (the store is the caller's). */
  close(): Promise<void>
}

export async function startServerWithFakes(store: Store, logger: Logger): Promise<ServerWithFakes> {
  const deps: Deps = {
    store,
    clock: systemClock,
    keys: staticKeyProvider(dataKey(randomBytes(32))),
    logger,
    settings: DEFAULT_SETTINGS
  }
  const { app, base } = await startLocalServer(deps, {
    platformFake: (req, res, route) => fakes.handle(req, res, route)
  })
  // the app's fake route answers only once the fakes below exist: no request comes in before
  const fakes = startFakePlatforms(deps, base)
  deps.platforms = fakes.connector
  await fakes.ready
  return {
    app,
    base,
    deps,
    fakes,
    close: async () => {
      fakes.stop()
      await app.close()
    }
  }
}
