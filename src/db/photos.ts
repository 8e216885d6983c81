// Pictures kept as an activity's evidence: the files beside the database (photos/, one file per
// content, named by its sha256, written whole before the row that names it commits) and the rows.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Db } from './open.js'
import { prepared } from './prepared.js'

export interface PhotoRow {
  id: number
  activityId: number
  sha256: string
  ext: string
  bytes: number
  width: number | null
  height: number | null
  senderMemberId: number | null
  senderName: string
  originalName: string | null
  msgId: string | null
  at: number
}

const dirs = new WeakMap<object, string>()

/**
 * Where the pictures of this database are: `photos/` beside the database file; for an in-memory
 * database (tests, a replay without --db) a temporary folder of its own.
 */
export function photosDir (db: Db): string {
  const known = dirs.get(db.$client)
  if (known) return known
  const name = db.$client.name
  const dir = name === ':memory:' || name === '' || name.startsWith('file:')
    ? temporaryDir()
    : join(dirname(resolve(name)), 'photos')
  dirs.set(db.$client, dir)
  return dir
}

const temporary: string[] = []

/** A folder for the pictures of an in-memory database, gone with the process as the database is. */
function temporaryDir (): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinlian-photos-'))
  if (temporary.length === 0) process.once('exit', () => { for (const d of temporary) rmSync(d, { recursive: true, force: true }) })
  temporary.push(dir)
  return dir
}

/** Puts the pictures of this database elsewhere (tests of a full or read-only disk). */
export function setPhotosDir (db: Db, dir: string): void {
  dirs.set(db.$client, dir)
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export function photoPath (db: Db, photo: Pick<PhotoRow, 'sha256' | 'ext'>): string {
  return join(photosDir(db), `${photo.sha256}.${photo.ext}`)
}

/**
 * Writes the picture's file unless the same content is already there: into a temporary file,
 * flushed to disk, then renamed into place, so a crash leaves either the whole file or none.
 * Throws on a full disk or a folder it may not write (the caller's transaction then rolls back).
 */
export function writePhotoFile (db: Db, sha256: string, ext: string, bytes: Uint8Array): string {
  const path = photoPath(db, { sha256, ext })
  if (existsSync(path) && statSync(path).size === bytes.length) return path
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    const fd = openSync(tmp, 'w', 0o644)
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
  // the rename itself is durable once the folder is flushed (not possible on every platform)
  try {
    const dirFd = openSync(dirname(path), 'r')
    try { fsyncSync(dirFd) } finally { closeSync(dirFd) }
  } catch { /* best effort */ }
  return path
}

export function readPhotoFile (db: Db, photo: Pick<PhotoRow, 'sha256' | 'ext'>): Buffer | null {
  try {
    return readFileSync(photoPath(db, photo))
  } catch {
    return null
  }
}

const COLUMNS = `id, activity_id AS activityId, sha256, ext, bytes, width, height, sender_member_id AS senderMemberId,
  sender_name AS senderName, original_name AS originalName, msg_id AS msgId, at`

/** The activity's pictures, numbered as the activity record shows them (1 = the first kept). */
export function photosOf (db: Db, activityId: number): PhotoRow[] {
  return prepared(db, 'photos-of', () => db.$client.prepare(`SELECT ${COLUMNS} FROM photos WHERE activity_id = ? ORDER BY at, id`))
    .all(activityId) as PhotoRow[]
}

export function photoCount (db: Db, activityId: number): number {
  return prepared(db, 'photo-count', () => db.$client.prepare('SELECT count(*) FROM photos WHERE activity_id = ?').pluck())
    .get(activityId) as number
}

export function hasPhoto (db: Db, activityId: number, sha256: string): boolean {
  return prepared(db, 'photo-has', () => db.$client.prepare('SELECT 1 FROM photos WHERE activity_id = ? AND sha256 = ?').pluck())
    .get(activityId, sha256) !== undefined
}

export function insertPhoto (db: Db, row: Omit<PhotoRow, 'id'>): number {
  return Number(prepared(db, 'photo-insert', () => db.$client.prepare(`INSERT INTO photos
    (activity_id, sha256, ext, bytes, width, height, sender_member_id, sender_name, original_name, msg_id, at)
    VALUES (@activityId, @sha256, @ext, @bytes, @width, @height, @senderMemberId, @senderName, @originalName, @msgId, @at)`))
    .run(row).lastInsertRowid)
}

export function deletePhoto (db: Db, id: number): void {
  prepared(db, 'photo-delete', () => db.$client.prepare('DELETE FROM photos WHERE id = ?')).run(id)
}

/** Whether any activity still keeps this content (its file is then still needed). */
export function contentInUse (db: Db, sha256: string): boolean {
  return prepared(db, 'photo-in-use', () => db.$client.prepare('SELECT 1 FROM photos WHERE sha256 = ? LIMIT 1').pluck()).get(sha256) !== undefined
}

/** `#照片 <id>`: this sender's pictures in the room go to the activity until `until`. */
export function setPhotoTarget (db: Db, roomId: number, contactId: string, activityId: number, until: number): void {
  prepared(db, 'photo-target-set', () => db.$client.prepare(`INSERT INTO photo_targets (room_id, contact_id, activity_id, until)
    VALUES (?, ?, ?, ?) ON CONFLICT (room_id, contact_id) DO UPDATE SET activity_id = excluded.activity_id, until = excluded.until`))
    .run(roomId, contactId, activityId, until)
}

export function photoTarget (db: Db, roomId: number, contactId: string, now: number): number | null {
  return (prepared(db, 'photo-target-get', () => db.$client.prepare('SELECT activity_id FROM photo_targets WHERE room_id = ? AND contact_id = ? AND until >= ?').pluck())
    .get(roomId, contactId, now) as number | undefined) ?? null
}

/** Activities of the room (not cancelled) whose evidence window may hold `now`; the domain decides exactly. */
export function photoCandidates (db: Db, roomId: number, now: number, leadMs: number, tailMs: number, durationMs: number): Array<{ id: number, startAt: number, endAt: number | null }> {
  return prepared(db, 'photo-candidates', () => db.$client.prepare(`SELECT id, start_at AS startAt, end_at AS endAt FROM activities
    WHERE room_id = @roomId AND status <> 'cancelled' AND start_at <= @now + @lead AND coalesce(end_at, start_at + @duration) + @tail >= @now`))
    .all({ roomId, now, lead: leadMs, tail: tailMs, duration: durationMs }) as Array<{ id: number, startAt: number, endAt: number | null }>
}

/** The activities among `ids` the member is signed up for (confirmed or waiting) or checked in to. */
export function activitiesOfMember (db: Db, memberId: number, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set()
  const rows = prepared(db, 'photo-member-activities', () => db.$client.prepare(`
    SELECT activity_id FROM signups WHERE member_id = @m AND status <> 'cancelled' AND activity_id IN (SELECT value FROM json_each(@ids))
    UNION SELECT activity_id FROM checkins WHERE member_id = @m AND activity_id IN (SELECT value FROM json_each(@ids))`).pluck())
    .all({ m: memberId, ids: JSON.stringify(ids) }) as number[]
  return new Set(rows)
}

/** Whether the sender of the picture over the limit has been told already (answered once per activity). */
export function photoLimitTold (db: Db, activityId: number): boolean {
  return prepared(db, 'photo-limit-told', () => db.$client.prepare("SELECT 1 FROM audit_log WHERE action = 'photo-limit' AND entity = 'activity' AND entity_id = ? LIMIT 1").pluck())
    .get(activityId) !== undefined
}

/** Removes a picture's file once no activity keeps its content. */
export function removePhotoFileIfUnused (db: Db, photo: Pick<PhotoRow, 'sha256' | 'ext'>): void {
  if (!contentInUse(db, photo.sha256)) rmSync(photoPath(db, photo), { force: true })
}
