// The report as a chat message: totals first, then by type and by room, then the activities.
import { formatDateTimeZh } from '../domain/zoned-time.js'
import type { Report, ReportActivity } from './types.js'

const STATUS = { scheduled: '待开展', completed: '已完成', cancelled: '已取消' } as const

/** The status as a secretary reads it: an activity whose time has passed but was never marked completed is not 待开展. */
export function statusZh (a: Pick<ReportActivity, 'status' | 'start' | 'end'>, now?: number): string {
  if (a.status === 'scheduled' && now !== undefined && Date.parse(a.end ?? a.start) < now) return '待标记完成'
  return STATUS[a.status]
}

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度']

/** 2026年11月; 2027年第一季度, 2027年1月至2月 for whole months; 2026年11月1日至15日 for other periods. */
export function periodLabel (period: Report['period']): string {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number]
  const wholeMonths = fd === 1 && td === new Date(Date.UTC(ty, tm, 0)).getUTCDate()
  if (wholeMonths && fy === ty && fm === tm) return `${fy}年${fm}月`
  if (wholeMonths && fy === ty && fm % 3 === 1 && tm === fm + 2) return `${fy}年${QUARTERS[(fm - 1) / 3]}`
  if (wholeMonths && fy === ty && fm === 1 && tm === 12) return `${fy}年全年`
  if (wholeMonths) return fy === ty ? `${fy}年${fm}月至${tm}月` : `${fy}年${fm}月至${ty}年${tm}月`
  if (period.from === period.to) return `${fy}年${fm}月${fd}日`
  if (fy !== ty) return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`
  return fm === tm ? `${fy}年${fm}月${fd}日至${td}日` : `${fy}年${fm}月${fd}日至${tm}月${td}日`
}

function detailLine (a: ReportActivity, i: number, timeZone: string, withRoom: boolean, now?: number): string {
  const start = formatDateTimeZh(Date.parse(a.start), timeZone)
  const figures = a.status === 'cancelled'
    ? ''
    : `，报名${a.signups}人${a.status === 'completed' ? `，实到${a.attendance ?? 0}人次` : ''}${a.photos > 0 ? `，照片${a.photos}张` : ''}`
  return `${i + 1}. ${start} ${a.title}（${a.type}${withRoom ? `·${a.room}` : ''}）${statusZh(a, now)}${figures}`
}

/** The title of a report over every room. */
export const ALL_ROOMS = '全部组织'

export interface ReportTextOptions {
  /** whose report: a room's name, or 全部组织 */
  title: string
  /** list at most this many activities; the rest are in the 台账 */
  maxDetails?: number
  /** to point out activities whose time has passed but were never marked completed */
  now?: number
}

export function reportText (report: Report, opts: ReportTextOptions): string {
  const t = report.totals
  const tz = report.period.timezone
  // not completed: still to come (待开展), or past and waiting for #完成 (待标记完成)
  const overdue = report.activities.filter(a => statusZh(a, opts.now) === '待标记完成')
  const scheduled = t.activities - t.completed - overdue.length
  const open = [scheduled > 0 ? `，待开展${scheduled}场` : '', overdue.length > 0 ? `，待标记完成${overdue.length}场` : ''].join('')
  const lines = [
    `【${opts.title}·${periodLabel(report.period)}活动${report.period.from.slice(0, 7) === report.period.to.slice(0, 7) ? '月报' : '统计'}】`,
    `统计期间：${report.period.from} 至 ${report.period.to}`,
    `开展活动${t.activities}场（已完成${t.completed}场${open}）${t.cancelled > 0 ? `，取消${t.cancelled}场` : ''}`,
    `报名${t.signups}人次${t.waitlist > 0 ? `，候补${t.waitlist}人` : ''}；实到${t.attendance}人次，参与${t.participants}人`,
  ]
  // a type listed only for a cancellation says so, as the JSON and the 台账 list it
  const types = report.byType.filter(x => x.activities > 0 || (x.cancelled ?? 0) > 0)
  if (types.length > 0) {
    const cancelled = (x: typeof types[number]): string => ((x.cancelled ?? 0) > 0 ? `（取消${x.cancelled}场）` : '')
    lines.push(`按类型：${types.map(x => `${x.type}${x.activities}场${cancelled(x)}${x.completed > 0 ? `·实到${x.attendance}人次` : ''}`).join('；')}`)
  }
  // a report over every room names them, even when only one had activities
  const multiRoom = report.byRoom.length > 1 || (opts.title === ALL_ROOMS && report.byRoom.length > 0)
  if (multiRoom) {
    lines.push('按组织：')
    for (const r of report.byRoom) {
      lines.push(`· ${r.room}：${r.activities}场${r.cancelled > 0 ? `（取消${r.cancelled}场）` : ''}，报名${r.signups}人次，实到${r.attendance}人次，参与${r.participants}人`)
    }
  }
  if (report.activities.length === 0) {
    lines.push('本期没有活动。')
  } else {
    const max = opts.maxDetails ?? 30
    lines.push('活动明细：')
    report.activities.slice(0, max).forEach((a, i) => lines.push(detailLine(a, i, tz, multiRoom, opts.now)))
    if (report.activities.length > max) lines.push(`……另有${report.activities.length - max}场，完整明细见台账`)
  }
  if (overdue.length > 0) {
    lines.push(`提示：以下活动时间已过但还没标记完成，实到人次未计入：${overdue.map(a => `#${a.id}`).join('、')}（组织者发送「#完成 编号」即可）`)
  }
  return lines.join('\n')
}
