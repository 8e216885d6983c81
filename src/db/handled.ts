// Message ids already handled: a duplicate delivery is recognised and changes nothing.
import { lt } from 'drizzle-orm'
import type { Db } from './open.js'
import { prepared } from './prepared.js'
import { handledMessages } from './schema.js'

/** Records the id; false when it was already there. */
export function markHandled (db: Db, msgId: string, now: number): boolean {
  return prepared(db, 'mark-handled', () => db.$client.prepare('INSERT INTO handled_messages (msg_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING'))
    .run(msgId, now).changes > 0
}

/** Forget ids older than `before`: puppets do not redeliver after days. */
export function pruneHandled (db: Db, before: number): number {
  return db.delete(handledMessages).where(lt(handledMessages.at, before)).run().changes
}
