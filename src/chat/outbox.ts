// The one way out: every message the bot sends leaves through here, from the durable outbox
// table — at most one per interval, long text split, failed sends retried with backoff without
// holding up other conversations, stale ones dropped rather than sent late.
import type { Logger } from 'pino'
import type { Clock } from '../core/clock.js'
import type { Person } from '../domain/records.js'
import { commitPending, type Db } from '../db/open.js'
import {
  earliestPending, makeAllDue, markDropped, markFailed, markPartSent, markRetry, markSending, markSent, pendingRows,
  type OutboxRow,
} from '../db/outbox-store.js'
import { roomById } from '../db/membership.js'

export type Destination =
  | { kind: 'room', wxId: string, topic: string }
  | { kind: 'contact', id: string, name: string }

export type Part =
  | { kind: 'text', text: string, mentions: readonly Person[] }
  | { kind: 'file', fileName: string, data: Buffer }

/** What actually talks to WeChat (the Wechaty adapter implements it). */
export interface Sender {
  sendText (to: Destination, text: string, mentions: readonly Person[]): Promise<void>
  sendFile (to: Destination, fileName: string, data: Buffer): Promise<void>
}

/** Turns a stored row into the parts to send (text split, acknowledgements written, files made). */
export type Renderer = (row: OutboxRow) => Promise<Part[]>

export interface OutboxOptions {
  db: Db
  clock: Clock
  log: Logger
  render: Renderer
  /** at most one message per this many ms */
  intervalMs: number
  /** a message decided longer ago than this is dropped, not sent stale */
  maxAgeMs: number
  maxAttempts?: number
  /** drive itself with timers (production); the replay drives it step by step instead */
  auto?: boolean
}

const backoffMs = (attempt: number): number => Math.min(5 * 60_000, 5_000 * 2 ** (attempt - 1))

export class Outbox {
  private sender: Sender | null = null
  private lastSendAt = -Infinity
  private readonly rendered = new Map<number, Part[]>()
  private running = false
  private stopped = false
  private timer: NodeJS.Timeout | undefined
  private timerAt = Infinity

  constructor (private readonly opts: OutboxOptions) {}

  /** Connect the sender (on login); nothing is sent before. */
  attach (sender: Sender): void {
    this.sender = sender
    this.stopped = false
    this.wake()
  }

  detach (): void {
    this.sender = null
    this.clearTimer()
  }

  /** When the next send may happen, or null when nothing is waiting (or no sender yet). */
  nextDue (): number | null {
    if (!this.sender) return null
    let t = Infinity
    for (const row of this.sendable()) t = Math.min(t, row.nextAttemptAt)
    return t === Infinity ? null : Math.max(t, this.lastSendAt + this.opts.intervalMs)
  }

  /**
   * Pending rows that may go next, oldest first: in each conversation, rows behind one that
   * waits for a retry wait too (messages of one chat keep their order).
   */
  private sendable (): OutboxRow[] {
    const blocked = new Set<string>()
    const out: OutboxRow[] = []
    for (const row of pendingRows(this.opts.db)) {
      const conversation = row.roomId !== null ? `r${row.roomId}` : `c${row.contactId}`
      if (blocked.has(conversation)) continue
      out.push(row)
      if (row.attempts > 0) blocked.add(conversation)
    }
    return out
  }

  /**
   * Something was enqueued: in auto mode, make sure a timer will send it. Called after every
   * message, so it first asks the index whether anything could be due before the timer already
   * set; only then does it read the waiting rows.
   */
  wake (): void {
    if (!this.opts.auto || this.stopped || this.running || !this.sender) return
    const earliest = earliestPending(this.opts.db)
    if (earliest === null) return
    if (this.timer && this.timerAt <= Math.max(earliest, this.lastSendAt + this.opts.intervalMs)) return
    const due = this.nextDue()
    if (due === null) return
    if (this.timer && this.timerAt <= due) return
    this.clearTimer()
    this.timerAt = due
    this.timer = setTimeout(() => { void this.runOnce() }, Math.max(0, due - this.opts.clock.now()))
  }

  private async runOnce (): Promise<void> {
    this.timer = undefined
    this.timerAt = Infinity
    await this.pump(this.opts.clock.now())
    this.wake()
  }

  private clearTimer (): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.timerAt = Infinity
  }

  /**
   * Sends at most one part of one message that is due at `now`. Rows of one conversation go out
   * in order; a row waiting for a retry holds back only its own conversation.
   */
  async pump (now: number, opts: { ignoreInterval?: boolean } = {}): Promise<boolean> {
    const sender = this.sender
    if (!sender || this.running) return false
    if (!opts.ignoreInterval && now < this.lastSendAt + this.opts.intervalMs) return false
    this.running = true
    try {
      // only what is committed may leave the bot
      commitPending(this.opts.db)
      for (const row of this.sendable()) {
        if (row.nextAttemptAt > now) continue
        if (await this.sendOne(sender, row, now)) return true
      }
      return false
    } finally {
      this.running = false
    }
  }

  private async sendOne (sender: Sender, row: OutboxRow, now: number): Promise<boolean> {
    const { db, log } = this.opts
    if (now - row.createdAt > this.opts.maxAgeMs) {
      markDropped(db, row.id, 'stale')
      this.rendered.delete(row.id)
      log.warn({ outboxId: row.id, kind: row.kind, ageMs: now - row.createdAt }, 'outbox: dropped a stale message instead of sending it late')
      return false
    }
    const to = this.destination(row)
    if (!to) {
      markDropped(db, row.id, 'unknown room')
      log.warn({ outboxId: row.id }, 'outbox: dropped a message for a room that no longer exists')
      return false
    }
    if (row.status === 'pending') markSending(db, row.id)
    try {
      let parts = this.rendered.get(row.id)
      if (!parts) {
        parts = await this.opts.render(row)
        this.rendered.set(row.id, parts)
      }
      const part = parts[row.partsSent]
      if (part) {
        if (part.kind === 'text') await sender.sendText(to, part.text, part.mentions)
        else await sender.sendFile(to, part.fileName, part.data)
        this.lastSendAt = this.opts.clock.now()
      }
      const sent = row.partsSent + 1
      if (sent >= parts.length) {
        markSent(db, row.id, this.opts.clock.now())
        this.rendered.delete(row.id)
      } else {
        markPartSent(db, row.id, sent)
      }
      // on disk at once (not with the next batch of messages): a crash now must not send it again
      commitPending(db)
      return part !== undefined
    } catch (err) {
      const attempts = row.attempts + 1
      this.lastSendAt = this.opts.clock.now()
      if (attempts >= (this.opts.maxAttempts ?? 5)) {
        markFailed(db, row.id, attempts, String(err))
        this.rendered.delete(row.id)
        log.error({ err, outboxId: row.id, attempts }, 'outbox: giving up on a message after repeated failures')
      } else {
        markRetry(db, row.id, attempts, now + backoffMs(attempts), String(err))
        log.warn({ err, outboxId: row.id, attempts }, 'outbox: send failed, will retry')
      }
      return true
    }
  }

  private destination (row: OutboxRow): Destination | null {
    if (row.roomId !== null) {
      const room = roomById(this.opts.db, row.roomId)
      return room ? { kind: 'room', wxId: room.wxId, topic: room.topic } : null
    }
    return { kind: 'contact', id: row.contactId ?? '', name: row.contactName ?? '' }
  }

  /**
   * Shutdown: flush open acknowledgement windows and send everything waiting. `realTime` keeps
   * the interval by sleeping (a real SIGTERM); otherwise the clock stands still (replay).
   */
  async drain (opts: { realTime: boolean, timeoutMs?: number }): Promise<void> {
    this.stopped = true
    this.clearTimer()
    const { clock, db } = this.opts
    const started = Date.now()
    makeAllDue(db, clock.now())
    while (Date.now() - started < (opts.timeoutMs ?? 15_000)) {
      const due = this.nextDue()
      if (due === null) break
      if (opts.realTime) {
        const wait = due - clock.now()
        if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
      }
      const progressed = await this.pump(clock.now(), { ignoreInterval: !opts.realTime })
      if (!progressed && (!opts.realTime || (this.nextDue() ?? Infinity) > clock.now() + 60_000)) break
    }
  }
}
