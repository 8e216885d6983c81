// Migrations upgrade a database that already holds data: a bot updated in place keeps its rosters.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, openDb } from '../../src/db/open.js'
import { rosterCounts } from '../../src/db/signups.js'

const dirs: string[] = []
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

/** A copy of migrations/ that stops after the first `count` migrations. */
function migrationsUpTo (count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'xl-mig-'))
  dirs.push(dir)
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  const journalPath = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] }
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

describe('0002_roster_counters', () => {
  it('fills the new counters from the sign-ups already there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-mig-db-'))
    dirs.push(dir)
    const path = join(dir, 'bot.db')
    const old = new Database(path)
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(2) })
    const run = (sql: string, ...params: unknown[]): void => { old.prepare(sql).run(...params) }
    run("INSERT INTO rooms (id, wx_id, topic, enabled, created_at, updated_at) VALUES (1, 'r1', '鹿城新联会', 1, 0, 0)")
    for (let m = 1; m <= 5; m++) run("INSERT INTO members (id, room_id, contact_id, name, created_at, updated_at) VALUES (?, 1, ?, ?, 0, 0)", m, `c${m}`, `成员${m}`)
    for (const id of [1, 2]) {
      run(`INSERT INTO activities (id, room_id, title, type, start_at, deadline_at, capacity, organizer_name, created_at, updated_at)
        VALUES (?, 1, '沙龙', '沙龙', 0, 0, 4, '周会长', 0, 0)`, id)
    }
    const signup = (activity: number, member: number, companions: number, status: string): void =>
      run(`INSERT INTO signups (activity_id, member_id, registrant_member_id, companions, status, queued_at, source, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, 0, 'reply', 0, 0)`, activity, member, member, companions, status)
    signup(1, 1, 2, 'confirmed')
    signup(1, 2, 0, 'confirmed')
    signup(1, 3, 1, 'waitlisted')
    signup(1, 4, 0, 'waitlisted')
    signup(1, 5, 3, 'cancelled')
    old.close()

    const store = openDb(path)
    try {
      expect(rosterCounts(store.db, 1)).toEqual({ taken: 4, waiting: 2 })
      expect(rosterCounts(store.db, 2)).toEqual({ taken: 0, waiting: 0 })
    } finally {
      store.close()
    }
  })
})
