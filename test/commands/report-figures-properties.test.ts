// buildReport against a plain reading of report.md's definitions, on random databases: check-ins
// or not, 实到 overrides, companions, guests with the same name in several activities, members
// renamed, people who are members of several rooms (one contact id, a member row in each), and
// members on the lists of another room's activities (which the bot never writes, but a report
// must still count right).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/open.js'
import { buildReport } from '../../src/report/figures.js'

const TZ = 'Asia/Shanghai'
const NOV = Date.parse('2026-11-01T00:00:00+08:00')
const DAY = 24 * 3600_000
const ROOMS = ['鹿城新联会', '瓯海新联会', '同心荟']
const GUESTS = ['王阿姨', '李老师', '小陈']

interface World {
  /** contact: people share one when they are the same person (a member row in each room) */
  members: Array<{ room: number, contact: number, names: string[] }>
  activities: Array<{
    room: number
    day: number
    status: 'scheduled' | 'completed' | 'cancelled'
    override: number | null
    signups: Array<{ member: number | null, guest: number, companions: number, status: 'confirmed' | 'waitlisted' | 'cancelled' }>
    checkins: number[]
  }>
}

const worldArb: fc.Arbitrary<World> = fc.record({
  members: fc.array(fc.record({
    room: fc.nat(ROOMS.length - 1),
    contact: fc.nat(5),
    names: fc.array(fc.constantFrom('林律师', '郑主播', '吴设计', '陈会计', '周会长'), { minLength: 1, maxLength: 2 }),
  }), { minLength: 1, maxLength: 12 }),
  activities: fc.array(fc.record({
    room: fc.nat(ROOMS.length - 1),
    // some start before or after November
    day: fc.integer({ min: -3, max: 32 }),
    status: fc.constantFrom('scheduled' as const, 'completed' as const, 'completed' as const, 'cancelled' as const),
    override: fc.option(fc.nat(30), { nil: null, freq: 4 }),
    signups: fc.array(fc.record({
      member: fc.option(fc.nat(11), { nil: null, freq: 3 }),
      guest: fc.nat(GUESTS.length - 1),
      companions: fc.nat(3),
      status: fc.constantFrom('confirmed' as const, 'confirmed' as const, 'waitlisted' as const, 'cancelled' as const),
    }), { maxLength: 8 }),
    checkins: fc.array(fc.nat(11), { maxLength: 6 }),
  }), { maxLength: 10 }),
})

/** Writes the world; returns what each live list holds, as the bot's unique indexes would allow. */
function build (world: World): ReturnType<typeof openDb> {
  const store = openDb(':memory:')
  const run = (sql: string, ...params: unknown[]): number => Number(store.sqlite.prepare(sql).run(...params).lastInsertRowid)
  const roomIds = ROOMS.map((topic, i) => run('INSERT INTO rooms (wx_id, topic, enabled, created_at, updated_at) VALUES (?, ?, 1, 0, 0)', `r${i}`, topic))
  // one member row per room and contact (members_room_contact): a second one in the same room is someone else
  const taken = new Set<string>()
  const memberIds = world.members.map((m, i) => {
    const contact = taken.has(`${m.room}:${m.contact}`) ? `other${i}` : `c${m.contact}`
    taken.add(`${m.room}:${m.contact}`)
    return run('INSERT INTO members (room_id, contact_id, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)', roomIds[m.room], contact, m.names[0])
  })
  // a rename after the activities: the report shows the current name, and counts the person once
  world.members.forEach((m, i) => { if (m.names[1]) store.sqlite.prepare('UPDATE members SET name = ? WHERE id = ?').run(m.names[1], memberIds[i]) })
  for (const a of world.activities) {
    const start = NOV + a.day * DAY + 14 * 3600_000
    const id = run(`INSERT INTO activities (room_id, title, type, start_at, deadline_at, status, organizer_name, attendance_override, created_at, updated_at)
      VALUES (?, '沙龙', '沙龙', ?, ?, ?, '周会长', ?, 0, 0)`, roomIds[a.room], start, start, a.status, a.status === 'completed' ? a.override : null)
    const liveMember = new Map<number, number>()
    const liveGuest = new Set<number>()
    for (const s of a.signups) {
      const member = s.member === null ? null : s.member % memberIds.length
      if (s.status !== 'cancelled') {
        if (member !== null && liveMember.has(member)) continue
        if (member === null && liveGuest.has(s.guest)) continue
      }
      const signupId = run(`INSERT INTO signups (activity_id, member_id, guest_name, registrant_member_id, companions, status, queued_at, source, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 0, 'test', 0, 0)`, id, member === null ? null : memberIds[member], member === null ? GUESTS[s.guest] : null,
      memberIds[member ?? 0], s.companions, s.status)
      if (s.status !== 'cancelled') {
        if (member !== null) liveMember.set(member, signupId)
        else liveGuest.add(s.guest)
      }
    }
    for (const m of new Set(a.checkins.map(c => c % memberIds.length))) {
      run('INSERT INTO checkins (activity_id, member_id, signup_id, at) VALUES (?, ?, ?, 0)', id, memberIds[m], liveMember.get(m) ?? null)
    }
  }
  return store
}

/** report.md read plainly, straight from the tables, one activity at a time. */
function reference (store: ReturnType<typeof openDb>): { totals: Record<string, number>, byRoom: Record<string, { attendance: number, participants: number }> } {
  const q = <T>(sql: string, ...params: unknown[]): T[] => store.sqlite.prepare(sql).all(...params) as T[]
  const acts = q<{ id: number, room: string, status: string, attendance_override: number | null }>(
    `SELECT a.id, r.topic AS room, a.status, a.attendance_override FROM activities a JOIN rooms r ON r.id = a.room_id
     WHERE a.start_at >= ? AND a.start_at < ?`, NOV, NOV + 30 * DAY)
  const totals = { activities: 0, completed: 0, cancelled: 0, signups: 0, waitlist: 0, attendance: 0, participants: 0 }
  const everyone = new Set<string>()
  const rooms: Record<string, { attendance: number, people: Set<string> }> = {}
  for (const a of acts) {
    const room = (rooms[a.room] ??= { attendance: 0, people: new Set() })
    if (a.status === 'cancelled') {
      totals.cancelled++
      continue
    }
    totals.activities++
    // a member is a person by contact id, a guest by name within the activity
    const live = q<{ contact_id: string | null, guest_name: string | null, companions: number, status: string }>(
      `SELECT m.contact_id, s.guest_name, s.companions, s.status FROM signups s LEFT JOIN members m ON m.id = s.member_id
       WHERE s.activity_id = ? AND s.status <> 'cancelled'`, a.id)
    for (const s of live) totals[s.status === 'confirmed' ? 'signups' : 'waitlist'] += 1 + s.companions
    if (a.status !== 'completed') continue
    totals.completed++
    // the attended list: the check-ins alone when there are any, else the confirmed sign-ups with their companions
    const checkins = q<{ contact_id: string }>('SELECT m.contact_id FROM checkins c JOIN members m ON m.id = c.member_id WHERE c.activity_id = ?', a.id)
    const list = checkins.length > 0
      ? checkins.map(c => ({ key: `m${c.contact_id}`, people: 1 }))
      : live.filter(s => s.status === 'confirmed').map(s => ({ key: s.contact_id !== null ? `m${s.contact_id}` : `g${a.id}:${s.guest_name}`, people: 1 + s.companions }))
    const attendance = a.attendance_override ?? list.reduce((n, p) => n + p.people, 0)
    totals.attendance += attendance
    room.attendance += attendance
    for (const p of list) {
      everyone.add(p.key)
      room.people.add(p.key)
    }
  }
  totals.participants = everyone.size
  return { totals, byRoom: Object.fromEntries(Object.entries(rooms).map(([name, r]) => [name, { attendance: r.attendance, participants: r.people.size }])) }
}

describe('buildReport', () => {
  it('gives the totals and each room’s attendance and participants as report.md defines them', () => {
    fc.assert(fc.property(worldArb, world => {
      const store = build(world)
      try {
        const report = buildReport(store.db, { from: '2026-11-01', to: '2026-11-30', timeZone: TZ })
        const want = reference(store)
        expect(report.totals).toEqual(want.totals)
        expect(Object.fromEntries(report.byRoom.map(r => [r.room, { attendance: r.attendance, participants: r.participants }]))).toEqual(want.byRoom)
        for (const a of report.activities) {
          if (a.status !== 'completed') expect(a.participants).toEqual([])
        }
      } finally {
        store.close()
      }
    }), { numRuns: 200 })
  })
})
