// A report delivered into a chat: the text, the 台账 workbook and the chart, all from one reading of
// the figures taken when it is asked for (the files are drawn when the outbox sends them). Used by
// #月报, #台账 and the monthly push.
import type { Target } from '../domain/records.js'
import type { Db } from '../db/open.js'
import { enqueueFile, enqueueText } from '../db/outbox-store.js'
import type { Period } from '../domain/periods.js'
import { buildReport } from './figures.js'
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
