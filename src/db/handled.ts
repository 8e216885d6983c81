// Message ids already handled: a duplicate delivery is recognised and changes nothing.
import { eq, lt } from 'drizzle-orm'
import type { Db } from './open.js'
import { handledMessages } from './schema.js'

export function wasHandled (db: Db, msgId: string): boolean {
  return db.select({ id: handledMessages.msgId }).from(handledMessages).where(eq(handledMessages.msgId, msgId)).get() !== undefined
}

/** Records the id; false when it was already there. */
export function markHandled (db: Db, msgId: string, now: number): boolean {
  return db.insert(handledMessages).values({ msgId, at: now }).onConflictDoNothing().returning({ id: handledMessages.msgId }).all().length > 0
}

/** Forget ids older than `before`: puppets do not redeliver after days. */
export function pruneHandled (db: Db, before: number): number {
  return db.delete(handledMessages).where(lt(handledMessages.at, before)).run().changes
}
