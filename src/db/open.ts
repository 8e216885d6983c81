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

/** migrations/ at the project root: two levels up both from src/db/ (tsx) and from dist/bundle/ (npm start). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url))

export interface OpenDb {
  db: Db
  sqlite: Database.Database
  close (): void
}

/**
 * Whether an existing file is a SQLite database of something else: it has tables, but not the migrations table every
 * database of the bot has. Such a file is refused, never migrated into. (Not SQLite at all: better-sqlite3 throws.)
 */
export function isOtherDatabase (path: string): boolean {
  const probe = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    return tables.length > 0 && !tables.includes('__drizzle_migrations')
  } finally {
    probe.close()
  }
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
      if (!sqlite.open) return
      commitPending(db)
      sqlite.close()
    },
  }
}

const runners = new WeakMap<Database.Database, Database.Transaction<(fn: () => unknown) => unknown>>()

/**
 * Run fn in one write transaction (BEGIN IMMEDIATE): all of it happens, or none of it. Inside
 * another transaction it becomes a savepoint.
 */
export function inTransaction<T> (db: Db, fn: () => T): T {
  let runner = runners.get(db.$client)
  if (!runner) {
    runner = db.$client.transaction((f: () => unknown) => f())
    runners.set(db.$client, runner)
  }
  return runner.immediate(fn) as T
}

/**
 * Group commit: messages handled close together share one transaction, each in a savepoint of
 * its own, committed at the end of the event-loop turn or after MAX_BATCH messages. A durable
 * commit costs more than all of a sign-up's statements together, so this is where throughput
 * comes from. Nothing leaves the bot before its batch is committed: the outbox (and anything
 * else with an effect outside the database) calls commitPending first.
 */
const MAX_BATCH = 64

interface Batch {
  count: number
  timer: NodeJS.Immediate
}

const batches = new WeakMap<Database.Database, Batch>()
const commitErrorHandlers = new WeakMap<Database.Database, (err: unknown) => void>()

/** Who hears about a batch that could not be committed (its messages are lost; never silently). */
export function onCommitError (db: Db, handler: (err: unknown) => void): void {
  commitErrorHandlers.set(db.$client, handler)
}

function commitLater (db: Db): void {
  try {
    commitPending(db)
  } catch (err) {
    const handler = commitErrorHandlers.get(db.$client)
    if (handler) handler(err)
    else process.stderr.write(`group commit failed: ${String(err)}\n`)
  }
}

export function inGroupCommit<T> (db: Db, fn: () => T): T {
  const sqlite = db.$client
  let batch = batches.get(sqlite)
  if (!batch && !sqlite.inTransaction) {
    sqlite.exec('BEGIN IMMEDIATE')
    batch = { count: 0, timer: setImmediate(() => commitLater(db)) }
    batches.set(sqlite, batch)
  }
  try {
    return inTransaction(db, fn)
  } finally {
    if (batch && ++batch.count >= MAX_BATCH) commitPending(db)
  }
}

/** Commits the open batch, if any. */
export function commitPending (db: Db): void {
  const sqlite = db.$client
  const batch = batches.get(sqlite)
  if (!batch) return
  batches.delete(sqlite)
  clearImmediate(batch.timer)
  if (!sqlite.inTransaction) return
  try {
    sqlite.exec('COMMIT')
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw err
  }
}
