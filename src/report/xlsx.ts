// The 台账 workbook (活动台账 + 月度统计 + 参加人员) a secretary files and prints, built from one Report
// and the attended lists of the same query layer.

import ExcelJS from 'exceljs'
import type { Cell, Row, Worksheet } from 'exceljs'
import { toWall } from '../domain/zoned-time.js'
import { periodLabel, statusZh } from './text.js'
import type { Attendee, Report, ReportActivity } from './types.js'

const CREATOR = '新联会活动助手'

const LEDGER_COLUMNS: Array<{ header: string, width: number }> = [
  { header: '序号', width: 6 },
  { header: '日期', width: 17 },
  { header: '活动名称', width: 32 },
  { header: '类型', width: 8 },
  { header: '地点', width: 22 },
  { header: '组织者', width: 12 },
  { header: '报名人数', width: 10 },
  { header: '实到人次', width: 10 },
  { header: '状态', width: 10 },
  { header: '备注', width: 30 },
  { header: '照片', width: 7 },
]

const PEOPLE_COLUMNS: Array<{ header: string, width: number }> = [
  { header: '活动序号', width: 9 },
  { header: '活动名称', width: 36 },
  { header: '日期', width: 12 },
  { header: '姓名', width: 16 },
  { header: '身份', width: 8 },
  { header: '报名方式', width: 10 },
  { header: '签到时间', width: 18 },
]

/** A4 landscape, fitted to the page width, the table's header repeated on every printed page. */
const PRINT = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const
const THIN = { style: 'thin', color: { argb: 'FFB4B4B4' } } as const
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const INT = '0'

export interface WorkbookOptions {
  /** whose 台账: a room's name or 全部组织 (the title row names it with the period) */
  title?: string
  /** when the workbook is made, so an activity whose time passed without #完成 reads 待标记完成 */
  now?: number
  /** the attended lists of the completed activities (figures.attendedPeople), for the sheet 参加人员 */
  attendees?: ReadonlyMap<number, readonly Attendee[]>
}

/** The title row: the organization and the period. */
function titleOf (report: Report, title: string | undefined): string {
  if (title?.includes('台账')) return title
  return `${title ? `${title} ` : ''}${periodLabel(report.period)}活动台账（${report.period.from} 至 ${report.period.to}）`
}

export async function renderWorkbook (report: Report, opts: WorkbookOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = CREATOR
  wb.lastModifiedBy = CREATOR
  wb.created = new Date()
  wb.modified = wb.created
  if (opts.title) wb.title = opts.title

  const heading = titleOf(report, opts.title)
  addLedger(wb, report, heading, opts.now)
  addSummary(wb, report, opts.title)
  addPeople(wb, report, heading, opts.attendees ?? new Map())

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

/** The title row above a table: merged across it, large, and tall enough to read. */
function titleRow (ws: Worksheet, text: string, columns: number): void {
  ws.mergeCells(1, 1, 1, columns)
  const cell = ws.getCell(1, 1)
  cell.value = text
  cell.font = { bold: true, size: 14 }
  cell.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 28
}

/** Row 1 the title, row 2 the table's header: frozen together, the header printed on every page. */
function tableSheet (wb: ExcelJS.Workbook, name: string, heading: string, columns: Array<{ header: string, width: number }>): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { ...PRINT } })
  ws.pageSetup.printTitlesRow = '2:2'
  ws.columns = columns.map(c => ({ width: c.width }))
  titleRow(ws, heading, columns.length)
  const header = ws.getRow(2)
  header.values = columns.map(c => c.header)
  header.height = 20
  styleHeader(header)
  return ws
}

function addLedger (wb: ExcelJS.Workbook, report: Report, heading: string, now: number | undefined): void {
  const ws = tableSheet(wb, '活动台账', heading, LEDGER_COLUMNS)
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
      a.photos,
    ])
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm'
    row.getCell(7).numFmt = INT
    row.getCell(8).numFmt = INT
    row.getCell(11).numFmt = INT
    styleBody(row, [1, 2, 4, 6, 7, 8, 9, 11])
    fitHeight(row, LEDGER_COLUMNS)
    // Cancelled rows stay listed but are visibly out of the totals (月度统计).
    if (a.status === 'cancelled') row.eachCell({ includeEmpty: true }, c => { c.font = { color: { argb: 'FF808080' } } })
  })

  // one row per activity and nothing else, so it filters and sorts cleanly: the totals are on 月度统计
  const last = report.activities.length + 2
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: last, column: LEDGER_COLUMNS.length } }
}

/** The sign-in sheet: one row per person on each completed activity's attended list. */
function addPeople (wb: ExcelJS.Workbook, report: Report, heading: string, attendees: ReadonlyMap<number, readonly Attendee[]>): void {
  const ws = tableSheet(wb, '参加人员', heading.replace(/活动台账/, '参加人员（签到表）'), PEOPLE_COLUMNS)
  const tz = report.period.timezone
  let rows = 0
  report.activities.forEach((a, i) => {
    if (a.status !== 'completed') return
    for (const p of attendees.get(a.id) ?? []) {
      const signedIn = p.checkedInAt === null ? '未签到' : excelWallDate(new Date(p.checkedInAt).toISOString(), tz)
      const row = ws.addRow([i + 1, a.title, excelWallDate(a.start, tz), p.name, p.identity, p.via, signedIn])
      row.getCell(1).numFmt = INT
      row.getCell(3).numFmt = 'yyyy-mm-dd'
      if (signedIn instanceof Date) row.getCell(7).numFmt = 'yyyy-mm-dd hh:mm'
      styleBody(row, [1, 3, 5, 6, 7])
      fitHeight(row, PEOPLE_COLUMNS)
      rows++
    }
  })
  if (rows === 0) {
    ws.addRow(['（本期没有已完成活动的参加人员）'])
    return
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: rows + 2, column: PEOPLE_COLUMNS.length } }
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

/**
 * Rows tall enough for their wrapped text: Excel and LibreOffice do not grow a row whose text
 * wraps when the file does not say its height, and a cut-off 备注 prints as half a sentence.
 */
function fitHeight (row: Row, columns: ReadonlyArray<{ width: number }>): void {
  let lines = 1
  row.eachCell((c: Cell, col: number) => {
    const width = columns[col - 1]?.width ?? 10
    if (typeof c.value !== 'string' || !c.alignment?.wrapText) return
    lines = Math.max(lines, Math.ceil(displayWidth(c.value) / Math.max(1, width - 1)))
  })
  row.height = Math.max(18, lines * 15 + 3)
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
