// When an activity's reminders are due, from its offsets; and which due reminders to send.

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
