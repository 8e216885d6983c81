// Every name that has been on a #接龙 list of each activity, so the next list is read against them.
import type { Db } from './open.js'
import { prepared } from './prepared.js'

/** Names that have been on the activity's lists, in the order first seen; null when none has been posted. */
export function listedNames (db: Db, activityId: number): string[] | null {
  const row = prepared(db, 'jielong-latest', () => db.$client.prepare('SELECT names FROM jielong_lists WHERE activity_id = ?').pluck())
    .get(activityId) as string | undefined
  return row === undefined ? null : JSON.parse(row) as string[]
}

export function saveListedNames (db: Db, activityId: number, names: readonly string[], now: number): void {
  prepared(db, 'jielong-save', () => db.$client.prepare(`INSERT INTO jielong_lists (activity_id, names, posted_at) VALUES (?, ?, ?)
    ON CONFLICT (activity_id) DO UPDATE SET names = excluded.names, posted_at = excluded.posted_at`))
    .run(activityId, JSON.stringify(names), now)
}
