// Sign-ups as the roster rules (domain/roster) decide them: sign up, resize, cancel, promote.
// Callers run these inside the message's transaction, so the roster invariants hold whatever
// order messages arrive in.
import { and, asc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm'
import { admit, promotions, seatsLeft, waitlistPlace, type RosterEntry } from '../domain/roster.js'
import type { ActivityRow } from './activities.js'
import type { Db } from './open.js'
import { activities, checkins, members, signups } from './schema.js'

export type SignupRow = typeof signups.$inferSelect

/** Confirmed and waitlisted sign-ups, in queue order. */
export function liveSignups (db: Db, activityId: number): SignupRow[] {
  return db.select().from(signups)
    .where(and(eq(signups.activityId, activityId), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.queuedAt), asc(signups.id)).all()
}

export function toRoster (rows: readonly SignupRow[]): RosterEntry[] {
  return rows.filter(r => r.status !== 'cancelled').map(r => ({
    id: r.id,
    seats: 1 + r.companions,
    status: r.status as RosterEntry['status'],
    queuedAt: r.queuedAt,
  }))
}

export interface Who {
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
  | { kind: 'too-big', seatsLeft: number, capacity: number }

function findLive (db: Db, activityId: number, who: Who): SignupRow | undefined {
  const match = who.memberId !== undefined ? eq(signups.memberId, who.memberId) : eq(signups.guestName, who.guestName ?? '')
  return db.select().from(signups)
    .where(and(eq(signups.activityId, activityId), ne(signups.status, 'cancelled'), match)).get()
}

/** The live sign-up of a member or guest in an activity, if any. */
export function liveSignupOf (db: Db, activityId: number, who: Omit<Who, 'registrantMemberId'>): SignupRow | undefined {
  return findLive(db, activityId, { ...who, registrantMemberId: 0 })
}

/**
 * Signs someone up for `people` seats (themselves + companions). Signing up again with the same
 * number changes nothing; with another number it resizes the party where the rules allow.
 */
export function signUp (db: Db, activity: ActivityRow, who: Who, people: number, source: string, now: number): SignUpOutcome {
  const live = liveSignups(db, activity.id)
  const roster = toRoster(live)
  const existing = findLive(db, activity.id, who)
  if (existing) {
    if (1 + existing.companions === people || who.guestName !== undefined) {
      return { kind: 'already', signup: existing, place: waitlistPlace(roster, existing.id) }
    }
    return resize(db, activity, existing, roster, people, now)
  }
  if (activity.capacity !== null && people > activity.capacity) {
    return { kind: 'too-big', seatsLeft: seatsLeft(roster, activity.capacity), capacity: activity.capacity }
  }
  const status = admit(roster, activity.capacity, people)
  const signup = db.insert(signups).values({
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
  }).returning().get()
  const place = status === 'waitlisted' ? waitlistPlace([...roster, { id: signup.id, seats: people, status, queuedAt: now }], signup.id) : 0
  return { kind: status, signup, place }
}

function resize (db: Db, activity: ActivityRow, existing: SignupRow, roster: RosterEntry[], people: number, now: number): SignUpOutcome {
  const others = roster.filter(e => e.id !== existing.id)
  if (existing.status === 'confirmed' && activity.capacity !== null && people > 1 + existing.companions) {
    const someoneWaiting = others.some(e => e.status === 'waitlisted')
    const free = seatsLeft(others, activity.capacity)
    if (someoneWaiting || people > free) {
      return { kind: 'too-big', seatsLeft: seatsLeft(roster, activity.capacity), capacity: activity.capacity }
    }
  }
  if (activity.capacity !== null && people > activity.capacity) {
    return { kind: 'too-big', seatsLeft: seatsLeft(roster, activity.capacity), capacity: activity.capacity }
  }
  const signup = db.update(signups).set({ companions: people - 1, updatedAt: now }).where(eq(signups.id, existing.id)).returning().get()
  const promoted = promote(db, activity, now)
  const after = toRoster(liveSignups(db, activity.id))
  return { kind: 'resized', signup, place: waitlistPlace(after, signup.id), promoted }
}

/** Moves waitlisted sign-ups up while seats are free; returns those promoted. */
export function promote (db: Db, activity: ActivityRow, now: number): SignupRow[] {
  const live = liveSignups(db, activity.id)
  const ids = promotions(toRoster(live), activity.capacity)
  if (ids.length === 0) return []
  db.update(signups).set({ status: 'confirmed', updatedAt: now }).where(inArray(signups.id, ids)).run()
  return live.filter(s => ids.includes(s.id)).map(s => ({ ...s, status: 'confirmed' as const, updatedAt: now }))
}

/** Cancels these sign-ups and promotes from the waitlist into the seats they free. */
export function cancelSignups (db: Db, activity: ActivityRow, ids: number[], now: number): SignupRow[] {
  if (ids.length === 0) return []
  db.update(signups).set({ status: 'cancelled', updatedAt: now }).where(inArray(signups.id, ids)).run()
  return promote(db, activity, now)
}

/** Activities in which a member has a live sign-up of their own or registered one. */
export function liveSignupsOfMember (db: Db, memberId: number): number[] {
  return db.selectDistinct({ activityId: signups.activityId }).from(signups)
    .where(and(ne(signups.status, 'cancelled'), or(eq(signups.memberId, memberId), and(isNull(signups.memberId), eq(signups.registrantMemberId, memberId)))))
    .orderBy(asc(signups.activityId)).all().map(r => r.activityId)
}

/** A member's own sign-up plus the guests they registered, in one activity. */
export function signupsRegisteredBy (db: Db, activityId: number, memberId: number): SignupRow[] {
  return liveSignups(db, activityId).filter(s => s.memberId === memberId || (s.memberId === null && s.registrantMemberId === memberId))
}

export interface SignupLabel {
  /** the member's current name or the guest name */
  name: string
  /** who signed them up, when it was someone else */
  by: string | null
}

/** Names for sign-up rows in one query. */
export function signupLabels (db: Db, rows: readonly SignupRow[]): Map<number, SignupLabel> {
  const memberIds = [...new Set(rows.flatMap(r => [r.memberId, r.registrantMemberId]).filter((id): id is number => id !== null))]
  const names = new Map<number, string>()
  if (memberIds.length > 0) {
    for (const m of db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)).all()) names.set(m.id, m.name)
  }
  return new Map(rows.map(r => {
    const name = r.guestName ?? names.get(r.memberId ?? -1) ?? '?'
    const by = r.memberId === r.registrantMemberId ? null : names.get(r.registrantMemberId) ?? null
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
  const memberIds = 'memberId' in who
    ? [who.memberId]
    : db.select({ id: members.id }).from(members).where(eq(members.contactId, who.contactId)).all().map(r => r.id)
  if (memberIds.length === 0) return []
  const rows = db.select({ s: signups, a: activities }).from(signups)
    .innerJoin(activities, eq(activities.id, signups.activityId))
    .where(and(
      ne(signups.status, 'cancelled'),
      eq(activities.status, 'scheduled'),
      gt(activities.startAt, now),
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
