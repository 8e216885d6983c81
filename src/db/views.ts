// Read models for replies: an activity with its seat counts, and the people a reminder @mentions.
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import type { ActivityView } from '../domain/card.js'
import type { Person } from '../core/types.js'
import { remindOffsetsOf, type ActivityRow } from './activities.js'
import type { Db } from './open.js'
import { prepared } from './prepared.js'
import { signups } from './schema.js'

/** People confirmed (seats) and sign-ups waiting, per activity, in one query. */
export function seatCounts (db: Db, activityIds: readonly number[]): Map<number, { confirmed: number, waiting: number }> {
  const out = new Map<number, { confirmed: number, waiting: number }>()
  if (activityIds.length === 0) return out
  const rows = db.select({
    activityId: signups.activityId,
    confirmed: sql<number>`coalesce(sum(case when ${signups.status} = 'confirmed' then 1 + ${signups.companions} end), 0)`,
    waiting: sql<number>`coalesce(sum(case when ${signups.status} = 'waitlisted' then 1 end), 0)`,
  }).from(signups)
    .where(and(inArray(signups.activityId, [...activityIds]), ne(signups.status, 'cancelled')))
    .groupBy(signups.activityId).all()
  for (const r of rows) out.set(r.activityId, { confirmed: r.confirmed, waiting: r.waiting })
  return out
}

export function viewsOf (db: Db, rows: readonly ActivityRow[], defaultOffsets: readonly number[]): ActivityView[] {
  const counts = seatCounts(db, rows.map(r => r.id))
  return rows.map(a => ({
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
    confirmed: counts.get(a.id)?.confirmed ?? 0,
    waiting: counts.get(a.id)?.waiting ?? 0,
    remindOffsets: remindOffsetsOf(a) ?? defaultOffsets,
  }))
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
