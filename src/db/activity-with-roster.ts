// Read models for replies: an activity with its seat counts, and the people a reminder @mentions.
import { and, eq, ne } from 'drizzle-orm'
import type { ActivityView } from '../domain/card.js'
import type { Person } from '../domain/records.js'
import { remindOffsetsOf, type ActivityRow } from './activities.js'
import type { Db } from './open.js'
import { rosterCounts } from './signups.js'
import { prepared } from './prepared.js'
import { signups } from './schema.js'

export function viewsOf (db: Db, rows: readonly ActivityRow[], defaultOffsets: readonly number[]): ActivityView[] {
  return rows.map(a => {
    const counts = rosterCounts(db, a.id)
    // the counter counts sign-ups waiting; the chat (like report.md's `waitlist`) says people
    return viewFrom(a, { taken: counts.taken, waiting: counts.waiting > 0 ? peopleWaiting(db, a.id) : 0 }, defaultOffsets)
  })
}

/** People on the waitlist: each waiting sign-up with its companions. */
function peopleWaiting (db: Db, activityId: number): number {
  return prepared(db, 'people-waiting', () => db.$client.prepare(
    "SELECT coalesce(sum(1 + companions), 0) FROM signups WHERE activity_id = ? AND status = 'waitlisted'").pluck()).get(activityId) as number
}

function viewFrom (a: ActivityRow, counts: { taken: number, waiting: number }, defaultOffsets: readonly number[]): ActivityView {
  return {
    id: a.id,
    title: a.title,
    type: a.type,
    startAt: a.startAt,
    endAt: a.endAt,
    location: a.location,
    capacity: a.capacity,
    deadlineAt: a.deadlineAt,
    description: a.description,
    status: a.status,
    confirmed: counts.taken,
    waiting: counts.waiting,
    remindOffsets: remindOffsetsOf(a) ?? defaultOffsets,
  }
}

export function viewOf (db: Db, row: ActivityRow, defaultOffsets: readonly number[]): ActivityView {
  return viewsOf(db, [row], defaultOffsets)[0] as ActivityView
}

/** Members behind sign-ups (the member, or who registered a guest), in sign-up order, each once. */
function membersBehind (db: Db, activityId: number, confirmedOnly: boolean): Person[] {
  const status = confirmedOnly ? eq(signups.status, 'confirmed') : ne(signups.status, 'cancelled')
  const rows = db.select({ memberId: signups.memberId, registrant: signups.registrantMemberId })
    .from(signups).where(and(eq(signups.activityId, activityId), status))
    .orderBy(signups.queuedAt, signups.id).all()
  return peopleOf(db, rows.map(r => r.memberId ?? r.registrant))
}

/**
 * Who a reminder @mentions: every confirmed member, and every member who registered confirmed
 * guests or companions; nobody who only waits.
 */
export function reminderAudience (db: Db, activityId: number): Person[] {
  return membersBehind(db, activityId, true)
}

/** Everyone with a live sign-up (confirmed or waiting), or who registered one: told of edits and cancellations. */
export function everyoneSignedUp (db: Db, activityId: number): Person[] {
  return membersBehind(db, activityId, false)
}

/** Members as people, by member id, in one query. */
export function peopleByMemberId (db: Db, memberIds: readonly number[]): Map<number, Person> {
  const person = prepared(db, 'person-by-member-id', () => db.$client.prepare('SELECT contact_id AS id, name FROM members WHERE id = ?'))
  const out = new Map<number, Person>()
  for (const id of memberIds) {
    if (out.has(id)) continue
    const p = person.get(id) as Person | undefined
    if (p) out.set(id, p)
  }
  return out
}

/** Members as people, in the order of the ids given, each once. */
export function peopleOf (db: Db, memberIds: readonly number[]): Person[] {
  const byId = peopleByMemberId(db, memberIds)
  return [...new Set(memberIds)].map(id => byId.get(id)).filter((p): p is Person => p !== undefined)
}
