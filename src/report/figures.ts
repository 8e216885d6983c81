// The one query layer for figures: a period's activities, sign-ups, attendance and participants,
// computed with a few set-based queries. #月报, the 台账, the chart, the monthly push and
// `npm run report` are all views of what buildReport returns (definitions in report.md).
import type { Db } from '../db/open.js'
import { prepared } from '../db/prepared.js'
import { ACTIVITY_TYPES } from '../domain/activity-type.js'
import { addDays, daysInMonth, formatIso, fromWall } from '../domain/zoned-time.js'
import type { ActivityStatus, ActivityType, Report, ReportActivity, ReportByRoom, ReportByType } from './types.js'

export interface Period {
  /** YYYY-MM-DD, inclusive */
  from: string
  /** YYYY-MM-DD, inclusive */
  to: string
  timeZone: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{1,2})$/

function readDate (date: string): { year: number, month: number, day: number } | null {
  const m = DATE.exec(date)
  if (!m) return null
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null
  return d
}

export function isValidDate (date: string): boolean {
  return readDate(date) !== null
}

/** The month `YYYY-MM` as a period of whole days; null when it is not a month. */
export function monthPeriod (month: string, timeZone: string): Period | null {
  const m = MONTH.exec(month)
  if (!m) return null
  const year = Number(m[1])
  const mon = Number(m[2])
  if (mon < 1 || mon > 12) return null
  const pad = String(mon).padStart(2, '0')
  return { from: `${year}-${pad}-01`, to: `${year}-${pad}-${String(daysInMonth(year, mon)).padStart(2, '0')}`, timeZone }
}

/** [start, end) in epoch ms: from the first day's midnight to the midnight after the last day, in the zone. */
export function periodBounds (p: Period): { start: number, end: number } {
  const from = readDate(p.from)
  const to = readDate(p.to)
  if (!from || !to) throw new Error(`not a period: ${p.from} – ${p.to}`)
  return { start: fromWall(from, p.timeZone), end: fromWall(addDays(to, 1), p.timeZone) }
}

interface ActivityRecord {
  id: number
  room: string
  title: string
  type: string
  start_at: number
  end_at: number | null
  location: string | null
  capacity: number | null
  deadline_at: number
  status: ActivityStatus
  organizer_name: string
  attendance_override: number | null
  completion_note: string | null
  cancel_reason: string | null
  signups: number
  waitlist: number
  checkins: number
}

/** The attended list of one completed activity, aggregated by SQLite. */
interface AttendedRecord {
  activity_id: number
  /** people: the list plus companions */
  people: number
  /** in step: member ids ('' for a guest) joined by commas, guest names ('' for a member) joined by U+001F */
  member_ids: string
  guests: string
}

export interface ReportOptions extends Period {
  /** only these rooms (rooms.id); all rooms when absent */
  roomIds?: readonly number[]
}

/** One person on an attended list: a member (one identity across name changes) or a guest of that activity. */
const personKey = (activityId: number, memberId: number | null, name: string): string | number => (memberId !== null ? memberId : `g${activityId}:${name}`)

/** An attended list: its people (with companions), and member id (null for a guest) and name of each on it. */
interface AttendedList {
  people: number
  memberIds: Array<number | null>
  names: string[]
}

interface Collected {
  rows: ActivityRecord[]
  attended: Map<number, AttendedList>
}

/** Which activities: one, or those starting in [start, end) (of some rooms). */
type Scope = { activityId: number } | { start: number, end: number, roomIds?: readonly number[] }

function scopeSql (scope: Scope): { where: string, params: Record<string, unknown>, key: string } {
  if ('activityId' in scope) return { where: 'a.id = @id', params: { id: scope.activityId }, key: 'one' }
  const params: Record<string, unknown> = { start: scope.start, end: scope.end }
  if (!scope.roomIds) return { where: 'a.start_at >= @start AND a.start_at < @end', params, key: 'period' }
  params['rooms'] = JSON.stringify(scope.roomIds)
  return { where: 'a.start_at >= @start AND a.start_at < @end AND a.room_id IN (SELECT value FROM json_each(@rooms))', params, key: 'period-rooms' }
}

/**
 * The raw figures of the activities in scope, in two queries (prepared once): the activities
 * with their counts (each read from a covering index), and the attended lists of the completed
 * ones, aggregated per activity by SQLite rather than row by row in JavaScript.
 */
function collect (db: Db, scope: Scope): Collected {
  const { where, params, key } = scopeSql(scope)
  const rows = prepared(db, `report-activities:${key}`, () => db.$client.prepare(`
    SELECT a.id, coalesce(r.report_name, r.topic) AS room, a.title, a.type, a.start_at, a.end_at, a.location,
           a.capacity, a.deadline_at, a.status, a.organizer_name, a.attendance_override, a.completion_note, a.cancel_reason,
           (SELECT coalesce(sum(1 + s.companions), 0) FROM signups s WHERE s.activity_id = a.id AND s.status = 'confirmed') AS signups,
           (SELECT coalesce(sum(1 + s.companions), 0) FROM signups s WHERE s.activity_id = a.id AND s.status = 'waitlisted') AS waitlist,
           (SELECT count(*) FROM checkins c WHERE c.activity_id = a.id) AS checkins
    FROM activities a JOIN rooms r ON r.id = a.room_id
    WHERE ${where}
    ORDER BY a.start_at, a.id`)).all(params) as ActivityRecord[]

  // attended list of a completed activity: its check-ins (with the companions of their sign-up)
  // when it has any, otherwise its confirmed sign-ups
  const lists = prepared(db, `report-attended:${key}`, () => db.$client.prepare(`
    SELECT activity_id, sum(1 + companions) AS people,
           group_concat(coalesce(member_id, ''), ',') AS member_ids, group_concat(coalesce(guest, ''), char(31)) AS guests
    FROM (
      SELECT c.activity_id, c.member_id, NULL AS guest, coalesce(s.companions, 0) AS companions
      FROM activities a JOIN checkins c ON c.activity_id = a.id
        LEFT JOIN signups s ON s.id = c.signup_id
      WHERE ${where} AND a.status = 'completed'
      UNION ALL
      SELECT s.activity_id, s.member_id, s.guest_name, s.companions
      FROM activities a JOIN signups s ON s.activity_id = a.id
      WHERE ${where} AND a.status = 'completed' AND s.status = 'confirmed'
        AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.activity_id = a.id)
    )
    GROUP BY activity_id`)).all(params) as AttendedRecord[]

  const attended: Collected['attended'] = new Map()
  if (lists.length === 0) return { rows, attended }
  const parsed = lists.map(r => ({ r, guests: r.guests.split('\u001f'), memberIds: r.member_ids.split(',').map(id => (id === '' ? null : Number(id))) }))
  // the names of the members on the lists, in one statement (as arrays, not objects): looked up
  // by id when they are a small part of all members, else read straight through the table
  // (cheaper than tens of thousands of look-ups)
  const ids = new Set<number>()
  for (const p of parsed) for (const id of p.memberIds) if (id !== null) ids.add(id)
  const allMembers = prepared(db, 'report-member-count', () => db.$client.prepare('SELECT coalesce(max(id), 0) FROM members').pluck()).get() as number
  const names = new Map<number, string>()
  if (ids.size * 3 < allMembers) {
    const rows = prepared(db, 'report-member-names', () => db.$client.prepare('SELECT id, name FROM members WHERE id IN (SELECT value FROM json_each(?))').raw())
      .all(JSON.stringify([...ids])) as Array<[number, string]>
    for (const [id, name] of rows) names.set(id, name)
  } else {
    // one string for the whole table is cheaper to cross into JavaScript than a row per member
    const all = prepared(db, 'report-all-member-names', () => db.$client.prepare("SELECT group_concat(id || char(31) || name, char(30)) FROM members").pluck()).get() as string | null
    for (const pair of (all ?? '').split('\u001e')) {
      const cut = pair.indexOf('\u001f')
      if (cut > 0) names.set(Number(pair.slice(0, cut)), pair.slice(cut + 1))
    }
  }
  for (const { r, guests, memberIds } of parsed) {
    attended.set(r.activity_id, {
      people: r.people,
      memberIds,
      names: memberIds.map((id, i) => (id === null ? guests[i] ?? '' : names.get(id) ?? '?')),
    })
  }
  return { rows, attended }
}

function toReportActivity (a: ActivityRecord, c: Collected, timeZone: string): { activity: ReportActivity, list: AttendedList | undefined } {
  const list = a.status === 'completed' ? c.attended.get(a.id) : undefined
  const attendance = a.status === 'completed' ? a.attendance_override ?? list?.people ?? 0 : null
  const start = formatIso(a.start_at, timeZone)
  return {
    list,
    activity: {
      id: a.id,
      room: a.room,
      title: a.title,
      type: a.type as ActivityType,
      start,
      end: a.end_at === null ? null : formatIso(a.end_at, timeZone),
      location: a.location,
      capacity: a.capacity,
      // most deadlines are the start itself
      deadline: a.deadline_at === a.start_at ? start : formatIso(a.deadline_at, timeZone),
      status: a.status,
      organizer: a.organizer_name,
      signups: a.signups,
      waitlist: a.waitlist,
      checkins: a.checkins,
      attendance,
      participants: list?.names ?? [],
      note: a.status === 'cancelled' ? a.cancel_reason : a.completion_note,
    },
  }
}

/** One activity's figures, as the report shows them (for the completion message). */
export function activityFigures (db: Db, activityId: number, timeZone: string): ReportActivity | undefined {
  const c = collect(db, { activityId })
  const row = c.rows[0]
  return row ? toReportActivity(row, c, timeZone).activity : undefined
}

export function buildReport (db: Db, opts: ReportOptions): Report {
  const { start, end } = periodBounds(opts)
  const c = collect(db, { start, end, ...(opts.roomIds ? { roomIds: opts.roomIds } : {}) })
  const activities: ReportActivity[] = []
  const byType = new Map<string, ReportByType & { cancelled: number }>()
  const byRoom = new Map<string, ReportByRoom & { people: Set<string | number> }>()
  const everyone = new Set<string | number>()
  const totals = { activities: 0, completed: 0, cancelled: 0, signups: 0, waitlist: 0, attendance: 0, participants: 0 }

  for (const a of c.rows) {
    const { activity, list } = toReportActivity(a, c, opts.timeZone)
    activities.push(activity)
    const { signups, waitlist, attendance } = activity

    const t = byType.get(a.type) ?? { type: a.type as ActivityType, activities: 0, completed: 0, attendance: 0, cancelled: 0 }
    byType.set(a.type, t)
    const r = byRoom.get(a.room) ?? { room: a.room, activities: 0, completed: 0, cancelled: 0, signups: 0, attendance: 0, participants: 0, people: new Set<string | number>() }
    byRoom.set(a.room, r)
    if (a.status === 'cancelled') {
      totals.cancelled++
      t.cancelled++
      r.cancelled++
      continue
    }
    totals.activities++
    t.activities++
    r.activities++
    totals.signups += signups
    r.signups += signups
    totals.waitlist += waitlist
    if (a.status === 'completed') {
      totals.completed++
      t.completed++
      r.completed++
      totals.attendance += attendance ?? 0
      t.attendance += attendance ?? 0
      r.attendance += attendance ?? 0
      list?.memberIds.forEach((memberId, i) => {
        const key = personKey(a.id, memberId, list.names[i] ?? '')
        everyone.add(key)
        r.people.add(key)
      })
    }
  }
  totals.participants = everyone.size

  const typeOrder = (t: string): number => {
    const i = (ACTIVITY_TYPES as readonly string[]).indexOf(t)
    return i < 0 ? ACTIVITY_TYPES.length : i
  }
  return {
    period: { from: opts.from, to: opts.to, timezone: opts.timeZone },
    totals,
    byType: [...byType.values()].sort((x, y) => typeOrder(x.type) - typeOrder(y.type)),
    byRoom: [...byRoom.values()].map(({ people, ...r }) => ({ ...r, participants: people.size })),
    activities,
  }
}
