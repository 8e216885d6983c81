// The hook for an activity's pictures (the evidence work's `photos` table, files in photos/ beside
// the database): listed when the table exists, nothing otherwise, so the pages work before and after it lands.
import { dirname, join, resolve } from 'node:path'
import type { Db } from '../db/open.js'

export interface PhotoRef {
  id: number
  sha256: string
  ext: string
  senderName: string
  at: number
}

const EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic'])

function hasPhotosTable (db: Db): boolean {
  return db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'photos'").get() !== undefined
}

export function activityPhotos (db: Db, activityId: number): PhotoRef[] {
  if (!hasPhotosTable(db)) return []
  const rows = db.$client.prepare('SELECT id, sha256, ext, sender_name AS senderName, at FROM photos WHERE activity_id = ? ORDER BY at, id').all(activityId) as PhotoRef[]
  return rows.filter(p => /^[0-9a-f]{64}$/.test(p.sha256) && EXTENSIONS.has(p.ext))
}

/** The file of one picture of the activity, or null (no such picture of this activity, or an in-memory database). */
export function photoFile (db: Db, activityId: number, photoId: number): { path: string, ext: string } | null {
  const photo = activityPhotos(db, activityId).find(p => p.id === photoId)
  const name = db.$client.name
  if (!photo || name === ':memory:' || name === '' || name.startsWith('file:')) return null
  return { path: join(dirname(resolve(name)), 'photos', `${photo.sha256}.${photo.ext}`), ext: photo.ext }
}
