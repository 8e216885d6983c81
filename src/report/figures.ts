// The one query layer for figures: a period's activities, sign-ups, attendance and participants,
// computed with a few set-based queries. #月报, the 台账, the chart, the monthly push and
// `npm run report` are all views of what buildReport returns (definitions in report.md).
import type { Db } from '../db/open.js'
import { prepared } from '../db/prepared.js'
import { ACTIVITY_TYPES } from '../domain/activity-type.js'
import { periodBounds, type Period } from '../domain/periods.js'
import { formatIso } from '../domain/zoned-time.js'

// periods are read and bounded in the domain; the views that import them from here keep doing so
export { isValidDate, monthPeriod, periodBounds, type Period } from '../domain/periods.js'
import type { ActivityStatus, ActivityType, Attendee, Report, ReportActivity, ReportByRoom, ReportByType } from './types.js'

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
  photos: number
  /**
   * The attended list of a completed activity, in one string (null otherwise): with check-ins,
   * each checked-in member id; without, each confirmed sign-up as a member id or U+001F and the
   * guest's name. Entries are separated by U+001E.
   */
  attended: string | null
}

export interface ReportOptions extends Period {
  /** only these rooms (rooms.id); all rooms when absent */
  roomIds?: readonly number[]
}

/** An attended list: its length (with companions), and member id (null for a guest) and name of each on it. */
interface AttendedList {
  people: number
  memberIds: Array<number | null>
  names: string[]
}

interface Collected {
  rows: ActivityRecord[]
  attended: Map<number, AttendedList>
  /** the highest member id (member ids index typed arrays when counting people) */
  maxMemberId: number
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

const ENTRY = '\u001e'

/**
 * The raw figures of the activities in scope in one statement (prepared once): each activity
 * with its counts (read from covering indexes) and, when completed, its attended list — its
 * check-ins when it has any, otherwise its confirmed sign-ups — gathered by SQLite into one
 * string, so a month crosses into JavaScript as a few thousand rows.
 */
function collect (db: Db, scope: Scope): Collected {
  const { where, params, key } = scopeSql(scope)
  const rows = prepared(db, `report-activities:${key}`, () => db.$client.prepare(`
    WITH a AS MATERIALIZED (
      SELECT a.id, coalesce(r.report_name, r.topic) AS room, a.title, a.type, a.start_at, a.end_at, a.location,
             a.capacity, a.deadline_at, a.status, a.organizer_name, a.attendance_override, a.completion_note, a.cancel_reason,
             (SELECT coalesce(sum(1 + s.companions), 0) FROM signups s WHERE s.activity_id = a.id AND s.status = 'confirmed') AS signups,
             (SELECT coalesce(sum(1 + s.companions), 0) FROM signups s WHERE s.activity_id = a.id AND s.status = 'waitlisted') AS waitlist,
             (SELECT count(*) FROM checkins c WHERE c.activity_id = a.id) AS checkins,
             (SELECT count(*) FROM photos p WHERE p.activity_id = a.id) AS photos
      FROM activities a JOIN rooms r ON r.id = a.room_id
      WHERE ${where}
    )
    SELECT a.*, CASE
      WHEN a.status <> 'completed' THEN NULL
      WHEN a.checkins > 0 THEN (SELECT group_concat(c.member_id, char(30)) FROM checkins c WHERE c.activity_id = a.id)
      ELSE (
        SELECT group_concat(coalesce(s.member_id, char(31) || s.guest_name), char(30))
        FROM signups s WHERE s.activity_id = a.id AND s.status = 'confirmed')
      END AS attended
    FROM a
    ORDER BY a.start_at, a.id`)).all(params) as ActivityRecord[]

  const maxMemberId = prepared(db, 'report-max-member', () => db.$client.prepare('SELECT coalesce(max(id), 0) FROM members').pluck()).get() as number
  const attended: Collected['attended'] = new Map()
  // the lists as numbers straight from the strings (a month has ~100,000 entries: no split, no Set)
  const wanted = new Uint8Array(maxMemberId + 1)
  let wantedCount = 0
  for (const r of rows) {
    if (r.status !== 'completed') continue
    // with check-ins the list is the check-ins alone (a checked-in member's companions did not check in)
    const list: AttendedList = { people: r.checkins > 0 ? r.checkins : r.signups, memberIds: [], names: [] }
    attended.set(r.id, list)
    if (r.attended === null) {
      list.people = 0
      continue
    }
    readList(r.attended, list)
    for (const id of list.memberIds) {
      if (id !== null && wanted[id] === 0) {
        wanted[id] = 1
        wantedCount++
      }
    }
  }
  if (attended.size === 0) return { rows, attended, maxMemberId }

  // the members' names in one statement: looked up by id when they are a small part of all
  // members, else read straight through the table (cheaper than tens of thousands of look-ups)
  const names: Array<string | undefined> = new Array<string | undefined>(maxMemberId + 1)
  if (wantedCount * 3 < maxMemberId) {
    const ids: number[] = []
    wanted.forEach((w, id) => { if (w) ids.push(id) })
    const found = prepared(db, 'report-member-names', () => db.$client.prepare('SELECT id, name FROM members WHERE id IN (SELECT value FROM json_each(?))').raw())
      .all(JSON.stringify(ids)) as Array<[number, string]>
    for (const [id, name] of found) names[id] = name
  } else {
    // one string for the whole table is cheaper to cross into JavaScript than a row per member
    const all = prepared(db, 'report-all-member-names', () => db.$client.prepare('SELECT group_concat(id || char(31) || name, char(30)) FROM members').pluck()).get() as string | null ?? ''
    for (let at = 0; at < all.length;) {
      const [id, cut] = readNumber(all, at, GUEST_CODE)
      const end = nextEntry(all, cut)
      names[id] = all.slice(cut, end)
      at = end + 1
    }
  }
  for (const list of attended.values()) {
    list.memberIds.forEach((id, i) => { if (id !== null) list.names[i] = names[id] ?? '?' })
  }
  return { rows, attended, maxMemberId }
}

const ENTRY_CODE = 0x1e
const GUEST_CODE = 0x1f

/** The end of the entry starting at `at` (its separator, or the end of the string). */
function nextEntry (s: string, at: number): number {
  const end = s.indexOf(ENTRY, at)
  return end < 0 ? s.length : end
}

/** The decimal number at `at` up to `stop` (the entry separator by default); and where the next field starts. */
function readNumber (s: string, at: number, stop = ENTRY_CODE): [number, number] {
  let value = 0
  let i = at
  for (let c = s.charCodeAt(i); i < s.length && c !== stop; c = s.charCodeAt(++i)) value = value * 10 + (c - 48)
  return [value, i + 1]
}

/** Reads the entries of `s` into the list: each a member id, or U+001F and a guest’s name. */
function readList (s: string, list: AttendedList): void {
  let at = 0
  while (at < s.length) {
    if (s.charCodeAt(at) === GUEST_CODE) {
      const end = nextEntry(s, at)
      list.memberIds.push(null)
      list.names.push(s.slice(at + 1, end))
      at = end + 1
    } else {
      const [id, next] = readNumber(s, at)
      list.memberIds.push(id)
      list.names.push('')
      at = next
    }
  }
}

/**
 * Each member id's person, as the first member id with the same contact id (0 for the member
 * itself): someone in several rooms is a member of each, one person in all. Only the members
 * who share their contact id with another cross into JavaScript; most people are in one room.
 */
function personOfMember (db: Db, maxMemberId: number): Int32Array {
  const person = new Int32Array(maxMemberId + 1)
  const shared = prepared(db, 'report-shared-contacts', () => db.$client.prepare(`
    SELECT m.id, d.first FROM (SELECT contact_id, min(id) AS first FROM members GROUP BY contact_id HAVING count(*) > 1) d
    JOIN members m ON m.contact_id = d.contact_id AND m.id <> d.first`).raw()).all() as Array<[number, number]>
  for (const [id, first] of shared) person[id] = first
  return person
}

/**
 * Distinct people on attended lists, in all and per group: a member is one person however often
 * they came, in whichever room (one identity across name changes and rooms: their contact id), a
 * guest is one person per activity and name. Counted with arrays indexed by member id rather
 * than sets: a month has ~100,000 entries.
 */
class PeopleCounter {
  /** for each person (by their first member id): 1 + the index of the first group they were counted in, 0 when not yet */
  private readonly firstGroup: Int32Array
  /** (group, person) pairs counted beyond a person's first group (rare: most people come to one room's activities) */
  private readonly more = new Set<number>()
  total = 0
  readonly perGroup: number[] = []

  constructor (private readonly person: Int32Array) {
    this.firstGroup = new Int32Array(person.length)
  }

  add (group: number, list: AttendedList): void {
    while (this.perGroup.length <= group) this.perGroup.push(0)
    let guests: Set<string> | undefined
    list.memberIds.forEach((memberId, i) => {
      if (memberId === null) {
        // a guest: one person per name within the activity
        const name = list.names[i] ?? ''
        guests ??= new Set()
        if (guests.has(name)) return
        guests.add(name)
        this.total++
        this.perGroup[group]!++
        return
      }
      const id = this.person[memberId] || memberId
      const first = this.firstGroup[id]!
      if (first === 0) {
        this.firstGroup[id] = group + 1
        this.total++
        this.perGroup[group]!++
      } else if (first !== group + 1) {
        const pair = group * this.person.length + id
        if (this.more.has(pair)) return
        this.more.add(pair)
        this.perGroup[group]!++
      }
    })
  }
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
      photos: a.photos,
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
  const byRoom = new Map<string, ReportByRoom & { index: number }>()
  const people = new PeopleCounter(personOfMember(db, c.maxMemberId))
  const totals = { activities: 0, completed: 0, cancelled: 0, signups: 0, waitlist: 0, attendance: 0, participants: 0 }

  for (const a of c.rows) {
    const { activity, list } = toReportActivity(a, c, opts.timeZone)
    activities.push(activity)
    const { signups, waitlist, attendance } = activity

    const t = byType.get(a.type) ?? { type: a.type as ActivityType, activities: 0, completed: 0, attendance: 0, cancelled: 0 }
    byType.set(a.type, t)
    const r = byRoom.get(a.room) ?? { room: a.room, activities: 0, completed: 0, cancelled: 0, signups: 0, attendance: 0, participants: 0, index: byRoom.size }
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
      if (list) people.add(r.index, list)
    }
  }
  totals.participants = people.total

  const typeOrder = (t: string): number => {
    const i = (ACTIVITY_TYPES as readonly string[]).indexOf(t)
    return i < 0 ? ACTIVITY_TYPES.length : i
  }
  return {
    period: { from: opts.from, to: opts.to, timezone: opts.timeZone },
    totals,
    byType: [...byType.values()].sort((x, y) => typeOrder(x.type) - typeOrder(y.type)),
    byRoom: [...byRoom.values()].map(({ index, ...r }) => ({ ...r, participants: people.perGroup[index] ?? 0 })),
    activities,
  }
}

const VIA: Record<string, Attendee['via']> = { reply: '回复', quote: '引用', proxy: '代报名', jielong: '接龙' }

/**
 * The attended lists of completed activities person by person, for the sign-in sheet (参加人员)
 * and the activity record: with check-ins, each checked-in member with the time (a walk-in signed
 * up 现场); without, each confirmed sign-up — the member or guest, then their companions — not
 * checked in. The same lists the figures count (`participants`, and `attendance` without 实到 N).
 */
export function attendedPeople (db: Db, activityIds: readonly number[]): Map<number, Attendee[]> {
  const out = new Map<number, Attendee[]>()
  if (activityIds.length === 0) return out
  const rows = prepared(db, 'report-attendees', () => db.$client.prepare(`
    WITH ids AS (SELECT value AS id FROM json_each(@ids)),
    done AS (
      SELECT a.id, (SELECT count(*) FROM checkins c WHERE c.activity_id = a.id) AS checkins
      FROM activities a JOIN ids ON ids.id = a.id WHERE a.status = 'completed'
    )
    SELECT d.id AS activityId, m.name AS name, 0 AS guest, 0 AS companions, s.source AS source, c.at AS checkedInAt, c.id AS ord, c.signup_id IS NULL AS walkIn, NULL AS registrant
    FROM done d JOIN checkins c ON c.activity_id = d.id JOIN members m ON m.id = c.member_id
    LEFT JOIN signups s ON s.id = c.signup_id
    WHERE d.checkins > 0
    UNION ALL
    SELECT d.id, coalesce(m.name, s.guest_name), s.member_id IS NULL, s.companions, s.source, NULL, s.id, 0, r.name
    FROM done d JOIN signups s ON s.activity_id = d.id AND s.status = 'confirmed'
    LEFT JOIN members m ON m.id = s.member_id
    LEFT JOIN members r ON r.id = s.registrant_member_id
    WHERE d.checkins = 0
    ORDER BY 1, 7`)).all({ ids: JSON.stringify(activityIds) }) as Array<{
    activityId: number, name: string, guest: number, companions: number, source: string | null, checkedInAt: number | null, walkIn: number, registrant: string | null
  }>
  for (const r of rows) {
    const list = out.get(r.activityId) ?? []
    out.set(r.activityId, list)
    const via: Attendee['via'] = r.walkIn ? '现场' : VIA[r.source ?? ''] ?? '回复'
    list.push({ name: r.name, identity: r.guest ? '嘉宾' : '成员', via, checkedInAt: r.checkedInAt })
    for (let i = 1; i <= r.companions; i++) {
      list.push({ name: `${r.name}的随行${r.companions > 1 ? i : ''}`, identity: '随行', via, checkedInAt: null })
    }
  }
  return out
}
