/**
 * The built server as a real process, for the tests that need one (crash safety, several instances): start it on a
 * free port in local mode and wait for its "listening" line, stop it with a signal, and post JSON to its API.
 */
import { spawn, type ChildProcess } from 'child_process'

export interface ServerProcess {
  child: ChildProcess
  base: string
}

/** Starts `outfile` with the given environment on top of local mode; resolves once it listens (PGlite may take long). */
export function startServerProcess(outfile: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [outfile], {
    cwd,
    env: { ...process.env, PORT: '0', BEIAN_MODE: 'local', ...env }
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000)
    child.stdout!.on('data', () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m && out.includes('dev endpoints')) {
        clearTimeout(timer)
        resolve({ child, base: m[1] })
      }
    })
    child.on('exit', () => reject(new Error(`server exited: ${out}`)))
  })
}

/** Sends the signal and resolves once the process has exited (SIGKILL: the crash the tests are about). */
export function stopServerProcess(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', () => resolve())
    child.kill(signal)
  })
}

export type ApiReply = { ok: boolean; code?: string; data: any }

export async function postJson(base: string, route: string, body: unknown, token?: string): Promise<ApiReply> {
  const res = await fetch(`${base}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  return (await res.json()) as ApiReply
}
