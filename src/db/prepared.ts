// Statements prepared once per database and reused: the per-message path runs a dozen queries,
// and building and preparing each one again (and mapping rows through the query builder) costs
// more than running them.
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './open.js'

const caches = new WeakMap<object, Map<string, unknown>>()

/** The statement `build` makes, prepared on first use for this database and kept. */
export function prepared<T> (db: object, key: string, build: () => T): T {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(key) as T | undefined
  if (statement === undefined) {
    statement = build()
    cache.set(key, statement)
  }
  return statement
}

/**
 * A raw statement `SELECT <every column> FROM <table> WHERE <where>` whose rows have the same
 * shape as the query builder's (`"room_id" AS "roomId"`, booleans as booleans).
 */
export function rowQuery<T> (db: Db, key: string, table: SQLiteTable, where: string): {
  get: (...params: unknown[]) => T | undefined
  all: (...params: unknown[]) => T[]
} {
  return prepared(db, `row:${key}`, () => {
    const columns = Object.entries(getTableColumns(table))
    const list = columns.map(([prop, c]) => `"${c.name}" AS "${prop}"`).join(', ')
    const booleans = columns.filter(([, c]) => c.columnType === 'SQLiteBoolean').map(([prop]) => prop)
    const statement = db.$client.prepare(`SELECT ${list} FROM "${getTableName(table)}" WHERE ${where}`)
    if (booleans.length === 0) {
      return {
        get: (...params: unknown[]) => statement.get(...params) as T | undefined,
        all: (...params: unknown[]) => statement.all(...params) as T[],
      }
    }
    const fix = (row: Record<string, unknown> | undefined): T | undefined => {
      if (row) for (const b of booleans) row[b] = Boolean(row[b])
      return row as T | undefined
    }
    return {
      get: (...params: unknown[]) => fix(statement.get(...params) as Record<string, unknown> | undefined),
      all: (...params: unknown[]) => (statement.all(...params) as Array<Record<string, unknown>>).map(r => fix(r) as T),
    }
  })
}
