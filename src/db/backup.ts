// Nightly copies of the database with VACUUM INTO (consistent while the bot runs), keeping the last N.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { commitPending, type Db } from './open.js'
import { formatIso } from '../domain/zoned-time.js'

const NAME = /^xinlian-\d{8}-\d{6}(-\d+)?\.db$/

/** Writes a copy into `dir` and deletes the oldest beyond `keep`; returns the new file's path. */
export function backupDatabase (db: Db, dir: string, keep: number, now: number, timeZone: string): string {
  // VACUUM cannot run inside a transaction: what the bot has handled goes into the copy
  commitPending(db)
  const sqlite = db.$client
  mkdirSync(dir, { recursive: true })
  const stamp = formatIso(now, timeZone).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  let path = join(dir, `xinlian-${stamp}.db`)
  for (let n = 1; existsSync(path); n++) path = join(dir, `xinlian-${stamp}-${n}.db`)
  sqlite.prepare('VACUUM INTO ?').run(path)
  const copies = readdirSync(dir).filter(f => NAME.test(f)).sort()
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) rmSync(join(dir, old), { force: true })
  return path
}
