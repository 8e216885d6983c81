// A large, realistic database for the report bench (~3 years, ~300 rooms), generated once per size and cached under data/bench/.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS_DIR, openDb } from '../db/open.js'
import { ACTIVITY_TYPES } from '../domain/activity-type.js'
import { fromWall } from '../domain/zoned-time.js'
import { progress, prng, PROJECT_ROOT, TZ } from './util.js'

export interface ReportSizes {
  activities: number
  signups: number
}

/** Bump when the generated data changes, so stale caches are not reused (new migrations are applied by openDb as to any database). */
const DATA_VERSION = 2
const ROOMS = 300
const DAY = 24 * 3600_000

export const BENCH_DATA_DIR = join(PROJECT_ROOT, 'data', 'bench')

/** Activities start from here for three years; "now" for their status is NOW (so the last months are still scheduled). */
const SPAN_START = fromWall({ year: 2024, month: 1, day: 1 }, TZ)
const SPAN_END = fromWall({ year: 2027, month: 1, day: 1 }, TZ)
const NOW = fromWall({ year: 2026, month: 9, day: 15 }, TZ)

/** Changes whenever the migrations do: a cached database is only reused with the schema it was made with. */
function schemaStamp (): string {
  const hash = createHash('sha1')
  for (const f of readdirSync(MIGRATIONS_DIR).filter(f => f.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)))
  return hash.digest('hex').slice(0, 8)
}

export function reportDbPath (sizes: ReportSizes): string {
  return join(BENCH_DATA_DIR, `report-a${sizes.activities}-s${sizes.signups}-v${DATA_VERSION}-${schemaStamp()}.db`)
}

/** The cached database for these sizes, generated first when there is none. */
export function ensureReportDb (sizes: ReportSizes): string {
  const path = reportDbPath(sizes)
  if (existsSync(path)) {
    progress(`report: using the cached database ${path} (delete it to regenerate)`)
    return path
  }
  mkdirSync(BENCH_DATA_DIR, { recursive: true })
  const partial = `${path}.partial`
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true })
  const started = performance.now()
  progress(`report: generating ${sizes.activities} activities and ${sizes.signups} sign-ups into ${path} (once; cached for later runs)`)
  generate(partial, sizes)
  renameSync(partial, path)
  progress(`report: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return path
}

/** Exactly `total` spread over `n` buckets around the mean, varied in pairs so the sum stays exact. */
function spread (total: number, n: number, random: () => number): number[] {
  const base = Math.floor(total / n)
  const counts = Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0))
  const swing = Math.floor(base * 0.8)
  for (let i = 0; i + 1 < n; i += 2) {
    const d = Math.floor(random() * (swing + 1))
    counts[i] = (counts[i] as number) + d
    counts[i + 1] = (counts[i + 1] as number) - d
  }
  return counts
}

function generate (path: string, sizes: ReportSizes): void {
  // the real schema and migrations; the secondary indexes of the big tables are dropped during
  // the load and rebuilt from their own definitions after it (much faster than row by row)
  const store = openDb(path)
  const db = store.sqlite
  const bigTables = ['signups', 'checkins']
  const indexSql = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bigTables.map(() => '?').join(', ')})`)
    .all(...bigTables) as Array<{ name: string, sql: string }>
  for (const { name } of indexSql) db.exec(`DROP INDEX "${name}"`)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -400000')

  const random = prng(20261101)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const batch = (fn: () => void): void => { db.transaction(fn)() }

  // rooms and their members
  const roomMembers: Array<{ first: number, count: number }> = []
  batch(() => {
    const room = db.prepare('INSERT INTO rooms (wx_id, topic, report_name, enabled, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
    const member = db.prepare('INSERT INTO members (room_id, contact_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    for (let r = 1; r <= ROOMS; r++) {
      const topic = `新联会${r}群`
      room.run(`bench${r}@chatroom`, topic, r % 3 === 0 ? `同心荟${r}` : null, SPAN_START, SPAN_START)
      const count = 60 + Math.floor(random() * 100)
      let first = 0
      for (let m = 0; m < count; m++) {
        const id = Number(member.run(r, `wxid_b${r}_${m}`, `会员${r}-${m}`, SPAN_START, SPAN_START).lastInsertRowid)
        if (m === 0) first = id
      }
      roomMembers.push({ first, count })
    }
  })

  // activities in start order (ids grow with time, as they would), statuses as of NOW
  const perActivity = spread(sizes.signups, sizes.activities, random)
  const activity = db.prepare(`INSERT INTO activities (room_id, title, type, start_at, end_at, location, capacity, deadline_at, status,
    organizer_member_id, organizer_name, attendance_override, completed_at, cancelled_at, cancel_reason, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const signup = db.prepare(`INSERT INTO signups (activity_id, member_id, guest_name, registrant_member_id, companions, status, queued_at, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const checkin = db.prepare('INSERT INTO checkins (activity_id, member_id, signup_id, at) VALUES (?, ?, ?, ?)')
  // the roster counters the bot keeps with every sign-up (db/signups.ts)
  const counters = db.prepare('UPDATE activities SET seats_taken = ?, waiting = ? WHERE id = ?')
  const starts = Array.from({ length: sizes.activities }, () => {
    const t = SPAN_START + random() * (SPAN_END - SPAN_START)
    return Math.floor(t / 1800_000) * 1800_000
  }).sort((a, b) => a - b)
  const places = ['新新之家·同心荟', '市民中心三楼', '同心书房', '创业园报告厅', null]
  const CHUNK = 5000
  for (let from = 0; from < sizes.activities; from += CHUNK) {
    batch(() => {
      for (let i = from; i < Math.min(from + CHUNK, sizes.activities); i++) {
        const roomId = 1 + Math.floor(random() * ROOMS)
        const room = roomMembers[roomId - 1] as { first: number, count: number }
        const start = starts[i] as number
        const type = random() < 0.85 ? pick(ACTIVITY_TYPES.slice(0, 6)) : '其他'
        const capacity = random() < 0.4 ? null : 20 + Math.floor(random() * 40)
        const r = random()
        const status = start < NOW ? (r < 0.07 ? 'cancelled' : r < 0.1 ? 'scheduled' : 'completed') : (r < 0.05 ? 'cancelled' : 'scheduled')
        const override = status === 'completed' && random() < 0.15 ? 10 + Math.floor(random() * 60) : null
        const created = start - (3 + Math.floor(random() * 20)) * DAY
        const activityId = Number(activity.run(roomId, `${type}活动 第${i + 1}期`, type, start, random() < 0.8 ? start + 2 * 3600_000 : null,
          pick(places), capacity, start - Math.floor(random() * 2) * DAY, status, room.first, `会员${roomId}-0`, override,
          status === 'completed' ? start + 3 * 3600_000 : null, status === 'cancelled' ? start - DAY : null,
          status === 'cancelled' ? '天气原因' : null, created, created).lastInsertRowid)

        // sign-ups: distinct members of the room, some guests, some companions; seats fill, then a waitlist
        const n = perActivity[i] as number
        const offset = Math.floor(random() * room.count)
        const checkins = status === 'completed' && random() < 0.6
        let seats = 0
        let waiting = 0
        for (let j = 0; j < n; j++) {
          const memberId = room.first + ((offset + j) % room.count)
          const guest = random() < 0.08
          const companions = !guest && random() < 0.1 ? 1 + Math.floor(random() * 2) : 0
          const at = created + Math.floor(random() * 2 * DAY) + j * 60_000
          let state: 'confirmed' | 'waitlisted' | 'cancelled'
          if (random() < 0.05) state = 'cancelled'
          else if (capacity === null || seats + 1 + companions <= capacity) state = 'confirmed'
          else state = 'waitlisted'
          if (state === 'confirmed') seats += 1 + companions
          if (state === 'waitlisted') waiting++
          const signupId = Number(signup.run(activityId, guest ? null : memberId, guest ? `嘉宾${j + 1}` : null, memberId, companions, state,
            at, guest ? 'proxy' : 'reply', at, at).lastInsertRowid)
          if (checkins && !guest && state === 'confirmed' && random() < 0.85) checkin.run(activityId, memberId, signupId, start + Math.floor(random() * 3600_000))
        }
        counters.run(seats, waiting, activityId)
        // a walk-in or two: a member of the room who did not sign up (outside the sign-up range)
        if (checkins && random() < 0.3 && n < room.count) {
          checkin.run(activityId, room.first + ((offset + n) % room.count), null, start + 600_000)
        }
      }
    })
    if ((from / CHUNK) % 10 === 9) progress(`report: ${Math.min(from + CHUNK, sizes.activities)}/${sizes.activities} activities written`)
  }
  progress('report: rebuilding indexes')
  for (const { sql } of indexSql) db.exec(sql)
  db.pragma('journal_mode = WAL')
  store.close()
}
