// The database schema (drizzle, SQLite). Instants are integers (epoch ms), rendered in the
// configured zone only when shown. drizzle-kit turns this file into migrations/.
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Tables written on every message use plain INTEGER PRIMARY KEY ids: AUTOINCREMENT would also
// write sqlite_sequence in each transaction. Activities keep AUTOINCREMENT: their ids are shown
// to people and must never be reused.

/** A WeChat group the bot is in. Room ids change between logins on some puppets, so a room is found again by topic. */
export const rooms = sqliteTable('rooms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  wxId: text('wx_id').notNull(),
  topic: text('topic').notNull(),
  /** the name given to #启用 (e.g. a 基地 or 同心荟), used in reports; null = topic */
  reportName: text('report_name'),
  /** the room owner's contact id as last seen: the owner organizes the room, also in private chat */
  ownerContactId: text('owner_contact_id'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, t => [
  uniqueIndex('rooms_wx_id').on(t.wxId),
  index('rooms_topic').on(t.topic),
])

/** A person in a room. Contact ids change between logins on some puppets, so a member is found again by room + name. */
export const members = sqliteTable('members', {
  id: integer('id').primaryKey(),
  roomId: integer('room_id').notNull().references(() => rooms.id),
  contactId: text('contact_id').notNull(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, t => [
  uniqueIndex('members_room_contact').on(t.roomId, t.contactId),
  // (name, room) serves both a room's member by name and a secretary found by name alone
  index('members_name_room').on(t.name, t.roomId),
  index('members_contact').on(t.contactId),
])

/** Appointed roles: organizer of one room, or secretary of the whole deployment. */
export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  role: text('role', { enum: ['organizer', 'secretary'] }).notNull(),
  /** the member appointed (a secretary is appointed in some room but acts everywhere) */
  memberId: integer('member_id').notNull().references(() => members.id),
  /** the room an organizer organizes; null for a secretary */
  roomId: integer('room_id').references(() => rooms.id),
  createdAt: integer('created_at').notNull(),
}, t => [
  uniqueIndex('roles_unique').on(t.role, t.memberId),
  index('roles_room').on(t.roomId),
])

export const activities = sqliteTable('activities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  roomId: integer('room_id').notNull().references(() => rooms.id),
  title: text('title').notNull(),
  type: text('type').notNull(),
  startAt: integer('start_at').notNull(),
  endAt: integer('end_at'),
  location: text('location'),
  /** null = unlimited */
  capacity: integer('capacity'),
  deadlineAt: integer('deadline_at').notNull(),
  /** JSON array of ms before the start; null = the configured default */
  remindOffsets: text('remind_offsets'),
  description: text('description'),
  status: text('status', { enum: ['scheduled', 'completed', 'cancelled'] }).notNull().default('scheduled'),
  organizerMemberId: integer('organizer_member_id').references(() => members.id),
  organizerName: text('organizer_name').notNull(),
  cancelReason: text('cancel_reason'),
  /** 实到 N given with #完成; null = the length of the attended list */
  attendanceOverride: integer('attendance_override'),
  completionNote: text('completion_note'),
  completedAt: integer('completed_at'),
  /** when the organizer was asked to mark it completed (it had ended without #完成) */
  followedUpAt: integer('followed_up_at'),
  cancelledAt: integer('cancelled_at'),
  /**
   * The roster summed up, kept by db/signups.ts in the same statement batch as every sign-up
   * change: seats held by confirmed sign-ups, and how many sign-ups wait. A sign-up reads one row
   * instead of summing the roster.
   */
  seatsTaken: integer('seats_taken').notNull().default(0),
  waiting: integer('waiting').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, t => [
  index('activities_room_status_start').on(t.roomId, t.status, t.startAt),
  index('activities_start').on(t.startAt),
])

/**
 * One sign-up: a member (member_id) or a guest (guest_name) registered by a member, with unnamed
 * companions. Seats taken = 1 + companions. A cancelled row stays for the audit trail; a new
 * sign-up after a cancellation is a new row.
 */
export const signups = sqliteTable('signups', {
  id: integer('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  memberId: integer('member_id').references(() => members.id),
  guestName: text('guest_name'),
  registrantMemberId: integer('registrant_member_id').notNull().references(() => members.id),
  companions: integer('companions').notNull().default(0),
  status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
  /** when it joined the queue: the waitlist is served in this order (then id) */
  queuedAt: integer('queued_at').notNull(),
  source: text('source').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, t => [
  // nobody twice: at most one live sign-up per member, and per guest name, in an activity
  uniqueIndex('signups_live_member').on(t.activityId, t.memberId)
    .where(sql`status <> 'cancelled' AND member_id IS NOT NULL`),
  uniqueIndex('signups_live_guest').on(t.activityId, t.guestName)
    .where(sql`status <> 'cancelled' AND guest_name IS NOT NULL`),
  // covers the roster questions (who waits, in which order, with how many seats) without reading
  // rows; id before companions so the index order is the queue's order (queued_at, then id)
  index('signups_roster').on(t.activityId, t.status, t.queuedAt, t.id, t.companions),
  // guests by who registered them (member sign-ups never touch it)
  index('signups_registrant').on(t.registrantMemberId, t.status).where(sql`member_id IS NULL`),
])

export const checkins = sqliteTable('checkins', {
  id: integer('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  /** the sign-up it fulfils; null for a walk-in */
  signupId: integer('signup_id').references(() => signups.id),
  at: integer('at').notNull(),
}, t => [
  uniqueIndex('checkins_unique').on(t.activityId, t.memberId),
])

/** Reminders planned from an activity's offsets; each is sent, skipped or dropped exactly once. */
export const reminders = sqliteTable('reminders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  offsetMs: integer('offset_ms').notNull(),
  dueAt: integer('due_at').notNull(),
  status: text('status', { enum: ['planned', 'sent', 'skipped', 'dropped'] }).notNull().default('planned'),
  decidedAt: integer('decided_at'),
  createdAt: integer('created_at').notNull(),
}, t => [
  index('reminders_due').on(t.status, t.dueAt),
  index('reminders_activity').on(t.activityId, t.status),
])

/**
 * The durable outbox: what the bot has decided to say is stored in the same transaction as the
 * change that caused it, and marked when the puppet accepts it. `kind` says how `body` renders.
 */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey(),
  /** a room (rooms.id) … */
  roomId: integer('room_id').references(() => rooms.id),
  /** … or a private chat with a contact */
  contactId: text('contact_id'),
  contactName: text('contact_name'),
  kind: text('kind').notNull(),
  body: text('body').notNull(),
  /** open coalescing window (e.g. acknowledgements for one activity); null once closed */
  coalesceKey: text('coalesce_key'),
  status: text('status', { enum: ['pending', 'sending', 'sent', 'dropped', 'failed'] }).notNull().default('pending'),
  /** parts of a split message already accepted by the puppet */
  partsSent: integer('parts_sent').notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  lastError: text('last_error'),
  createdAt: integer('created_at').notNull(),
  sentAt: integer('sent_at'),
}, t => [
  index('outbox_pending').on(t.status, t.nextAttemptAt),
  uniqueIndex('outbox_open_window').on(t.coalesceKey).where(sql`coalesce_key IS NOT NULL`),
])

/**
 * Acknowledgement events of an `ack` outbox row, rendered together when it is sent and deleted
 * then: the table holds only what is waiting, so it needs no index (one write less per sign-up).
 */
export const outboxEvents = sqliteTable('outbox_events', {
  id: integer('id').primaryKey(),
  outboxId: integer('outbox_id').notNull().references(() => outbox.id),
  event: text('event').notNull(),
})

/**
 * Message ids already handled, so a duplicate delivery changes nothing. A WITHOUT ROWID table
 * (migration 0001, written by hand: drizzle cannot say it): one B-tree written per message; the
 * nightly prune scans it.
 */
export const handledMessages = sqliteTable('handled_messages', {
  msgId: text('msg_id').primaryKey(),
  at: integer('at').notNull(),
})

/** Every change, who made it and from which message. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  at: integer('at').notNull(),
  roomId: integer('room_id'),
  actorMemberId: integer('actor_member_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: integer('entity_id'),
  msgId: text('msg_id'),
  detail: text('detail'),
})

/**
 * The #接龙 lists of an activity so far: a list is read against every name that has been on one
 * (such a name is not new, even on a stale copy) and against the latest (a sender whose own line is
 * gone from it has left), as WeChat's copy-and-extend works.
 */
export const jielongLists = sqliteTable('jielong_lists', {
  activityId: integer('activity_id').primaryKey().references(() => activities.id),
  /** JSON {listed, latest}: every name that has been on a list of the activity (in the order first seen) and the latest list (db/jielong-lists) */
  names: text('names').notNull(),
  postedAt: integer('posted_at').notNull(),
})

/** Last run of periodic jobs (monthly push, backups), so a restart neither skips nor repeats one. */
export const jobState = sqliteTable('job_state', {
  name: text('name').primaryKey(),
  lastRunAt: integer('last_run_at').notNull(),
})

/** Facts about this deployment the command-line tools need, e.g. the time zone the bot runs in. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/**
 * One-time login links to the web pages (#网页, `npm run web -- --link`): only a hash of the token
 * is kept, so a copy of the database gives nobody a way in. A link is used once, within 15 minutes.
 */
export const webLoginLinks = sqliteTable('web_login_links', {
  /** sha256 of the token, hex */
  tokenHash: text('token_hash').primaryKey(),
  /** the WeChat contact the link was sent to: the session is theirs, with the roles they have at each request */
  contactId: text('contact_id').notNull(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
})

/** Web sessions (the cookie holds the token, the database its hash); 7 days or until /logout. */
export const webSessions = sqliteTable('web_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  contactId: text('contact_id').notNull(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
}, t => [
  index('web_sessions_contact').on(t.contactId),
])

/**
 * Pictures kept as an activity's evidence (the 台账's photos). The file lives beside the database
 * in photos/, named by its sha256 (db/photos.ts), written before this row commits; the same
 * content is one picture per activity however often it is forwarded.
 */
export const photos = sqliteTable('photos', {
  id: integer('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  /** sha256 of the content, hex: also the file's name (with `ext`) */
  sha256: text('sha256').notNull(),
  /** jpg, png, gif or webp, read from the content's magic bytes */
  ext: text('ext').notNull(),
  bytes: integer('bytes').notNull(),
  width: integer('width'),
  height: integer('height'),
  /** who sent it (their member row in the room) and under what name */
  senderMemberId: integer('sender_member_id').references(() => members.id),
  senderName: text('sender_name').notNull(),
  /** the file name the puppet gave it */
  originalName: text('original_name'),
  msgId: text('msg_id'),
  at: integer('at').notNull(),
}, t => [
  uniqueIndex('photos_activity_content').on(t.activityId, t.sha256),
  index('photos_activity_at').on(t.activityId, t.at, t.id),
])

/** `#照片 <id>`: the pictures this organizer sends in a room until `until` go to that activity. */
export const photoTargets = sqliteTable('photo_targets', {
  roomId: integer('room_id').notNull().references(() => rooms.id),
  contactId: text('contact_id').notNull(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  until: integer('until').notNull(),
}, t => [
  uniqueIndex('photo_targets_sender').on(t.roomId, t.contactId),
])
