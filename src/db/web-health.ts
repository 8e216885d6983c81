// What /healthz says about the bot, without personal data: when it last handled a message and how
// many messages wait in the outbox.
import type { Db } from './open.js'
import { prepared } from './prepared.js'

export function lastMessageAt (db: Db): number | null {
  return prepared(db, 'web-last-message', () => db.$client.prepare('SELECT max(at) FROM handled_messages').pluck()).get() as number | null
}

export function outboxWaiting (db: Db): number {
  return prepared(db, 'web-outbox-waiting', () => db.$client.prepare("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").pluck()).get() as number
}

/** The rooms a page may list: every room with activities or enabled, by id. */
export function roomsForPages (db: Db): Array<{ id: number, name: string, enabled: boolean }> {
  return (prepared(db, 'web-rooms', () => db.$client.prepare(`
    SELECT id, coalesce(report_name, topic) AS name, enabled FROM rooms r
    WHERE enabled = 1 OR EXISTS (SELECT 1 FROM activities a WHERE a.room_id = r.id) ORDER BY id`)).all() as Array<{ id: number, name: string, enabled: number }>)
    .map(r => ({ ...r, enabled: r.enabled === 1 }))
}
