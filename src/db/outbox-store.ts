// The durable outbox table: enqueue (inside the transaction that decided it), coalesce
// acknowledgements into one open window per activity and repeated refusals into one per room and
// text, say a group text that repeats the last one once, claim and mark what the sender does.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Person, Target } from '../domain/records.js'
import type { Report } from '../report/types.js'
import type { Db } from './open.js'
import { prepared, rowQuery } from './prepared.js'
import { outbox, outboxEvents } from './schema.js'

export type OutboxRow = typeof outbox.$inferSelect

/** A plain text message with @mentions. */
export interface TextBody {
  text: string
  mentions: Person[]
}

/** One change to the roster of an activity, acknowledged together with its neighbours. */
export interface AckEvent {
  kind: 'confirmed' | 'waitlisted' | 'cancelled' | 'promoted' | 'already' | 'resized' | 'checked-in' | 'walk-in' | 'already-checked-in'
  name: string
  /** the person to @mention (promotions), when a member */
  mention?: Person
  /** people in this sign-up (1 + companions) */
  seats: number
  /** waitlist place at the time, for waitlisted (the acknowledgement shows the place when it is sent) */
  place?: number
  /** the sign-up, so its place can be read again when the acknowledgement is sent */
  signupId?: number
  /** who signed them up, when it was someone else (代报名 / 接龙) */
  by?: string
  /** a party large enough (from one reply) that the acknowledgement says the count back, so a misread is seen at once */
  checkCount?: true
}

/** A question to a member, folded into the activity's acknowledgement: @mentions them and gives the exact reply. */
export interface AskEvent {
  kind: 'ask'
  mention: Person
  /** the question, with the reply to send (「取消报名」) */
  text: string
}

/** An acknowledgement names its activity; its events are rows of outbox_events. */
export interface AckBody {
  activityId: number
}

/** A file drawn when it is sent: the 台账 workbook or the chart of a period. */
export interface FileBody {
  file: 'ledger-xlsx' | 'chart-png'
  from: string
  to: string
  /** only these rooms (rooms.id); null = all rooms */
  roomIds: number[] | null
  /** what the report is called (e.g. 鹿城新联会 or 全部组织) */
  title: string
  fileName: string
  /** the figures as they were when the file was asked for; absent in rows queued by older versions */
  report?: Report
  /** when the figures were read (absent in older rows) */
  at?: number
}

/** A refusal of member replies: one text, @mentioning everyone whose reply drew it within the window (events: NoticeEvent). */
export interface NoticeBody {
  text: string
}

export interface NoticeEvent {
  mention: Person
}

/** An activity record (#活动记录): the .docx drawn from the database when it is sent. */
export interface RecordBody {
  activityId: number
  fileName: string
}

/** Pictures kept for an activity, acknowledged together (events: PhotoEvent). */
export interface PhotoAckBody {
  activityId: number
}

export interface PhotoEvent {
  photoId: number
}

export type OutboxKind = 'text' | 'ack' | 'file' | 'notice' | 'record' | 'photos'

function targetColumns (target: Target): Pick<OutboxRow, 'roomId' | 'contactId' | 'contactName'> {
  return 'roomId' in target
    ? { roomId: target.roomId, contactId: null, contactName: null }
    : { roomId: null, contactId: target.contact.id, contactName: target.contact.name }
}

export function enqueue (db: Db, target: Target, kind: OutboxKind, body: TextBody | AckBody | FileBody | RecordBody, now: number, coalesceKey: string | null = null): number {
  return Number(prepared(db, 'enqueue', () => db.$client.prepare(`INSERT INTO outbox
    (room_id, contact_id, contact_name, kind, body, next_attempt_at, created_at, coalesce_key)
    VALUES (@roomId, @contactId, @contactName, @kind, @body, @nextAttemptAt, @createdAt, @coalesceKey)`))
    .run({ ...targetColumns(target), kind, body: JSON.stringify(body), nextAttemptAt: now, createdAt: now, coalesceKey }).lastInsertRowid)
}

/** The same text to a group (and the same people in it) right after itself within this long is said once: thirty #帮助 in a burst are one answer. */
export const REPEAT_MS = 10_000

export function enqueueText (db: Db, target: Target, text: string, mentions: Person[], now: number): number {
  // a private message is always for its reader; in a group, words that repeat what the group was told last
  // (ten #提醒 in a row) have just been seen. Only the last text counts: 图书馆 → 同心荟 → 图书馆 is three changes.
  // The room's last text row carries the key (found by index), kept through the send and handed on.
  const body: TextBody = { text, mentions }
  if (!('roomId' in target)) return enqueue(db, target, 'text', body, now)
  const key = `said:${target.roomId}`
  const last = prepared(db, 'said-last', () => db.$client.prepare('SELECT id, body, created_at AS createdAt FROM outbox WHERE coalesce_key = ?'))
    .get(key) as { id: number, body: string, createdAt: number } | undefined
  if (last !== undefined && last.body === JSON.stringify(body) && now - last.createdAt < REPEAT_MS) return last.id
  if (last !== undefined) db.update(outbox).set({ coalesceKey: null }).where(eq(outbox.id, last.id)).run()
  return enqueue(db, target, 'text', body, now, key)
}

/**
 * The same file for the same chat within REPEAT_MS is sent once: #台账 tapped twice (or delivered twice under two
 * ids) is one workbook. The same file means the same figures; a workbook asked for again after a change is sent.
 */
export function enqueueFile (db: Db, target: Target, body: FileBody, now: number): number {
  const { roomId, contactId } = targetColumns(target)
  const unstamped = (b: FileBody): string => JSON.stringify({ ...b, at: undefined })
  const recent = prepared(db, 'file-recent', () => db.$client.prepare(`SELECT id, body FROM outbox
    WHERE status IN ('pending', 'sending', 'sent') AND next_attempt_at >= ? AND kind = 'file' AND room_id IS ? AND contact_id IS ?`))
    .all(now - REPEAT_MS, roomId, contactId) as Array<{ id: number, body: string }>
  const same = recent.find(row => unstamped(JSON.parse(row.body) as FileBody) === unstamped(body))
  return same?.id ?? enqueue(db, target, 'file', body, now)
}

/** A storm that never pauses is still answered every ACK_WINDOW_LIMIT windows. */
export const ACK_WINDOW_LIMIT = 6
const ACK_SLACK_MS = 2000

/**
 * Adds an acknowledgement to the activity's open window, or opens one: the message waits until
 * the activity has been quiet for `windowMs`, so events that follow each other within the window
 * are answered together. An event pushes the window's end to at least `windowMs` after it (a
 * little more, so a storm moves it once every ACK_SLACK_MS rather than at every event). Each
 * event is a row of its own, so a 300-person storm costs one small insert per sign-up.
 */
export function enqueueAck (db: Db, roomId: number, activityId: number, event: AckEvent, now: number, windowMs: number): void {
  enqueueCoalesced(db, { key: `ack:${activityId}`, roomId, kind: 'ack', body: { activityId } satisfies AckBody }, event, now, windowMs)
}

/** Questions wait until this long after the activity's previous acknowledgement: at most one message a minute. */
export const ASK_SPACING_MS = 60_000

/**
 * Folds a question into the activity's acknowledgement: into the open window, or a new one sent no sooner
 * than ASK_SPACING_MS after the activity's previous acknowledgement.
 */
export function enqueueAsk (db: Db, roomId: number, activityId: number, event: AskEvent, now: number, windowMs: number): void {
  const body = JSON.stringify({ activityId } satisfies AckBody)
  const last = prepared(db, 'last-ack', () => db.$client.prepare(
    "SELECT max(coalesce(sent_at, next_attempt_at)) FROM outbox WHERE room_id = ? AND kind = 'ack' AND body = ?").pluck())
    .get(roomId, body) as number | null
  const due = Math.max(now + windowMs, last === null ? 0 : last + ASK_SPACING_MS)
  enqueueCoalesced(db, { key: `ack:${activityId}`, roomId, kind: 'ack', body: { activityId } satisfies AckBody }, event, now, windowMs, due)
}

/**
 * The same refusal of member replies in a room (报名 after the deadline, with two open activities,
 * …) within the window is sent once, @mentioning each person it answers: a storm of 300 late
 * sign-ups costs the group one message, not 300.
 */
export function enqueueCoalescedRefusal (db: Db, roomId: number, text: string, mention: Person, now: number, windowMs: number): void {
  enqueueCoalesced(db, { key: `notice:${roomId}:${text}`, roomId, kind: 'notice', body: { text } satisfies NoticeBody }, { mention } satisfies NoticeEvent, now, windowMs)
}

/** Pictures kept for an activity: one message for those within `windowMs` of each other (a minute: at most one a minute per activity). */
export function enqueuePhotoAck (db: Db, roomId: number, activityId: number, photoId: number, now: number, windowMs: number): void {
  enqueueCoalesced(db, { key: `photos:${activityId}`, roomId, kind: 'photos', body: { activityId } satisfies PhotoAckBody }, { photoId } satisfies PhotoEvent, now, windowMs)
}

/** Adds an event to the open window with this key, or opens one (see enqueueAck). */
function enqueueCoalesced (db: Db, row: { key: string, roomId: number, kind: OutboxKind, body: AckBody | NoticeBody | PhotoAckBody }, event: AckEvent | AskEvent | NoticeEvent | PhotoEvent, now: number, windowMs: number, due = now + windowMs): void {
  const { key } = row
  const payload = JSON.stringify(event)
  // mostly the window is open: the event joins it
  const open = prepared(db, 'open-ack-window', () => db.$client.prepare(`SELECT id, next_attempt_at AS due, created_at AS createdAt
    FROM outbox WHERE coalesce_key = ? AND status = 'pending' AND next_attempt_at > ?`)).get(key, now) as { id: number, due: number, createdAt: number } | undefined
  if (open !== undefined) {
    prepared(db, 'insert-ack-event', () => db.$client.prepare('INSERT INTO outbox_events (outbox_id, event) VALUES (?, ?)'))
      .run(open.id, payload)
    const limit = open.createdAt + ACK_WINDOW_LIMIT * windowMs
    if (open.due < now + windowMs && open.due < limit) {
      prepared(db, 'extend-ack-window', () => db.$client.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?'))
        .run(Math.min(now + windowMs + ACK_SLACK_MS, limit), open.id)
    }
    return
  }
  // the window has closed (its message is due or on its way), or there was none: a new one
  db.update(outbox).set({ coalesceKey: null }).where(eq(outbox.coalesceKey, key)).run()
  const outboxId = db.insert(outbox).values({
    roomId: row.roomId,
    contactId: null,
    contactName: null,
    kind: row.kind,
    body: JSON.stringify(row.body),
    coalesceKey: key,
    nextAttemptAt: due,
    createdAt: now,
  }).returning({ id: outbox.id }).get().id
  prepared(db, 'insert-ack-event', () => db.$client.prepare('INSERT INTO outbox_events (outbox_id, event) VALUES (?, ?)'))
    .run(outboxId, payload)
}

/** The events of a coalesced row, in the order they happened. */
function windowEvents<E> (db: Db, outboxId: number): E[] {
  return db.select({ event: outboxEvents.event }).from(outboxEvents).where(eq(outboxEvents.outboxId, outboxId))
    .orderBy(asc(outboxEvents.id)).all().map(r => JSON.parse(r.event) as E)
}

export const ackEvents = (db: Db, outboxId: number): Array<AckEvent | AskEvent> => windowEvents<AckEvent | AskEvent>(db, outboxId)
export const noticeEvents = (db: Db, outboxId: number): NoticeEvent[] => windowEvents<NoticeEvent>(db, outboxId)
export const photoEvents = (db: Db, outboxId: number): PhotoEvent[] => windowEvents<PhotoEvent>(db, outboxId)

/** Pending rows, oldest first: the sender picks from these. */
export function pendingRows (db: Db): OutboxRow[] {
  return rowQuery<OutboxRow>(db, 'outbox-pending', outbox, "status IN ('pending', 'sending') ORDER BY id").all()
}

/**
 * The earliest time any waiting row asks to be sent, or null when none waits: a bound from below
 * (a row behind a retry in its conversation waits longer), read from the index, cheap enough to
 * ask after every message.
 */
export function earliestPending (db: Db): number | null {
  return prepared(db, 'outbox-earliest', () => db.$client.prepare(
    "SELECT min(next_attempt_at) FROM outbox WHERE status IN ('pending', 'sending')").pluck()).get() as number | null
}

/**
 * Closes a row's coalescing window (later events open a new one); a `said:` key stays, as it says what the
 * group has already been told (enqueueText), which a send does not change.
 */
const CLOSE_WINDOW = sql<string | null>`CASE WHEN coalesce_key LIKE 'said:%' THEN coalesce_key END`

/** Closes the row's window and marks it in progress. */
export function markSending (db: Db, id: number): void {
  db.update(outbox).set({ status: 'sending', coalesceKey: CLOSE_WINDOW }).where(eq(outbox.id, id)).run()
}

export function markPartSent (db: Db, id: number, partsSent: number): void {
  db.update(outbox).set({ partsSent }).where(eq(outbox.id, id)).run()
}

/** A finished acknowledgement no longer needs its events (the table keeps only what waits). */
function forgetEvents (db: Db, id: number): void {
  db.delete(outboxEvents).where(eq(outboxEvents.outboxId, id)).run()
}

export function markSent (db: Db, id: number, now: number): void {
  db.update(outbox).set({ status: 'sent', sentAt: now, coalesceKey: CLOSE_WINDOW }).where(eq(outbox.id, id)).run()
  forgetEvents(db, id)
}

export function markDropped (db: Db, id: number, reason: string): void {
  db.update(outbox).set({ status: 'dropped', lastError: reason, coalesceKey: CLOSE_WINDOW }).where(eq(outbox.id, id)).run()
  forgetEvents(db, id)
}

export function markRetry (db: Db, id: number, attempts: number, nextAttempt: number, error: string): void {
  db.update(outbox).set({ attempts, nextAttemptAt: nextAttempt, lastError: error }).where(eq(outbox.id, id)).run()
}

export function markFailed (db: Db, id: number, attempts: number, error: string): void {
  db.update(outbox).set({ status: 'failed', attempts, lastError: error, coalesceKey: CLOSE_WINDOW }).where(eq(outbox.id, id)).run()
  forgetEvents(db, id)
}

/** Makes every waiting row due now (shutdown: flush coalesced acknowledgements and retries without waiting). */
export function makeAllDue (db: Db, now: number): void {
  db.update(outbox).set({ nextAttemptAt: now })
    .where(and(inArray(outbox.status, ['pending', 'sending']), gt(outbox.nextAttemptAt, now)))
    .run()
}
