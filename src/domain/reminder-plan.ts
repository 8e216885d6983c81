// When an activity's reminders are due, from its offsets; and which due reminders to send.
import { addDays, fromWall, toWall } from './zoned-time.js'

export interface PlannedReminder {
  offsetMs: number
  dueAt: number
}

/** Reminders still ahead of `now` for an activity starting at `start`, earliest first. */
export function reminderPlan (start: number, offsets: readonly number[], now: number): PlannedReminder[] {
  return [...new Set(offsets)]
    .filter(ms => ms > 0)
    .map(offsetMs => ({ offsetMs, dueAt: start - offsetMs }))
    .filter(r => r.dueAt > now)
    .sort((a, b) => a.dueAt - b.dueAt)
}

/**
 * A reminder already sent for an offset is not planned again while its new time is still within that offset of the
 * sending: a start moved two hours later does not repeat 「1天后开始」 an hour after it was said (the change notice
 * has told everyone the new time); a start moved a week later, or a 1-hour reminder moved by two hours, is sent again.
 */
export function withoutRepeats (plan: readonly PlannedReminder[], sentAt: ReadonlyMap<number, number>): PlannedReminder[] {
  return plan.filter(p => {
    const at = sentAt.get(p.offsetMs)
    return at === undefined || p.dueAt - at >= p.offsetMs
  })
}

export interface DueReminder {
  id: number
  activityId: number
  offsetMs: number
  dueAt: number
}

export type ReminderDecision = { id: number, action: 'send' | 'skip' }

/**
 * What to do with reminders that are due at `now` (after a restart several may be due at once):
 * once an activity has started, none is sent; otherwise only the latest one due is sent — two
 * reminders for the same activity in the same minute would be noise.
 */
export function decideDue (due: readonly DueReminder[], startOf: (activityId: number) => number, now: number): ReminderDecision[] {
  const byActivity = new Map<number, DueReminder[]>()
  for (const r of due) byActivity.set(r.activityId, [...(byActivity.get(r.activityId) ?? []), r])
  const out: ReminderDecision[] = []
  for (const [activityId, list] of byActivity) {
    const started = startOf(activityId) <= now
    const latest = list.reduce((a, b) => (b.dueAt > a.dueAt ? b : a))
    for (const r of list) out.push({ id: r.id, action: !started && r === latest ? 'send' : 'skip' })
  }
  return out
}

/** Private asks to an organizer (the #完成 nudge) wait for the morning: nobody wants one at 03:30. */
export const NIGHT_STARTS_HOUR = 22
export const MORNING_HOUR = 8

/** `at`, or 08:00 after it when it falls between 22:00 and 08:00 in the zone. */
export function outOfNight (at: number, timeZone: string): number {
  const w = toWall(at, timeZone)
  if (w.hour >= MORNING_HOUR && w.hour < NIGHT_STARTS_HOUR) return at
  const today = { year: w.year, month: w.month, day: w.day }
  const day = w.hour >= NIGHT_STARTS_HOUR ? addDays(today, 1) : today
  return fromWall({ ...day, hour: MORNING_HOUR, minute: 0, second: 0 }, timeZone)
}
