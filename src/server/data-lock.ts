/**
 * One server per data folder: embedded PostgreSQL (PGlite) is one process's database, and a second process on the
 * same folder would corrupt it. The lock is a file created exclusively with the owner's pid; a lock whose process is gone (kill -9,
 * power loss) is taken over.
 */
import * as fs from 'fs'
import * as path from 'path'

export const LOCK_FILE = 'server.lock'

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `another server (pid ${pid}) is using the data folder ${dataDir}; stop it first ` +
        `(if none is running, delete ${path.join(dataDir, LOCK_FILE)})`
    )
    this.name = 'DataDirLockedError'
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the folder's lock for this process; returns the release function (also run on exit). */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.removeListener('exit', release)
        fs.rmSync(file, { force: true })
      }
      process.on('exit', release)
      return release
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10)
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid))
        throw new DataDirLockedError(dataDir, pid)
      // stale: its process is gone
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`)
}
