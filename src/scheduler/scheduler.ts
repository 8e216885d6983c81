// What happens at a time rather than on a message: reminders, the monthly push to secretaries,
// nightly maintenance. tick(now) runs whatever is due; node-cron calls it every 15 s in
// production, the replay calls it at each due time on the fake clock.
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import { enqueueFollowUp, enqueueReminder } from '../core/announcements.js'
import { activityById, dueFollowUps, nextFollowUpDue, remindOffsetsOf, updateActivity } from '../db/activities.js'
import { backupDatabase } from '../db/backup.js'
import { pruneHandled } from '../db/handled.js'
import { inTransaction, type Db } from '../db/open.js'
import { roomById, secretaries } from '../db/membership.js'
import { decideReminder, dueReminders, nextReminderDue } from '../db/reminders.js'
import { jobState } from '../db/schema.js'
import { decideDue } from '../domain/reminder-plan.js'
import { previousMonth } from '../domain/zoned-time.js'
import { ALL_ROOMS, enqueueReportBundle } from '../report/bundle.js'
import { monthPeriod } from '../report/figures.js'
import { nextCronTime } from './cron-next.js'

export interface SchedulerConfig {
  timeZone: string
  remindOffsets: readonly number[]
  /** when secretaries receive last month's report */
  monthlyReportCron: string
  /** nightly maintenance; backups only when `backup` is set */
  maintenanceCron: string
  backup: { dir: string, keep: number } | null
}

export interface SchedulerDeps {
  db: Db
  log: Logger
  config: SchedulerConfig
  /** told when something was enqueued, so the outbox wakes up */
  onEnqueue?: () => void
}

const MONTHLY = 'monthly-report'
const MAINTENANCE = 'maintenance'
/**
 * Handled message ids are kept this long: puppets redeliver within minutes, but a replayed or
 * re-imported conversation may repeat an id from weeks ago. About 100 bytes a command: small.
 */
const HANDLED_IDS_KEPT_MS = 62 * 24 * 3600_000

/** Missed monthly pushes sent at start-up after an outage: at most the latest this many months. */
const MAX_CATCH_UP_MONTHS = 3

export class Scheduler {
  private ticking = false
  /** the last tick's time: a follow-up held back for the night is next due in the morning after it */
  private lastTick = -Infinity

  constructor (private readonly deps: SchedulerDeps) {}

  /** First start on a database: periodic jobs count from now, so nothing fires for the past. */
  init (now: number): void {
    const { db } = this.deps
    for (const name of [MONTHLY, MAINTENANCE]) {
      db.insert(jobState).values({ name, lastRunAt: now }).onConflictDoNothing().run()
    }
  }

  private lastRun (name: string): number | null {
    return this.deps.db.select().from(jobState).where(eq(jobState.name, name)).get()?.lastRunAt ?? null
  }

  private jobDue (name: string, cron: string): number | null {
    const last = this.lastRun(name)
    return last === null ? null : nextCronTime(cron, last, this.deps.config.timeZone)
  }

  /** When tick next has something to do, or null. */
  nextDue (): number | null {
    const { config } = this.deps
    const times = [
      nextReminderDue(this.deps.db),
      nextFollowUpDue(this.deps.db, config.timeZone, this.lastTick),
      this.jobDue(MONTHLY, config.monthlyReportCron),
      this.jobDue(MAINTENANCE, config.maintenanceCron),
    ].filter((t): t is number => t !== null)
    return times.length > 0 ? Math.min(...times) : null
  }

  /** Runs everything due at `now`. Never overlaps itself. */
  async tick (now: number): Promise<void> {
    if (this.ticking) return
    this.ticking = true
    this.lastTick = now
    try {
      const sent = this.runReminders(now)
      const asked = this.runFollowUps(now)
      const pushed = this.runMonthly(now)
      this.runMaintenance(now)
      if (sent || asked || pushed) this.deps.onEnqueue?.()
    } catch (err) {
      this.deps.log.error({ err }, 'scheduler tick failed')
    } finally {
      this.ticking = false
    }
  }

  /** Due reminders: each sent or skipped exactly once, in the same transaction as its messages. */
  private runReminders (now: number): boolean {
    const { db, config, log } = this.deps
    const due = dueReminders(db, now)
    if (due.length === 0) return false
    let sent = false
    inTransaction(db, () => {
      const activities = new Map(due.map(r => [r.activityId, activityById(db, r.activityId)]))
      const quiet = new Set([...activities.values()].filter(a => a && !roomById(db, a.roomId)?.enabled).map(a => a?.id))
      // a cancelled or completed activity, or one in a room where the bot was turned off (#停用), is not reminded
      const startOf = (id: number): number => {
        const a = activities.get(id)
        return a && a.status === 'scheduled' && !quiet.has(id) ? a.startAt : -Infinity
      }
      for (const d of decideDue(due, startOf, now)) {
        const reminder = due.find(r => r.id === d.id)
        const activity = reminder ? activities.get(reminder.activityId) : undefined
        if (d.action === 'send' && activity && reminder) {
          const offsets = remindOffsetsOf(activity) ?? config.remindOffsets
          enqueueReminder(db, activity, { timeZone: config.timeZone, defaultOffsets: config.remindOffsets, withRoster: reminder.offsetMs === Math.max(...offsets) }, now)
          sent = true
        }
        decideReminder(db, d.id, d.action === 'send' ? 'sent' : 'skipped', now)
        log.info({ reminderId: d.id, activityId: reminder?.activityId, action: d.action, lateMs: reminder ? now - reminder.dueAt : 0 }, 'reminder decided')
      }
    })
    return sent
  }

  /** Activities that ended without #完成: their organizers are asked, once each. */
  private runFollowUps (now: number): boolean {
    const { db, config, log } = this.deps
    const due = dueFollowUps(db, now, config.timeZone)
    if (due.length === 0) return false
    let asked = false
    inTransaction(db, () => {
      for (const activity of due) {
        if (roomById(db, activity.roomId)?.enabled && enqueueFollowUp(db, activity, config.timeZone, now)) asked = true
        updateActivity(db, activity.id, { followedUpAt: now }, now)
        log.info({ activityId: activity.id }, 'asked the organizer to mark an ended activity completed')
      }
    })
    return asked
  }

  /**
   * On the 1st (configurable): every secretary gets last month's report, 台账 and chart. Each run
   * that fell due sends the month before its own due time, so a run missed while the bot was down
   * sends the month it would have sent (at start-up), and the next run still sends its own.
   */
  private runMonthly (now: number): boolean {
    const { db, config, log } = this.deps
    let due = this.jobDue(MONTHLY, config.monthlyReportCron)
    if (due === null || due > now) return false
    const months: string[] = []
    let ran = due
    for (; due !== null && due <= now; due = nextCronTime(config.monthlyReportCron, due, config.timeZone)) {
      const month = previousMonth(due, config.timeZone)
      if (!months.includes(month)) months.push(month)
      ran = due
    }
    const people = secretaries(db)
    // after a long outage only the latest few: a year of reports at once helps nobody
    const skipped = months.splice(0, Math.max(0, months.length - MAX_CATCH_UP_MONTHS))
    if (skipped.length > 0) log.warn({ skipped }, 'monthly report: missed months not sent after a long outage')
    inTransaction(db, () => {
      for (const month of months) {
        const period = monthPeriod(month, config.timeZone)
        if (!period) continue
        for (const person of people) {
          enqueueReportBundle(db, { contact: person }, { period, roomIds: null, title: ALL_ROOMS, text: true, ledger: true, chart: true }, now)
        }
      }
      // the due time of the latest run, not now: the next run counts from when this one was due
      db.update(jobState).set({ lastRunAt: ran }).where(eq(jobState.name, MONTHLY)).run()
    })
    log.info({ months, secretaries: people.length }, people.length > 0 ? 'monthly report pushed' : 'monthly report: no secretary appointed, nothing sent')
    return people.length > 0
  }

  private runMaintenance (now: number): void {
    const { db, config, log } = this.deps
    const due = this.jobDue(MAINTENANCE, config.maintenanceCron)
    if (due === null || due > now) return
    db.update(jobState).set({ lastRunAt: now }).where(eq(jobState.name, MAINTENANCE)).run()
    const pruned = pruneHandled(db, now - HANDLED_IDS_KEPT_MS)
    log.info({ pruned }, 'maintenance: forgot old message ids')
    if (config.backup) {
      try {
        const path = backupDatabase(db, config.backup.dir, config.backup.keep, now, config.timeZone)
        log.info({ path }, 'maintenance: database backed up')
      } catch (err) {
        log.error({ err }, 'maintenance: backup failed')
      }
    }
  }
}
