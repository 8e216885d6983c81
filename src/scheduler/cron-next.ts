// The next time a cron expression fires after an instant, in a time zone (node-cron parses the
// expression; this walks the calendar so a fake clock can ask "when is the next one?").
import cron from 'node-cron'
import { addDays, fromWall, toWall, weekdayOf } from '../domain/zoned-time.js'

/** First instant strictly after `after` matching the expression in `timeZone`; null within ~4 years: never. */
export function nextCronTime (expression: string, after: number, timeZone: string): number | null {
  const f = cron.parse(expression)
  const months = new Set(f.month)
  const days = new Set(f.dayOfMonth.map(Number))
  const weekdays = new Set(f.dayOfWeek.map(d => Number(d) % 7))
  const times: Array<[number, number, number]> = []
  for (const h of [...f.hour].sort((a, b) => a - b)) {
    for (const m of [...f.minute].sort((a, b) => a - b)) {
      for (const s of [...f.second].sort((a, b) => a - b)) times.push([h, m, s])
    }
  }
  const start = toWall(after, timeZone)
  let date = { year: start.year, month: start.month, day: start.day }
  for (let i = 0; i < 366 * 4 + 1; i++, date = addDays(date, 1)) {
    if (!months.has(date.month) || !days.has(date.day) || !weekdays.has(weekdayOf(date) % 7)) continue
    for (const [hour, minute, second] of times) {
      const t = fromWall({ ...date, hour, minute, second }, timeZone)
      if (t > after) return t
    }
  }
  return null
}
