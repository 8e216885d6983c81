// Rooms, members and appointed roles: finding them again across puppet logins (ids change, so
// a room is found again by topic and a member by room + name) and keeping names current.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Person, RoomRef } from '../domain/records.js'
import type { Db } from './open.js'
import { prepared, rowQuery } from './prepared.js'
import { members, roles, rooms } from './schema.js'

export type RoomRow = typeof rooms.$inferSelect
export type MemberRow = typeof members.$inferSelect

export function roomById (db: Db, id: number): RoomRow | undefined {
  return db.select().from(rooms).where(eq(rooms.id, id)).get()
}

/** The room row for a puppet room, found by id or else by topic; null when the bot has never seen it. */
/** Room ids the puppet has shown since this login: a room seen under its own id is not another room's new id. */
const liveRoomIds = new WeakMap<Db, Set<string>>()

/** A new login: the puppet may have given every room a new id. */
export function forgetRoomIds (db: Db): void {
  liveRoomIds.delete(db)
}

export function findRoom (db: Db, ref: RoomRef, now: number): RoomRow | undefined {
  let live = liveRoomIds.get(db)
  if (!live) liveRoomIds.set(db, (live = new Set()))
  live.add(ref.id)
  let row = rowQuery<RoomRow>(db, 'room-by-wx-id', rooms, 'wx_id = ?').get(ref.id)
  if (!row && ref.topic) {
    // the same group after a re-login (some puppets give rooms new ids) — unless that row's id is
    // still in use by a group with the same topic
    const byTopic = rowQuery<RoomRow>(db, 'room-by-topic', rooms, 'topic = ? ORDER BY updated_at DESC').get(ref.topic)
    if (byTopic && !live.has(byTopic.wxId)) row = byTopic
  }
  if (!row) return undefined
  // keep what the puppet says now: id, topic, owner
  const changed: Partial<RoomRow> = {}
  if (row.wxId !== ref.id) changed.wxId = ref.id
  if (ref.topic && row.topic !== ref.topic) changed.topic = ref.topic
  if (ref.ownerId && row.ownerContactId !== ref.ownerId) changed.ownerContactId = ref.ownerId
  if (Object.keys(changed).length === 0) return row
  db.update(rooms).set({ ...changed, updatedAt: now }).where(eq(rooms.id, row.id)).run()
  return { ...row, ...changed }
}

export function ensureRoom (db: Db, ref: RoomRef, now: number): RoomRow {
  const found = findRoom(db, ref, now)
  if (found) return found
  return db.insert(rooms).values({ wxId: ref.id, topic: ref.topic, ownerContactId: ref.ownerId ?? null, enabled: false, createdAt: now, updatedAt: now }).returning().get()
}

export function setRoomEnabled (db: Db, roomId: number, enabled: boolean, reportName: string | null | undefined, now: number): RoomRow {
  const set: Partial<RoomRow> = { enabled, updatedAt: now }
  if (reportName !== undefined) set.reportName = reportName
  return db.update(rooms).set(set).where(eq(rooms.id, roomId)).returning().get()
}

/** The name a room has in reports. */
export function roomReportName (room: Pick<RoomRow, 'reportName' | 'topic'>): string {
  return room.reportName ?? room.topic
}

export function roomByReportName (db: Db, name: string): RoomRow | undefined {
  return db.select().from(rooms).where(or(eq(rooms.reportName, name), and(isNull(rooms.reportName), eq(rooms.topic, name)))).get()
}

/** The room with this group topic (the newest such, should two groups share it). */
export function roomByTopic (db: Db, topic: string): RoomRow | undefined {
  return db.select().from(rooms).where(eq(rooms.topic, topic)).orderBy(desc(rooms.id)).get()
}

export function memberById (db: Db, id: number): MemberRow | undefined {
  return db.select().from(members).where(eq(members.id, id)).get()
}

export function findMemberByName (db: Db, roomId: number, name: string): MemberRow | undefined {
  return db.select().from(members).where(and(eq(members.roomId, roomId), eq(members.name, name))).orderBy(desc(members.updatedAt)).get()
}

/** The member a typed name means (代报名 lily, a 接龙 line): the exact name first, else the same name in another case. */
export function findMemberNamed (db: Db, roomId: number, name: string): MemberRow | undefined {
  return findMemberByName(db, roomId, name) ?? rowQuery<MemberRow>(db, 'member-by-name-any-case', members, 'room_id = ? AND name = ? COLLATE NOCASE ORDER BY updated_at DESC').get(roomId, name)
}

/**
 * The member row for a person in a room: by contact id, else by name (their id changed), else
 * new. Keeps the stored name and id current.
 */
export function ensureMember (db: Db, roomId: number, person: Person, now: number): MemberRow {
  const byId = rowQuery<MemberRow>(db, 'member-by-contact', members, 'room_id = ? AND contact_id = ?').get(roomId, person.id)
  if (byId) {
    if (byId.name === person.name || !person.name) return byId
    return db.update(members).set({ name: person.name, updatedAt: now }).where(eq(members.id, byId.id)).returning().get()
  }
  const byName = person.name ? findMemberByName(db, roomId, person.name) : undefined
  if (byName) {
    return db.update(members).set({ contactId: person.id, updatedAt: now }).where(eq(members.id, byName.id)).returning().get()
  }
  return db.insert(members).values({ roomId, contactId: person.id, name: person.name, createdAt: now, updatedAt: now }).returning().get()
}

export function toPerson (m: Pick<MemberRow, 'contactId' | 'name'>): Person {
  return { id: m.contactId, name: m.name }
}

export function appoint (db: Db, role: 'organizer' | 'secretary', member: MemberRow, now: number): boolean {
  const inserted = db.insert(roles).values({ role, memberId: member.id, roomId: role === 'organizer' ? member.roomId : null, createdAt: now })
    .onConflictDoNothing().returning({ id: roles.id }).all()
  return inserted.length > 0
}

/**
 * Removes every role appointed to this person (commands.md: "remove all appointed roles"): the
 * secretary role and organizer roles in every room, matched by contact id across rooms. Returns
 * the roles removed, each once, and in how many rooms they organized.
 */
export function revokeAll (db: Db, member: MemberRow): { roles: string[], organizerRooms: number } {
  const sameContact = db.select({ id: members.id }).from(members).where(eq(members.contactId, member.contactId))
  const removed = db.delete(roles).where(inArray(roles.memberId, sameContact)).returning({ role: roles.role, roomId: roles.roomId }).all()
  return {
    roles: [...new Set(removed.map(r => r.role))],
    organizerRooms: new Set(removed.filter(r => r.role === 'organizer').map(r => r.roomId)).size,
  }
}

export function isOrganizerOf (db: Db, memberId: number, roomId: number): boolean {
  return prepared(db, 'is-organizer', () => db.select({ id: roles.id }).from(roles)
    .where(and(eq(roles.role, 'organizer'), eq(roles.memberId, sql.placeholder('memberId')), eq(roles.roomId, sql.placeholder('roomId')))).prepare())
    .get({ memberId, roomId }) !== undefined
}

/**
 * Is this contact a secretary? Matched by contact id; by name only when the id is unknown to
 * the bot (it changed at a re-login), so a namesake with a known id is not taken for one.
 */
export function isSecretary (db: Db, person: Person): boolean {
  const secretaryBy = (column: typeof members.contactId | typeof members.name, key: string) => prepared(db, key, () =>
    db.select({ memberId: members.id, role: roles.role }).from(members)
      .leftJoin(roles, and(eq(roles.memberId, members.id), eq(roles.role, 'secretary')))
      .where(eq(column, sql.placeholder('value'))).prepare())
  const byId = secretaryBy(members.contactId, 'secretary-by-contact').all({ value: person.id })
  if (byId.length > 0) return byId.some(r => r.role === 'secretary')
  return secretaryBy(members.name, 'secretary-by-name').all({ value: person.name }).some(r => r.role === 'secretary')
}

/** Every secretary once (one person may have been appointed in several rooms). */
export function secretaries (db: Db): Person[] {
  const rows = db.select({ contactId: members.contactId, name: members.name }).from(roles)
    .innerJoin(members, eq(members.id, roles.memberId))
    .where(eq(roles.role, 'secretary')).orderBy(roles.id).all()
  const seen = new Set<string>()
  const out: Person[] = []
  for (const r of rows) {
    if (seen.has(r.contactId)) continue
    seen.add(r.contactId)
    out.push({ id: r.contactId, name: r.name })
  }
  return out
}

/** Rooms the contact organizes: appointed there (by contact id or name), or its owner. */
export function organizerRoomIds (db: Db, person: Person): number[] {
  const appointed = db.select({ roomId: roles.roomId }).from(roles)
    .innerJoin(members, eq(members.id, roles.memberId))
    .where(and(eq(roles.role, 'organizer'), or(eq(members.contactId, person.id), eq(members.name, person.name)))).all()
    .map(r => r.roomId).filter((id): id is number => id !== null)
  const owned = db.select({ id: rooms.id }).from(rooms).where(eq(rooms.ownerContactId, person.id)).all().map(r => r.id)
  return [...new Set([...appointed, ...owned])]
}
