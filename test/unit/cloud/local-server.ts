/**
 * The local HTTP server as `npm start` runs it, on a free port of 127.0.0.1, for tests and benches: the outbox as
 * sender, the local code exchanger, no reminder timer. `options` adds or overrides what a test needs (its mode, a
 * static root, a limiter, trusted proxies, the platform fakes).
 */
import type { AddressInfo } from 'net'
import type { Deps } from '../../../src/cloud/context'
import { localCodeExchanger } from '../../../src/cloud/handlers/session/login'
import { createServerApp, type ServerApp, type ServerAppOptions } from '../../../src/server/app'
import { outboxSender } from '../../../src/server/outbox'

export interface LocalServer {
  app: ServerApp
  /** http://127.0.0.1:<port> */
  base: string
}

export async function startLocalServer(
  deps: Deps,
  options: Partial<Omit<ServerAppOptions, 'deps'>> = {}
): Promise<LocalServer> {
  const app = createServerApp({
    deps,
    sender: outboxSender(deps.store, deps.clock),
    exchanger: localCodeExchanger,
    mode: 'local',
    reminderEveryMs: 0,
    ...options
  })
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve))
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

/**
 * A JSON POST to the server's `/api/<route>`, from `address` (read from x-forwarded-for when the server trusts one
 * proxy), with a session token when given. A keep-alive connection the server closed while the caller was busy
 * (seeding, a long job) is reset on reuse: the request is sent once more, on a fresh connection.
 */
export function apiPoster(base: string) {
  return async (route: string, body: unknown, token?: string, address = '127.0.0.1') => {
    const request = () =>
      fetch(`${base}/api/${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': address,
          ...(token ? { authorization: `Bearer ${token}` } : {})
        },
        body: JSON.stringify(body)
      })
    const res = await request().catch(request)
    return (await res.json()) as { ok: boolean; data: any }
  }
}
