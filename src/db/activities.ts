// Activities: create, read, edit, and the questions commands ask (which are open in a room,
// which are in their check-in window).
import { and, asc, eq, gt, gte, lte, or, isNull, sql } from 'drizzle-orm'
import type { ActivityType } from '../domain/activity-type.js'
import { outOfNight } from '../domain/reminder-plan.js'
import type { Db } from './open.js'
import { rowQuery } from './prepared.js'
import { activities } from './schema.js'

export type ActivityRow = typeof activities.$inferSelect

export interface NewActivity {
  roomId: number
  title: string
  type: ActivityType
  start: number
  end: number | null
  location: string | null
  capacity: number | null
  deadline: number
  remindOffsets: number[] | null
  description: string | null
  organizerMemberId: number | null
  organizerName: string
}

export function insertActivity (db: Db, a: NewActivity, now: number): ActivityRow {
  return db.insert(activities).values({
    roomId: a.roomId,
    title: a.title,
    type: a.type,
    startAt: a.start,
    endAt: a.end,
    location: a.location,
    capacity: a.capacity,
    deadlineAt: a.deadline,
    remindOffsets: a.remindOffsets === null ? null : JSON.stringify(a.remindOffsets),
    description: a.description,
    status: 'scheduled',
    organizerMemberId: a.organizerMemberId,
    organizerName: a.organizerName,
    createdAt: now,
    updatedAt: now,
  }).returning().get()
}

export function activityById (db: Db, id: number): ActivityRow | undefined {
  return rowQuery<ActivityRow>(db, 'activity-by-id', activities, 'id = ?').get(id)
}

export function updateActivity (db: Db, id: number, patch: Partial<Omit<ActivityRow, 'id'>>, now: number): ActivityRow {
  // the roster counters belong to db/signups.ts: a patch made from a row read earlier must not set them back
  const { seatsTaken: _taken, waiting: _waiting, ...rest } = patch
  return db.update(activities).set({ ...rest, updatedAt: now }).where(eq(activities.id, id)).returning().get()
}

/** The activity's own reminder offsets, or null for the configured default. */
export function remindOffsetsOf (a: Pick<ActivityRow, 'remindOffsets'>): number[] | null {
  return a.remindOffsets === null ? null : JSON.parse(a.remindOffsets) as number[]
}

/** End of the activity for check-in: its end, else start + 3 h. */
export function effectiveEnd (a: Pick<ActivityRow, 'startAt' | 'endAt'>): number {
  return a.endAt ?? a.startAt + 3 * 3600_000
}

export const CHECKIN_OPENS_BEFORE_MS = 3600_000

/** Open = scheduled and its sign-up deadline not passed (commands.md). */
export function openActivities (db: Db, roomId: number, now: number): ActivityRow[] {
  return rowQuery<ActivityRow>(db, 'open-activities', activities, "room_id = ? AND status = 'scheduled' AND deadline_at > ? ORDER BY start_at, id").all(roomId, now)
}

/** A scheduled activity of the room with this title at this start: the same #活动 sent twice. */
export function scheduledTwin (db: Db, roomId: number, title: string, start: number): ActivityRow | undefined {
  return rowQuery<ActivityRow>(db, 'scheduled-twin', activities, "room_id = ? AND start_at = ? AND title = ? AND status = 'scheduled'").get(roomId, start, title)
}

/** Every activity of the room starting after `since`, whatever its state, in start order. */
export function activitiesSince (db: Db, roomId: number, since: number): ActivityRow[] {
  return rowQuery<ActivityRow>(db, 'activities-since', activities, 'room_id = ? AND start_at > ? ORDER BY start_at, id').all(roomId, since)
}

/** Scheduled activities of the room that have not ended yet (open or closed for sign-up). */
export function upcomingActivities (db: Db, roomId: number, now: number): ActivityRow[] {
  return db.select().from(activities)
    .where(and(
      eq(activities.roomId, roomId),
      eq(activities.status, 'scheduled'),
      or(gt(activities.endAt, now), and(isNull(activities.endAt), gt(activities.startAt, now - 3 * 3600_000))),
    ))
    .orderBy(asc(activities.startAt), asc(activities.id)).all()
}

/** Activities of the room (scheduled ones, unless asked for others) whose check-in window contains now (both ends included). */
export function inCheckinWindow (db: Db, roomId: number, now: number, status: ActivityRow['status'] = 'scheduled'): ActivityRow[] {
  return db.select().from(activities)
    .where(and(
      eq(activities.roomId, roomId),
      eq(activities.status, status),
      lte(activities.startAt, now + CHECKIN_OPENS_BEFORE_MS),
      gte(sql`coalesce(${activities.endAt}, ${activities.startAt} + ${3 * 3600_000})`, now),
    ))
    .orderBy(asc(activities.startAt), asc(activities.id)).all()
}

/** After the end (start + 3 h without one) the organizer is asked to mark the activity completed. */
export const FOLLOW_UP_AFTER_END_MS = 2 * 3600_000

const followUpDue = sql`coalesce(${activities.endAt}, ${activities.startAt} + ${3 * 3600_000}) + ${FOLLOW_UP_AFTER_END_MS}`

/** When the next follow-up falls due, or null: not before `after` (the last tick), and never at night. */
export function nextFollowUpDue (db: Db, timeZone: string, after = -Infinity): number | null {
  const t = db.select({ t: sql<number | null>`min(${followUpDue})` }).from(activities)
    .where(and(eq(activities.status, 'scheduled'), isNull(activities.followedUpAt))).get()?.t ?? null
  return t === null ? null : outOfNight(Math.max(t, after), timeZone)
}

/** Scheduled activities that ended a while ago and whose organizer has not been asked yet. */
export function dueFollowUps (db: Db, now: number, timeZone: string): ActivityRow[] {
  // at night (even just after a restart) the organizer is asked in the morning
  if (outOfNight(now, timeZone) !== now) return []
  return db.select().from(activities)
    .where(and(eq(activities.status, 'scheduled'), isNull(activities.followedUpAt), lte(followUpDue, now)))
    .orderBy(asc(activities.id)).all()
}
