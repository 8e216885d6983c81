// core bench: sign-ups through Dispatcher.route + execute on a SQLite file vs one bare prepared INSERT per sign-up.
import { join } from 'node:path'
import { createApp } from '../app.js'
import { systemClock } from '../core/clock.js'
import type { IncomingMessage, RoomRef } from '../domain/records.js'
import { insertActivity } from '../db/activities.js'
import { openDb, type OpenDb } from '../db/open.js'
import { ensureMember, ensureRoom, setRoomEnabled } from '../db/membership.js'
import { silentLogger } from '../log.js'
import { benchSettings, median, progress, round, tempDir } from './util.js'

export interface CoreResult {
  signups: number
  perSec: number
  rawInsertPerSec: number
  ratio: number
}

const ACTIVITIES_PER_ROOM = 4
const MEMBERS_PER_ROOM = 250
const CAPACITY = 200

/** One sign-up to make: who, where, for which activity, and how it is written. */
interface Planned {
  room: RoomRef
  sender: { id: string, name: string }
  memberId: number
  activityId: number
  text: string
  people: number
}

/**
 * Rooms with members and open activities (capacity 200 of 250 members, so the last ones wait),
 * and the `count` sign-ups to make in them: every one a new row, rooms interleaved as traffic
 * from many groups would be. `报名 <id>`, `报名<id>` and `报名 <id> 2人` (the id is needed: each
 * room has several open activities). Built the same way for the bot and the baseline.
 */
function populate (store: OpenDb, count: number, label: string): Planned[] {
  const now = systemClock.now()
  const roomCount = Math.max(1, Math.ceil(count / (ACTIVITIES_PER_ROOM * MEMBERS_PER_ROOM)))
  const start = now + 14 * 24 * 3600_000
  const rooms = Array.from({ length: roomCount }, (_, r) => {
    const ref: RoomRef = { id: `${label}${r}@chatroom`, topic: `${label}新联会${r}`, ownerId: `wxid_${label}_${r}_owner` }
    const row = ensureRoom(store.db, ref, now)
    setRoomEnabled(store.db, row.id, true, undefined, now)
    const members = Array.from({ length: MEMBERS_PER_ROOM }, (_, m) => {
      const person = { id: `wxid_${label}_${r}_${m}`, name: `成员${r}-${m}` }
      return { person, id: ensureMember(store.db, row.id, person, now).id }
    })
    const activities = Array.from({ length: ACTIVITIES_PER_ROOM }, (_, a) => insertActivity(store.db, {
      roomId: row.id, title: `同心大讲堂 第${a + 1}期`, type: '讲座', start: start + a * 24 * 3600_000, end: null, location: '同心荟',
      capacity: CAPACITY, deadline: start + a * 24 * 3600_000, remindOffsets: null, description: null, organizerMemberId: null, organizerName: '周会长',
    }, now).id)
    return { ref, members, activities }
  })
  const planned: Planned[] = []
  for (let i = 0; i < count; i++) {
    const room = rooms[i % roomCount] as (typeof rooms)[number]
    const j = Math.floor(i / roomCount)
    const activityId = room.activities[Math.floor(j / MEMBERS_PER_ROOM) % ACTIVITIES_PER_ROOM] as number
    const member = room.members[j % MEMBERS_PER_ROOM] as (typeof room.members)[number]
    const form = i % 10
    const text = form < 7 ? `报名 ${activityId}` : form < 9 ? `报名${activityId}` : `报名 ${activityId} 2人`
    planned.push({ room: room.ref, sender: member.person, memberId: member.id, activityId, text, people: form < 9 ? 1 : 2 })
  }
  return planned
}

/** Untimed sign-ups first, in their own room, so the JIT has seen the path. */
const warmupSize = (count: number): number => Math.min(1000, Math.ceil(count / 4))

/** Sign-ups per second through the dispatcher, on a fresh database; a warm-up room goes first, untimed. */
function dispatchRun (count: number): number {
  const { dir, cleanup } = tempDir('core')
  const store = openDb(join(dir, 'core.db'))
  try {
    const core = createApp({ db: store.db, clock: systemClock, log: silentLogger, settings: benchSettings(), autoSend: false })
    const send = (p: Planned, id: string): void => {
      const msg: IncomingMessage = { id, kind: 'text', at: systemClock.now(), room: p.room, sender: p.sender, text: p.text, mentions: [], mentionsBot: false, self: false }
      const route = core.dispatcher.route(msg, '新联小助手')
      if (!route) throw new Error(`not routed: ${p.text}`)
      const outcome = core.dispatcher.execute(msg, route, null)
      if (outcome !== 'handled') throw new Error(`core bench: ${p.text} was ${outcome}, not handled`)
    }
    const warmup = populate(store, warmupSize(count), 'warm')
    warmup.forEach((p, i) => send(p, `w${i}`))
    const planned = populate(store, count, 'core')
    const rows = store.sqlite.prepare('SELECT count(*) AS n FROM signups').pluck()
    const before = rows.get() as number
    const started = performance.now()
    planned.forEach((p, i) => send(p, `m${i}`))
    const ms = performance.now() - started
    const added = (rows.get() as number) - before
    if (added !== count) throw new Error(`core bench: expected ${count} new sign-ups, found ${added}`)
    return count / (ms / 1000)
  } finally {
    store.close()
    cleanup()
  }
}

/** The baseline: the same rows, one prepared INSERT in one transaction each, same openDb settings and indexes. */
function rawInsertRun (count: number): number {
  const { dir, cleanup } = tempDir('raw')
  const store = openDb(join(dir, 'raw.db'))
  try {
    const insert = store.sqlite.prepare(`INSERT INTO signups
      (activity_id, member_id, guest_name, registrant_member_id, companions, status, queued_at, source, created_at, updated_at)
      VALUES (?, ?, NULL, ?, ?, 'confirmed', ?, 'reply', ?, ?)`)
    const one = store.sqlite.transaction((p: Planned, now: number) => insert.run(p.activityId, p.memberId, p.memberId, p.people - 1, now, now, now))
    const warmup = populate(store, warmupSize(count), 'warm')
    for (const p of warmup) one.immediate(p, systemClock.now())
    const planned = populate(store, count, 'core')
    const started = performance.now()
    for (const p of planned) one.immediate(p, systemClock.now())
    const ms = performance.now() - started
    return count / (ms / 1000)
  } finally {
    store.close()
    cleanup()
  }
}

/** Dispatcher and bare inserts alternating, each on a fresh file, `rounds` each; medians. */
export function measureCore (signups: number, rounds: number): CoreResult {
  const perSec: number[] = []
  const raw: number[] = []
  for (let r = 0; r < rounds; r++) {
    const runs = r % 2 === 0 ? [() => perSec.push(dispatchRun(signups)), () => raw.push(rawInsertRun(signups))] : [() => raw.push(rawInsertRun(signups)), () => perSec.push(dispatchRun(signups))]
    for (const run of runs) run()
    progress(`core round ${r + 1}/${rounds}: dispatch ${Math.round(perSec.at(-1) ?? 0)}/s, raw insert ${Math.round(raw.at(-1) ?? 0)}/s`)
  }
  const p = median(perSec)
  const b = median(raw)
  return { signups, perSec: round(p, 1), rawInsertPerSec: round(b, 1), ratio: round(p / b, 3) }
}
