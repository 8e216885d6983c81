// Sign-ups as the roster rules (domain/roster) decide them: sign up, resize, cancel, promote.
// Callers run these inside the message's transaction, so the roster invariants hold whatever
// order messages arrive in.
import { and, asc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm'
import { admitByCounts, seatsLeft, waitlistPlace, type RosterCounts, type RosterEntry } from '../domain/roster.js'
import type { ActivityRow } from './activities.js'
import type { Db } from './open.js'
import { prepared, rowQuery } from './prepared.js'
import { activities, checkins, members, signups } from './schema.js'

export type SignupRow = typeof signups.$inferSelect

/** Confirmed and waitlisted sign-ups, in queue order. */
export function liveSignups (db: Db, activityId: number): SignupRow[] {
  return rowQuery<SignupRow>(db, 'live-signups', signups, "activity_id = ? AND status <> 'cancelled' ORDER BY queued_at, id").all(activityId)
}

/** People in these sign-ups: each person with their companions. */
export function peopleIn (rows: ReadonlyArray<Pick<SignupRow, 'companions'>>): number {
  return rows.reduce((n, s) => n + 1 + s.companions, 0)
}

export function toRoster (rows: readonly SignupRow[]): RosterEntry[] {
  return rows.filter(r => r.status !== 'cancelled').map(r => ({
    id: r.id,
    seats: 1 + r.companions,
    status: r.status as RosterEntry['status'],
    queuedAt: r.queuedAt,
  }))
}

export interface Signer {
  /** a room member signing up (themselves or signed up by someone) … */
  memberId?: number
  /** … or a guest, registered by `registrantMemberId` */
  guestName?: string
  registrantMemberId: number
}

export type SignUpOutcome =
  | { kind: 'confirmed' | 'waitlisted', signup: SignupRow, place: number }
  | { kind: 'already', signup: SignupRow, place: number }
  | { kind: 'resized', signup: SignupRow, place: number, promoted: SignupRow[] }
  /** more people than the activity can ever take, or (held > 0) a confirmed party growing past the seats left */
  | { kind: 'too-big', seatsLeft: number, capacity: number, held: number }

/** Seats taken and sign-ups waiting: the activity's counters, kept by every change below. */
export function rosterCounts (db: Db, activityId: number): RosterCounts {
  return prepared(db, 'roster-counts', () => db.$client.prepare('SELECT seats_taken AS taken, waiting FROM activities WHERE id = ?'))
    .get(activityId) as RosterCounts | undefined ?? { taken: 0, waiting: 0 }
}

/** What a sign-up adds to its activity's counters. */
function counted (status: SignupRow['status'], seats: number): RosterCounts {
  return { taken: status === 'confirmed' ? seats : 0, waiting: status === 'waitlisted' ? 1 : 0 }
}

/** Moves the activity's counters by `by` (the same transaction as the change they count). */
function count (db: Db, activityId: number, by: RosterCounts): void {
  if (by.taken === 0 && by.waiting === 0) return
  prepared(db, 'roster-count', () => db.$client.prepare('UPDATE activities SET seats_taken = seats_taken + ?, waiting = waiting + ? WHERE id = ?'))
    .run(by.taken, by.waiting, activityId)
}

/** The first sign-up on the waitlist, in the order it is served, that fits `free` seats. */
function firstThatFits (db: Db, activityId: number, free: number): RosterEntry | undefined {
  const row = prepared(db, 'roster-first-fit', () => db.$client.prepare(`
    SELECT id, 1 + companions AS seats, queued_at AS queuedAt FROM signups
    WHERE activity_id = ? AND status = 'waitlisted' AND 1 + companions <= ? ORDER BY queued_at, id LIMIT 1`))
    .get(activityId, free) as Omit<RosterEntry, 'status'> | undefined
  return row && { ...row, status: 'waitlisted' }
}

/** 1-based place of a sign-up on the waitlist now, 0 when it is not waiting. */
export function currentPlace (db: Db, signupId: number): number {
  const s = rowQuery<SignupRow>(db, 'signup-by-id', signups, 'id = ?').get(signupId)
  return s ? placeOf(db, s) : 0
}

/** 1-based place of a sign-up on the waitlist, 0 when it is not waiting. */
function placeOf (db: Db, s: SignupRow): number {
  if (s.status !== 'waitlisted') return 0
  const ahead = prepared(db, 'roster-ahead', () => db.$client.prepare(`
    SELECT count(*) FROM signups WHERE activity_id = ? AND status = 'waitlisted'
      AND (queued_at < ? OR (queued_at = ? AND id < ?))`).pluck()).get(s.activityId, s.queuedAt, s.queuedAt, s.id) as number
  return ahead + 1
}

/** The live sign-up of a member or guest in an activity, if any. */
export function liveSignupOf (db: Db, activityId: number, who: Omit<Signer, 'registrantMemberId'>): SignupRow | undefined {
  if (who.memberId !== undefined) {
    return rowQuery<SignupRow>(db, 'live-signup-of-member', signups, "activity_id = ? AND status <> 'cancelled' AND member_id = ?").get(activityId, who.memberId)
  }
  return rowQuery<SignupRow>(db, 'live-signup-of-guest', signups, "activity_id = ? AND status <> 'cancelled' AND guest_name = ? COLLATE NOCASE").get(activityId, who.guestName ?? '')
}

/**
 * Signs someone up for `asked` seats (themselves + companions; null = no number written, one seat
 * for a newcomer). Signing up again without a number or with the same number changes nothing;
 * with another number it resizes the party where the rules allow.
 */
export function signUp (db: Db, activity: ActivityRow, who: Signer, asked: number | null, source: string, now: number): SignUpOutcome {
  const existing = liveSignupOf(db, activity.id, who)
  if (existing) {
    if (asked === null || 1 + existing.companions === asked || who.guestName !== undefined) {
      return { kind: 'already', signup: existing, place: placeOf(db, existing) }
    }
    return resize(db, activity, existing, toRoster(liveSignups(db, activity.id)), asked, now)
  }
  const people = asked ?? 1
  const counts = rosterCounts(db, activity.id)
  if (activity.capacity !== null && people > activity.capacity) {
    return { kind: 'too-big', seatsLeft: Math.max(0, activity.capacity - counts.taken), capacity: activity.capacity, held: 0 }
  }
  const status = admitByCounts(counts, activity.capacity, people)
  const row: Omit<SignupRow, 'id'> = {
    activityId: activity.id,
    memberId: who.memberId ?? null,
    guestName: who.guestName ?? null,
    registrantMemberId: who.registrantMemberId,
    companions: people - 1,
    status,
    queuedAt: now,
    source,
    createdAt: now,
    updatedAt: now,
  }
  const { lastInsertRowid } = prepared(db, 'insert-signup', () => db.$client.prepare(`INSERT INTO signups
    (activity_id, member_id, guest_name, registrant_member_id, companions, status, queued_at, source, created_at, updated_at)
    VALUES (@activityId, @memberId, @guestName, @registrantMemberId, @companions, @status, @queuedAt, @source, @createdAt, @updatedAt)`)).run(row)
  const signup: SignupRow = { id: Number(lastInsertRowid), ...row }
  count(db, activity.id, counted(status, people))
  // a newcomer joins the end of the queue
  return { kind: status, signup, place: status === 'waitlisted' ? counts.waiting + 1 : 0 }
}

function resize (db: Db, activity: ActivityRow, existing: SignupRow, roster: RosterEntry[], people: number, now: number): SignUpOutcome {
  // a confirmed party grows only into seats left (nobody waiting fits them, or they would be in)
  if (existing.status === 'confirmed' && activity.capacity !== null && people > 1 + existing.companions) {
    if (people > seatsLeft(roster.filter(e => e.id !== existing.id), activity.capacity)) {
      return { kind: 'too-big', seatsLeft: seatsLeft(roster, activity.capacity), capacity: activity.capacity, held: 1 + existing.companions }
    }
  }
  if (activity.capacity !== null && people > activity.capacity) {
    return { kind: 'too-big', seatsLeft: seatsLeft(roster, activity.capacity), capacity: activity.capacity, held: 0 }
  }
  const signup = db.update(signups).set({ companions: people - 1, updatedAt: now }).where(eq(signups.id, existing.id)).returning().get()
  if (existing.status === 'confirmed') count(db, activity.id, { taken: people - 1 - existing.companions, waiting: 0 })
  const promoted = promote(db, activity, now)
  return { kind: 'resized', signup, place: placeOf(db, signup), promoted }
}

/**
 * Moves waitlisted sign-ups up while seats are free, in arrival order, each that fits what is left
 * (domain/roster); returns those promoted.
 */
export function promote (db: Db, activity: ActivityRow, now: number): SignupRow[] {
  const counts = rosterCounts(db, activity.id)
  if (counts.waiting === 0) return []
  let free = activity.capacity === null ? Number.MAX_SAFE_INTEGER : activity.capacity - counts.taken
  const promoted: SignupRow[] = []
  while (free > 0) {
    const e = firstThatFits(db, activity.id, free)
    if (e === undefined) break
    setStatus(db, activity.id, e, 'confirmed', now)
    promoted.push(rowQuery<SignupRow>(db, 'signup-by-id', signups, 'id = ?').get(e.id) as SignupRow)
    free -= e.seats
  }
  return promoted
}

function setStatus (db: Db, activityId: number, from: Pick<RosterEntry, 'id' | 'seats'> & { status: SignupRow['status'] }, status: SignupRow['status'], now: number): void {
  if (from.status === status) return
  prepared(db, 'set-signup-status', () => db.$client.prepare('UPDATE signups SET status = ?, updated_at = ? WHERE id = ?')).run(status, now, from.id)
  const before = counted(from.status, from.seats)
  const after = counted(status, from.seats)
  count(db, activityId, { taken: after.taken - before.taken, waiting: after.waiting - before.waiting })
}

/** Cancels these sign-ups and promotes from the waitlist into the seats they free. */
export function cancelSignups (db: Db, activity: ActivityRow, rows: readonly SignupRow[], now: number): SignupRow[] {
  if (rows.length === 0) return []
  for (const r of rows) setStatus(db, activity.id, { id: r.id, seats: 1 + r.companions, status: r.status }, 'cancelled', now)
  return promote(db, activity, now)
}

/** A member's own live sign-up plus the live guests they registered, in one activity (both look-ups indexed). */
export function signupsRegisteredBy (db: Db, activityId: number, memberId: number): SignupRow[] {
  const own = liveSignupOf(db, activityId, { memberId })
  const guests = rowQuery<SignupRow>(db, 'live-guests-registered-by', signups,
    "registrant_member_id = ? AND member_id IS NULL AND status <> 'cancelled' AND activity_id = ? ORDER BY queued_at, id").all(memberId, activityId)
  return own ? [own, ...guests] : guests
}

/** Activities of a room, not yet started, in which a member has a live sign-up of their own or a guest's. */
export function activitiesWithSignupsOf (db: Db, roomId: number, memberId: number, now: number): ActivityRow[] {
  return rowQuery<ActivityRow>(db, 'activities-with-signups-of', activities,
    `room_id = ? AND status = 'scheduled' AND start_at > ? AND (
       EXISTS (SELECT 1 FROM signups s WHERE s.activity_id = activities.id AND s.member_id = ? AND s.status <> 'cancelled')
       OR EXISTS (SELECT 1 FROM signups s WHERE s.registrant_member_id = ? AND s.member_id IS NULL AND s.status <> 'cancelled' AND s.activity_id = activities.id))
     ORDER BY start_at, id`).all(roomId, now, memberId, memberId)
}

export interface SignupLabel {
  /** the member's current name or the guest name */
  name: string
  /** who signed them up, when it was someone else */
  by: string | null
}

/** Names for sign-up rows (each member's name read once). */
export function signupLabels (db: Db, rows: readonly SignupRow[]): Map<number, SignupLabel> {
  const names = new Map<number, string>()
  const nameOf = (id: number): string | undefined => {
    if (!names.has(id)) {
      const name = prepared(db, 'member-name', () => db.$client.prepare('SELECT name FROM members WHERE id = ?').pluck()).get(id) as string | undefined
      if (name !== undefined) names.set(id, name)
    }
    return names.get(id)
  }
  return new Map(rows.map(r => {
    const name = r.guestName ?? (r.memberId === null ? undefined : nameOf(r.memberId)) ?? '?'
    const by = r.memberId === r.registrantMemberId ? null : nameOf(r.registrantMemberId) ?? null
    return [r.id, { name, by }]
  }))
}

export interface MySignup {
  activity: ActivityRow
  /** the member's own sign-up status, or 'registrant' when they only signed up guests */
  status: 'confirmed' | 'waitlisted' | 'registrant'
  place: number
  companions: number
  guests: string[]
}

/** Upcoming scheduled activities a member (or a contact, in any room) is signed up for or registered guests in. */
export function mySignups (db: Db, who: { memberId: number } | { contactId: string }, now: number): MySignup[] {
  const mine = db.select({ id: members.id, roomId: members.roomId }).from(members)
    .where('memberId' in who ? eq(members.id, who.memberId) : eq(members.contactId, who.contactId)).all()
  if (mine.length === 0) return []
  const memberIds = mine.map(m => m.id)
  // from the rooms' upcoming activities to their sign-ups: both steps are indexed
  const rows = db.select({ s: signups, a: activities }).from(activities)
    .innerJoin(signups, eq(signups.activityId, activities.id))
    .where(and(
      inArray(activities.roomId, [...new Set(mine.map(m => m.roomId))]),
      eq(activities.status, 'scheduled'),
      gt(activities.startAt, now),
      ne(signups.status, 'cancelled'),
      or(inArray(signups.memberId, memberIds), and(isNull(signups.memberId), inArray(signups.registrantMemberId, memberIds))),
    ))
    .orderBy(asc(activities.startAt), asc(activities.id), asc(signups.id)).all()
  const out = new Map<number, MySignup>()
  for (const { s, a } of rows) {
    const entry = out.get(a.id) ?? { activity: a, status: 'registrant' as MySignup['status'], place: 0, companions: 0, guests: [] }
    out.set(a.id, entry)
    if (s.guestName !== null) entry.guests.push(s.guestName)
    else {
      entry.status = s.status as 'confirmed' | 'waitlisted'
      entry.companions = s.companions
      if (s.status === 'waitlisted') entry.place = waitlistPlace(toRoster(liveSignups(db, a.id)), s.id)
    }
  }
  return [...out.values()]
}

export type CheckinOutcome = 'checked-in' | 'walk-in' | 'already'

/** Checks a member in; someone not signed up is checked in as a walk-in. */
export function checkIn (db: Db, activityId: number, memberId: number, now: number): CheckinOutcome {
  const own = liveSignupOf(db, activityId, { memberId })
  const inserted = db.insert(checkins).values({ activityId, memberId, signupId: own?.id ?? null, at: now })
    .onConflictDoNothing().returning({ id: checkins.id }).all()
  if (inserted.length === 0) return 'already'
  return own ? 'checked-in' : 'walk-in'
}

export function checkinsOf (db: Db, activityId: number): Array<typeof checkins.$inferSelect> {
  return db.select().from(checkins).where(eq(checkins.activityId, activityId)).orderBy(asc(checkins.at), asc(checkins.id)).all()
}

/**
 * People who came with someone who checked in but have no check-in of their own: the companions of checked-in
 * sign-ups and the guests (with theirs) registered by checked-in members, unless the guest checked in as a member
 * of that name. Attendance counts check-ins, so the organizer is told how many these are.
 */
export function companionsOfCheckedIn (db: Db, activityId: number): number {
  return prepared(db, 'companions-of-checked-in', () => db.$client.prepare(`SELECT
      (SELECT coalesce(sum(s.companions), 0) FROM checkins c JOIN signups s ON s.id = c.signup_id
        WHERE c.activity_id = @activityId AND s.status = 'confirmed')
    + (SELECT coalesce(sum(1 + g.companions), 0) FROM signups g
        WHERE g.activity_id = @activityId AND g.status = 'confirmed' AND g.guest_name IS NOT NULL
          AND g.registrant_member_id IN (SELECT member_id FROM checkins WHERE activity_id = @activityId)
          -- a guest who turned out to be a member and checked in as one is counted already
          AND NOT EXISTS (SELECT 1 FROM checkins c JOIN members m ON m.id = c.member_id
            WHERE c.activity_id = @activityId AND m.name = g.guest_name COLLATE NOCASE))`).pluck())
    .get({ activityId }) as number
}
