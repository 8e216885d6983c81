// Small facts about the deployment kept in the database (the bot's time zone, for `npm run report`).
import { eq } from 'drizzle-orm'
import type { Db } from './open.js'
import { settings } from './schema.js'

export function getSetting (db: Db, key: string): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value
}

export function setSetting (db: Db, key: string, value: string): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
}
