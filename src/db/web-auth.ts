// Who may open the web pages: one-time login links and sessions (only hashes of their tokens are
// stored), and what a contact may see, read again from the roles on every request.
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './open.js'
import { prepared } from './prepared.js'

export const LINK_TTL_MS = 15 * 60_000
export const SESSION_TTL_MS = 7 * 24 * 3600_000

/** A token as it goes into a link or a cookie: 32 random bytes, base64url (43 characters). */
export function newToken (): string {
  return randomBytes(32).toString('base64url')
}

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function tokenHash (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface WebPerson {
  contactId: string
  name: string
}

/** Stores a new login link for this contact; returns the token (the only copy of it). */
export function mintLoginLink (db: Db, person: WebPerson, now: number): string {
  const token = newToken()
  // what has expired long ago is of no use to anyone
  prepared(db, 'web-prune-links', () => db.$client.prepare('DELETE FROM web_login_links WHERE expires_at < ?')).run(now - 24 * 3600_000)
  prepared(db, 'web-insert-link', () => db.$client.prepare(
    'INSERT INTO web_login_links (token_hash, contact_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'))
    .run(tokenHash(token), person.contactId, person.name, now, now + LINK_TTL_MS)
  return token
}

export type LinkOutcome =
  | { ok: true, person: WebPerson }
  | { ok: false, reason: 'unknown' | 'used' | 'expired' }

/** Uses a login link: at most once, and only within its 15 minutes. */
export function consumeLoginLink (db: Db, token: string, now: number): LinkOutcome {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'unknown' }
  const hash = tokenHash(token)
  const used = prepared(db, 'web-use-link', () => db.$client.prepare(
    'UPDATE web_login_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING contact_id AS contactId, name'))
    .get(now, hash, now) as WebPerson | undefined
  if (used) return { ok: true, person: used }
  const row = prepared(db, 'web-link', () => db.$client.prepare('SELECT used_at AS usedAt FROM web_login_links WHERE token_hash = ?'))
    .get(hash) as { usedAt: number | null } | undefined
  if (!row) return { ok: false, reason: 'unknown' }
  return { ok: false, reason: row.usedAt !== null ? 'used' : 'expired' }
}

/** A new session for the person; returns the cookie's token. */
export function createSession (db: Db, person: WebPerson, now: number): string {
  const token = newToken()
  prepared(db, 'web-prune-sessions', () => db.$client.prepare('DELETE FROM web_sessions WHERE expires_at < ?')).run(now)
  prepared(db, 'web-insert-session', () => db.$client.prepare(
    'INSERT INTO web_sessions (token_hash, contact_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'))
    .run(tokenHash(token), person.contactId, person.name, now, now + SESSION_TTL_MS)
  return token
}

export function sessionPerson (db: Db, token: string, now: number): WebPerson | undefined {
  if (!TOKEN_SHAPE.test(token)) return undefined
  return prepared(db, 'web-session', () => db.$client.prepare(
    'SELECT contact_id AS contactId, name FROM web_sessions WHERE token_hash = ? AND expires_at > ?'))
    .get(tokenHash(token), now) as WebPerson | undefined
}

export function endSession (db: Db, token: string): void {
  if (!TOKEN_SHAPE.test(token)) return
  prepared(db, 'web-end-session', () => db.$client.prepare('DELETE FROM web_sessions WHERE token_hash = ?')).run(tokenHash(token))
}

/** Ends every session of a contact (their roles are gone). */
export function endSessionsOf (db: Db, contactId: string): void {
  prepared(db, 'web-end-sessions-of', () => db.$client.prepare('DELETE FROM web_sessions WHERE contact_id = ?')).run(contactId)
}

/** What a contact may see: every room (secretary, admin) or the rooms they organize; null when nothing. */
export interface WebAccess {
  everyRoom: boolean
  /** the rooms they organize (appointed, or the room's owner); all rooms' ids are not listed for `everyRoom` */
  roomIds: number[]
  /** 管理员 / 秘书 / 组织者, for the page header */
  roles: string[]
}

/**
 * The access of a contact by its contact id alone — never by name: anyone can take a name in WeChat.
 * `admins` is BOT_ADMINS (contact ids or names; only the ids count here).
 */
export function webAccessOf (db: Db, contactId: string, admins: readonly string[]): WebAccess | null {
  const admin = admins.includes(contactId)
  const secretary = prepared(db, 'web-secretary-by-contact', () => db.$client.prepare(`
    SELECT 1 FROM roles r JOIN members m ON m.id = r.member_id WHERE r.role = 'secretary' AND m.contact_id = ? LIMIT 1`).pluck())
    .get(contactId) !== undefined
  const roomIds = (prepared(db, 'web-organizer-rooms', () => db.$client.prepare(`
    SELECT r.room_id FROM roles r JOIN members m ON m.id = r.member_id WHERE r.role = 'organizer' AND m.contact_id = ? AND r.room_id IS NOT NULL
    UNION SELECT id FROM rooms WHERE owner_contact_id = ?
    ORDER BY 1`).pluck()).all(contactId, contactId) as number[])
  if (!admin && !secretary && roomIds.length === 0) return null
  const roles = [...(admin ? ['管理员'] : []), ...(secretary ? ['秘书'] : []), ...(roomIds.length > 0 ? ['组织者'] : [])]
  return { everyRoom: admin || secretary, roomIds, roles }
}

/**
 * Whether a name alone (not the contact id) carries a role: an admin listed by name, or a secretary or
 * organizer whose recorded contact id is another one. Such a person gets no link: they are told to be
 * appointed again by @mention.
 */
export function hasRoleByNameOnly (db: Db, name: string, admins: readonly string[]): boolean {
  if (admins.includes(name)) return true
  return prepared(db, 'web-role-by-name', () => db.$client.prepare(`
    SELECT 1 FROM roles r JOIN members m ON m.id = r.member_id WHERE m.name = ? LIMIT 1`).pluck()).get(name) !== undefined
}

/** The contacts recorded under this name (newest first), for `npm run web -- --link NAME`. */
export function contactsNamed (db: Db, name: string): WebPerson[] {
  const ids = prepared(db, 'web-contacts-named', () => db.$client.prepare(
    'SELECT contact_id FROM members WHERE name = ? GROUP BY contact_id ORDER BY max(updated_at) DESC').pluck()).all(name) as string[]
  return ids.map(contactId => ({ contactId, name }))
}
