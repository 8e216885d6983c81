// 接龙 lists from members for an activity the room does not have: answered once (the answer is in the audit log), so a
// list reposted with every new name does not flood the group.
import type { Db } from './open.js'
import { prepared } from './prepared.js'

/** Whether the room was already told that the list for `key` (title@start) was not recorded. */
export function answeredUnrecorded (db: Db, roomId: number, key: string): boolean {
  return prepared(db, 'answered-unrecorded', () => db.$client.prepare(`SELECT 1 FROM audit_log
    WHERE room_id = ? AND action = 'jielong-unrecorded' AND detail = ? LIMIT 1`)).get(roomId, JSON.stringify({ key })) !== undefined
}
