// One bot per database: a second `npm start` on the same SQLite file would send every reminder and
// reply twice. A lock file beside the database holds the running bot's pid; a lock left by a bot
// that was killed (its pid no longer runs) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export class InstanceLockError extends Error {}

/** Whether `pid` is a running Node process (after a reboot a stale lock's pid may belong to anything else). */
function running (pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM: it runs, as another user
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  try {
    return /node/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return true // no /proc (not Linux): the pid alone has to do
  }
}

/** Takes the lock for `dbPath`, or throws InstanceLockError naming the bot that holds it. Returns the release. */
export function lockInstance (dbPath: string): () => void {
  const path = `${dbPath}.lock`
  mkdirSync(dirname(path), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return () => { rmSync(path, { force: true }) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const written = readFileSync(path, 'utf8').trim()
      // an empty lock is one being written this very moment by a bot that is starting
      if (written === '' && Date.now() - statSync(path).mtimeMs < 5_000) {
        throw new InstanceLockError(`另一个机器人进程正在启动并使用 ${dbPath}，请稍后再试 / another bot is starting on ${dbPath}`)
      }
      const pid = Number(written)
      if (pid > 0 && pid !== process.pid && running(pid)) {
        throw new InstanceLockError(`另一个机器人进程（pid ${pid}）正在使用 ${dbPath}，请先停止它再启动 / another bot (pid ${pid}) is running on ${dbPath}`)
      }
      rmSync(path, { force: true })
    }
  }
  throw new InstanceLockError(`无法锁定 ${path}`)
}
