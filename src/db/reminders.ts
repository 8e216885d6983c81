// Planned reminders in SQLite: re-planned on edits, dropped on cancel/complete, each decided once.
import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { reminderPlan, withoutRepeats, type DueReminder } from '../domain/reminder-plan.js'
import type { Db } from './open.js'
import { reminders } from './schema.js'

export type ReminderRow = typeof reminders.$inferSelect

/** Drops the activity's planned reminders and plans them anew from its start and offsets (see withoutRepeats). */
export function replanReminders (db: Db, activityId: number, start: number, offsets: readonly number[], now: number): ReminderRow[] {
  dropReminders(db, activityId, now)
  const sent = db.select({ offsetMs: reminders.offsetMs, at: sql<number>`max(${reminders.decidedAt})` }).from(reminders)
    .where(and(eq(reminders.activityId, activityId), eq(reminders.status, 'sent'))).groupBy(reminders.offsetMs).all()
  const plan = withoutRepeats(reminderPlan(start, offsets, now), new Map(sent.map(r => [r.offsetMs, r.at])))
  if (plan.length === 0) return []
  return db.insert(reminders).values(plan.map(p => ({ activityId, offsetMs: p.offsetMs, dueAt: p.dueAt, status: 'planned' as const, createdAt: now })))
    .returning().all()
}

export function dropReminders (db: Db, activityId: number, now: number): void {
  db.update(reminders).set({ status: 'dropped', decidedAt: now })
    .where(and(eq(reminders.activityId, activityId), eq(reminders.status, 'planned'))).run()
}

export function plannedReminders (db: Db, activityId: number): ReminderRow[] {
  return db.select().from(reminders).where(and(eq(reminders.activityId, activityId), eq(reminders.status, 'planned')))
    .orderBy(asc(reminders.dueAt)).all()
}

export function dueReminders (db: Db, now: number): DueReminder[] {
  return db.select({ id: reminders.id, activityId: reminders.activityId, offsetMs: reminders.offsetMs, dueAt: reminders.dueAt })
    .from(reminders).where(and(eq(reminders.status, 'planned'), lte(reminders.dueAt, now)))
    .orderBy(asc(reminders.dueAt), asc(reminders.id)).all()
}

export function nextReminderDue (db: Db): number | null {
  return db.select({ t: sql<number | null>`min(${reminders.dueAt})` }).from(reminders)
    .where(eq(reminders.status, 'planned')).get()?.t ?? null
}

export function decideReminder (db: Db, id: number, status: 'sent' | 'skipped', now: number): void {
  db.update(reminders).set({ status, decidedAt: now }).where(and(eq(reminders.id, id), eq(reminders.status, 'planned'))).run()
}
