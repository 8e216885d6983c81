// The 台账 workbook (活动台账 + 月度统计) a secretary files, built from one Report.

import ExcelJS from 'exceljs'
import type { Cell, Row, Worksheet } from 'exceljs'
import { toWall } from '../domain/zoned-time.js'
import { statusZh } from './text.js'
import type { Report, ReportActivity } from './types.js'

const CREATOR = '新联会活动助手'

const LEDGER_COLUMNS: Array<{ header: string, width: number }> = [
  { header: '序号', width: 6 },
  { header: '日期', width: 18 },
  { header: '活动名称', width: 36 },
  { header: '类型', width: 8 },
  { header: '地点', width: 24 },
  { header: '组织者', width: 12 },
  { header: '报名人数', width: 10 },
  { header: '实到人次', width: 10 },
  { header: '状态', width: 10 },
  { header: '备注', width: 30 },
]

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const
const THIN = { style: 'thin', color: { argb: 'FFB4B4B4' } } as const
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const INT = '0'

/** `now`: when the workbook is made, so an activity whose time passed without #完成 reads 待标记完成. */
export async function renderWorkbook (report: Report, opts: { title?: string, now?: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = CREATOR
  wb.lastModifiedBy = CREATOR
  wb.created = new Date()
  wb.modified = wb.created
  if (opts.title) wb.title = opts.title

  addLedger(wb, report, opts.now)
  addSummary(wb, report, opts.title)

  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Excel dates carry no zone, so the cell holds the wall clock of the report's zone as if it were UTC. */
function excelWallDate (iso: string, timeZone: string): Date {
  const w = toWall(Date.parse(iso), timeZone)
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute))
}

/** A cancelled row keeps its 报名人数 (as the JSON does) and says it is out of the totals. */
function remark (a: ReportActivity): string | null {
  const note = a.note?.trim()
  if (a.status === 'cancelled') return note ? `已取消，不计入统计；取消原因：${note}` : '已取消，不计入统计'
  return note || null
}

function addLedger (wb: ExcelJS.Workbook, report: Report, now: number | undefined): void {
  const ws = wb.addWorksheet('活动台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  })
  ws.pageSetup.printTitlesRow = '1:1'
  ws.columns = LEDGER_COLUMNS.map(c => ({ header: c.header, width: c.width }))
  styleHeader(ws.getRow(1))

  const tz = report.period.timezone
  report.activities.forEach((a, i) => {
    const row = ws.addRow([
      i + 1,
      excelWallDate(a.start, tz),
      a.title,
      a.type,
      a.location,
      a.organizer,
      a.signups,
      a.attendance ?? null,
      statusZh(a, now),
      remark(a),
    ])
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm'
    row.getCell(7).numFmt = INT
    row.getCell(8).numFmt = INT
    styleBody(row, [1, 2, 4, 6, 7, 8, 9])
    // Cancelled rows stay listed but are visibly out of the totals (月度统计).
    if (a.status === 'cancelled') row.eachCell({ includeEmpty: true }, c => { c.font = { color: { argb: 'FF808080' } } })
  })

  // one row per activity and nothing else, so it filters and sorts cleanly: the totals are on 月度统计
  const last = report.activities.length + 1
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: LEDGER_COLUMNS.length } }
}

function addSummary (wb: ExcelJS.Workbook, report: Report, title: string | undefined): void {
  const ws = wb.addWorksheet('月度统计', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } })
  const { from, to } = report.period
  const t = report.totals

  // Cells whose text may run on into the empty cells to their right, so they set no column width.
  const spill = new Set<string>()

  if (title) {
    const cell = ws.addRow([title]).getCell(1)
    cell.font = { bold: true, size: 14 }
    spill.add(cell.address)
  }
  const period = ws.addRow(['统计期间', `${from} 至 ${to}`])
  period.getCell(1).font = { bold: true }
  spill.add(period.getCell(2).address)

  ws.addRow([])
  sectionTitle(ws, spill, '总体情况')
  const block: Array<[string, number, string]> = [
    ['活动场次', t.activities, '本期开始的活动，不含已取消'],
    ['已完成', t.completed, ''],
    ['已取消', t.cancelled, ''],
    ['报名人数', t.signups, '不含已取消活动；含随行人员和嘉宾'],
    ['候补人数', t.waitlist, '仍在候补名单上的人数'],
    ['实到人次', t.attendance, '已完成活动的实到人数之和'],
    ['参与人数', t.participants, '已完成活动的实到人员，同一人只计一次（不含随行人员）'],
  ]
  for (const [label, value, note] of block) {
    const row = ws.addRow([label, value, note])
    row.getCell(1).border = BOX
    row.getCell(2).border = BOX
    row.getCell(2).numFmt = INT
    row.getCell(3).font = { color: { argb: 'FF808080' }, size: 9 }
    spill.add(row.getCell(3).address)
  }

  ws.addRow([])
  sectionTitle(ws, spill, '按活动类型')
  table(ws, ['类型', '活动场次', '已完成', '已取消', '实到人次'],
    report.byType.map(r => [r.type, r.activities, r.completed, r.cancelled ?? 0, r.attendance]))

  ws.addRow([])
  sectionTitle(ws, spill, '按组织/群')
  table(ws, ['组织/群', '活动场次', '已完成', '已取消', '报名人数', '实到人次', '参与人数'],
    report.byRoom.map(r => [r.room, r.activities, r.completed, r.cancelled, r.signups, r.attendance, r.participants]))

  fitColumns(ws, spill)
}

function sectionTitle (ws: Worksheet, spill: Set<string>, text: string): void {
  const cell = ws.addRow([text]).getCell(1)
  cell.font = { bold: true, size: 12 }
  spill.add(cell.address)
}

function table (ws: Worksheet, headers: string[], rows: Array<Array<string | number>>): void {
  styleHeader(ws.addRow(headers))
  if (rows.length === 0) {
    ws.addRow(['（本期无活动）'])
    return
  }
  for (const values of rows) {
    const row = ws.addRow(values)
    row.eachCell(c => {
      c.border = BOX
      if (typeof c.value === 'number') c.numFmt = INT
    })
  }
}

function styleHeader (row: Row): void {
  row.eachCell(c => {
    c.font = { bold: true }
    c.fill = HEADER_FILL
    c.border = BOX
    c.alignment = { horizontal: 'center', vertical: 'middle' }
  })
}

/** Borders everywhere; long text wraps, the listed (short) columns are centred. */
function styleBody (row: Row, centred: number[]): void {
  row.eachCell({ includeEmpty: true }, (c: Cell, col: number) => {
    c.border = BOX
    c.alignment = centred.includes(col)
      ? { horizontal: 'center', vertical: 'middle' }
      : { vertical: 'middle', wrapText: true }
  })
}

/** Excel widths count Latin characters; a CJK character takes about two. */
function displayWidth (text: string): number {
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1
  return w
}

function fitColumns (ws: Worksheet, spill: Set<string>): void {
  ws.columns.forEach(col => {
    let max = 0
    col.eachCell?.({ includeEmpty: false }, cell => {
      if (!spill.has(cell.address)) max = Math.max(max, displayWidth(String(cell.value ?? '')))
    })
    col.width = Math.min(Math.max(max + 2, 10), 40)
  })
}
