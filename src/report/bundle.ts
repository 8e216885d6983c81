// A report delivered into a chat: the text, the 台账 workbook and the chart, all from one reading of
// the figures taken when it is asked for (the files are drawn when the outbox sends them). Used by
// #月报, #台账 and the monthly push.
import type { Target } from '../domain/records.js'
import type { Db } from '../db/open.js'
import { enqueueFile, enqueueText } from '../db/outbox-store.js'
import { readZhNumber } from '../domain/zh-numerals.js'
import { currentMonth, previousMonth, toWall } from '../domain/zoned-time.js'
import { buildReport, monthPeriod, type Period } from './figures.js'
import type { Report } from './types.js'
import { ALL_ROOMS, periodLabel, reportText } from './text.js'

export interface BundleOptions {
  period: Period
  /** only these rooms; null = all rooms */
  roomIds: number[] | null
  /** 鹿城新联会, or 全部组织 */
  title: string
  text: boolean
  /** a line under the report text (a secretary asking in a group is told where the whole report is) */
  footer?: string
  /** a text sent before the files, written from the same figures (#台账: what is coming) */
  lead?: (report: Report) => string
  ledger: boolean
  chart: boolean
}

export function enqueueReportBundle (db: Db, target: Target, opts: BundleOptions, now: number): void {
  const label = periodLabel({ from: opts.period.from, to: opts.period.to, timezone: opts.period.timeZone })
  const prefix = opts.title === ALL_ROOMS ? '' : opts.title
  // one reading of the figures for the text and both files: what is sent later must say what the text says, even if
  // an activity is completed between the request and the moment the outbox sends the workbook
  const report = buildReport(db, { ...opts.period, ...(opts.roomIds ? { roomIds: opts.roomIds } : {}) })
  if (opts.text) {
    const text = reportText(report, { title: opts.title, now, maxDetails: opts.roomIds ? 40 : 20 })
    enqueueText(db, target, opts.footer ? `${text}\n${opts.footer}` : text, [], now)
  }
  if (opts.lead) enqueueText(db, target, opts.lead(report), [], now)
  const file = { from: opts.period.from, to: opts.period.to, roomIds: opts.roomIds, title: opts.title, report, at: now }
  if (opts.ledger) enqueueFile(db, target, { ...file, file: 'ledger-xlsx', fileName: `${prefix}${label}活动台账.xlsx` }, now)
  if (opts.chart) enqueueFile(db, target, { ...file, file: 'chart-png', fileName: `${prefix}${label}活动统计图.png` }, now)
}

export { ALL_ROOMS }

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
    return monthPeriod(`${year}-01`, timeZone) ? { from: `${year}-01-01`, to: `${year}-12-31`, timeZone } : null
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
  const first = monthPeriod(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}`, timeZone)
  const last = monthPeriod(`${year}-${String(quarter * 3).padStart(2, '0')}`, timeZone)
  return first && last ? { from: first.from, to: last.to, timeZone } : null
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
