// Nightly copies of the database with VACUUM INTO (consistent while the bot runs), keeping the last N,
// and the activity pictures beside them in one photos/ folder (files named by content: a copy there is the same).
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { commitPending, type Db } from './open.js'
import { photosDir } from './photos.js'
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
  backupPhotos(db, dir)
  return path
}

/** A picture file's name: its sha256 and its type (db/photos.ts). */
const PHOTO_NAME = /^[0-9a-f]{64}\.(?:jpg|png|gif|webp)$/

/**
 * Copies the pictures not yet there into `dir/photos` (each written whole under a temporary name,
 * then renamed); returns how many were copied. Pictures are never deleted from the backup: a
 * database copy kept from before a #删除照片 still names them.
 */
export function backupPhotos (db: Db, dir: string): number {
  const from = photosDir(db)
  if (!existsSync(from)) return 0
  const to = join(dir, 'photos')
  let copied = 0
  for (const name of readdirSync(from)) {
    if (!PHOTO_NAME.test(name)) continue
    mkdirSync(to, { recursive: true })
    const target = join(to, name)
    if (existsSync(target) && statSync(target).size === statSync(join(from, name)).size) continue
    copyFileSync(join(from, name), `${target}.tmp`)
    renameSync(`${target}.tmp`, target)
    copied++
  }
  return copied
}
