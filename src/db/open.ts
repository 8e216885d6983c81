// Opening the SQLite database: WAL, foreign keys, a busy timeout, and the drizzle-kit migrations
// from migrations/ applied before anything else touches it (tests use ':memory:' the same way).
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url))

export interface OpenDb {
  db: Db
  sqlite: Database.Database
  close (): void
}

export function openDb (path: string): OpenDb {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder: MIGRATIONS_DIR })
  return {
    db,
    sqlite,
    close () {
      if (sqlite.open) sqlite.close()
    },
  }
}

/** Run fn in one write transaction (BEGIN IMMEDIATE): all of it happens, or none of it. */
export function inTransaction<T> (db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate()
}
