// What the #接龙 lists of each activity have said so far, so the next list is read against them:
// every name that has been on one (is a name new?) and the latest list (did the sender take their
// own line away?).
import type { Db } from './open.js'
import { prepared } from './prepared.js'

export interface ListedNames {
  /** every name that has been on a list of the activity, in the order first seen */
  listed: string[]
  /** the names on the latest list */
  latest: string[]
}

/** The activity's lists so far, or null when none has been posted. */
export function listedNames (db: Db, activityId: number): ListedNames | null {
  const row = prepared(db, 'jielong-latest', () => db.$client.prepare('SELECT names FROM jielong_lists WHERE activity_id = ?').pluck())
    .get(activityId) as string | undefined
  if (row === undefined) return null
  const stored = JSON.parse(row) as string[] | ListedNames
  // rows written before the union was kept hold the latest list alone
  return Array.isArray(stored) ? { listed: stored, latest: stored } : stored
}

export function saveListedNames (db: Db, activityId: number, names: ListedNames, now: number): void {
  prepared(db, 'jielong-save', () => db.$client.prepare(`INSERT INTO jielong_lists (activity_id, names, posted_at) VALUES (?, ?, ?)
    ON CONFLICT (activity_id) DO UPDATE SET names = excluded.names, posted_at = excluded.posted_at`))
    .run(activityId, JSON.stringify(names), now)
}
