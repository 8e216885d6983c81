// Report periods: a month, a quarter, a year or any run of whole days in a zone — read as
// secretaries write them (2026-11, 十一月, 上季度, 2027Q3, 去年 …) and bounded as instants.
import { readZhNumber } from './zh-numerals.js'
import { addDays, currentMonth, daysInMonth, fromWall, previousMonth, toWall } from './zoned-time.js'

export interface Period {
  /** YYYY-MM-DD, inclusive */
  from: string
  /** YYYY-MM-DD, inclusive */
  to: string
  timeZone: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{1,2})$/
/** Years from here on only: the calendar code (Date.UTC) reads years 0–99 as 1900–1999. */
const FIRST_YEAR = 1000

function readDate (date: string): { year: number, month: number, day: number } | null {
  const m = DATE.exec(date)
  if (!m) return null
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (d.year < FIRST_YEAR || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null
  return d
}

export function isValidDate (date: string): boolean {
  return readDate(date) !== null
}

/** The month `YYYY-MM` as a period of whole days; null when it is not a month (or before the year 1000). */
export function monthPeriod (month: string, timeZone: string): Period | null {
  const m = MONTH.exec(month)
  if (!m) return null
  const year = Number(m[1])
  const mon = Number(m[2])
  if (year < FIRST_YEAR || mon < 1 || mon > 12) return null
  const pad = String(mon).padStart(2, '0')
  return { from: `${m[1]}-${pad}-01`, to: `${m[1]}-${pad}-${String(daysInMonth(year, mon)).padStart(2, '0')}`, timeZone }
}

/** The year as a period of whole days; null when it is not one monthPeriod accepts. */
export function yearPeriod (year: number, timeZone: string): Period | null {
  return monthPeriod(`${year}-01`, timeZone) ? { from: `${year}-01-01`, to: `${year}-12-31`, timeZone } : null
}

/** Quarter 1–4 of the year as a period of whole days; null when it is not one. */
export function quarterPeriod (year: number, quarter: number, timeZone: string): Period | null {
  const first = monthPeriod(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}`, timeZone)
  const last = monthPeriod(`${year}-${String(quarter * 3).padStart(2, '0')}`, timeZone)
  return first && last ? { from: first.from, to: last.to, timeZone } : null
}

/** [start, end) in epoch ms: from the first day's midnight to the midnight after the last day, in the zone. */
export function periodBounds (p: Period): { start: number, end: number } {
  const from = readDate(p.from)
  const to = readDate(p.to)
  if (!from || !to) throw new Error(`not a period: ${p.from} – ${p.to}`)
  return { start: fromWall(from, p.timeZone), end: fromWall(addDays(to, 1), p.timeZone) }
}

const QUARTER_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

/**
 * The period a secretary means: a month (readMonth), a year (`2027年`, `2027`, `2027年全年`, `今年`, `去年`) or a quarter
 * (`2027年第三季度`, `2027Q3`, `三季度` — the latest that has begun —, `上季度`, `本季度`). null when unreadable.
 */
export function readPeriod (text: string, now: number, timeZone: string): Period | null {
  const month = readMonth(text, now, timeZone)
  if (month) return monthPeriod(month, timeZone)
  const t = text.trim().replace(/\s+/g, '').replace(/^(\d{4})年?度$/, '$1')
  const w = toWall(now, timeZone)
  const yearOf = (written: string | undefined): number => written === '去年' ? w.year - 1 : written && /^\d{4}/.test(written) ? Number(written.slice(0, 4)) : w.year
  const whole = /^(\d{4}年?|今年|去年)(?:全年)?$/.exec(t)
  if (whole) {
    const year = yearOf(whole[1])
    return yearPeriod(year, timeZone)
  }
  const currentQuarter = Math.floor((w.month - 1) / 3) + 1
  const relative = /^(上|本|这)个?季度$/.exec(t)
  const written = /^(\d{4}年?|今年|去年)?(?:第)?([一二三四1-4])季度$/.exec(t) ?? /^(\d{4})[Qq]([1-4])$/.exec(t)
  let year: number
  let quarter: number
  if (relative) {
    // 上季度 in the first quarter is last year's fourth
    const q = currentQuarter - (relative[1] === '上' ? 1 : 0)
    year = q < 1 ? w.year - 1 : w.year
    quarter = q < 1 ? 4 : q
  } else if (written) {
    quarter = QUARTER_NUMBER[written[2] ?? ''] ?? 0
    // 四季度 alone, said in January: the latest fourth quarter that has begun, as 十二月 is the latest December
    year = written[1] ? yearOf(written[1]) : quarter > currentQuarter ? w.year - 1 : w.year
  } else {
    return null
  }
  return quarterPeriod(year, quarter, timeZone)
}

/**
 * The month a secretary means: `2026-11`, `2026年11月(份)`, `2026年十一月`, `11月` / `十一月` (the latest such
 * month not in the future), `今年3月`, `去年12月`, `上月`, `本月`, or nothing (this month). null when unreadable.
 */
export function readMonth (text: string, now: number, timeZone: string): string | null {
  const t = text.trim().replace(/\s+/g, '')
  if (t === '' || /^(本月|这个月|当月)$/.test(t)) return currentMonth(now, timeZone)
  if (/^(上月|上个月)$/.test(t)) return previousMonth(now, timeZone)
  // [year, 今年/去年, month]: 2026-11 / 2026年11(月) / 2026年十一月 / 去年12月 / 十一月
  const dashed = /^(\d{4})[-./年](\d{1,2})(?:月份?)?$/.exec(t)
  const written = /^(?:(\d{4})年|(今年|去年))?(\d{1,2}|[零一二三四五六七八九十]{1,3})月份?$/.exec(t)
  const [yearText, relative, monthText] = dashed ? [dashed[1], undefined, dashed[2]] : written ? [written[1], written[2], written[3]] : []
  const month = readZhNumber(monthText ?? '') ?? NaN
  if (!(month >= 1 && month <= 12)) return null
  const w = toWall(now, timeZone)
  // 11月 alone: the latest November that is not in the future
  const year = yearText ? Number(yearText) : relative === '今年' ? w.year : relative === '去年' ? w.year - 1 : month > w.month ? w.year - 1 : w.year
  const key = `${year}-${String(month).padStart(2, '0')}`
  return monthPeriod(key, timeZone) ? key : null
}
