// The 台账 workbook and the chart PNG, read back the way Excel and a phone would see them.

import ExcelJS from 'exceljs'
import type { Worksheet } from 'exceljs'
import { PNG } from 'pngjs'
import { afterEach, describe, expect, it } from 'vitest'
import { renderChartPng } from '../../../src/report/chart.js'
import { periodLabel, reportText } from '../../../src/report/text.js'
import type { Report, ReportActivity } from '../../../src/report/types.js'
import { renderWorkbook } from '../../../src/report/xlsx.js'

const ROOM = '鹿城新联会'

function activity (a: Partial<ReportActivity> & Pick<ReportActivity, 'id' | 'title' | 'type' | 'start' | 'status'>): ReportActivity {
  return {
    room: ROOM,
    end: null,
    location: null,
    capacity: null,
    deadline: a.start,
    organizer: '周会长',
    signups: 0,
    waitlist: 0,
    checkins: 0,
    attendance: null,
    participants: [],
    photos: 0,
    ...a,
  }
}

// November in examples/month-luchen: report.md's example plus month-luchen.expect.json.
const november: Report = {
  period: { from: '2026-11-01', to: '2026-11-30', timezone: 'Asia/Shanghai' },
  totals: { activities: 3, completed: 2, cancelled: 1, signups: 11, waitlist: 0, attendance: 8, participants: 5 },
  byType: [
    { type: '沙龙', activities: 1, completed: 1, attendance: 2 },
    { type: '公益', activities: 1, completed: 1, attendance: 6 },
    { type: '讲座', activities: 1, completed: 0, attendance: 0 },
    { type: '联谊', activities: 0, completed: 0, attendance: 0, cancelled: 1 },
  ],
  byRoom: [{ room: ROOM, activities: 3, completed: 2, cancelled: 1, signups: 11, attendance: 8, participants: 5 }],
  activities: [
    activity({
      id: 1,
      title: '数字经济与新阶层发展沙龙',
      type: '沙龙',
      start: '2026-11-07T14:00:00+08:00',
      end: '2026-11-07T16:00:00+08:00',
      location: '新新之家·同心荟',
      capacity: 3,
      status: 'completed',
      signups: 3,
      checkins: 2,
      attendance: 2,
      participants: ['林律师', '郑主播'],
    }),
    activity({
      id: 2,
      title: '同心·律师服务团法律义诊',
      type: '公益',
      start: '2026-11-14T09:00:00+08:00',
      end: '2026-11-14T11:30:00+08:00',
      location: '玉丰街道社区服务中心',
      status: 'completed',
      signups: 4,
      attendance: 6,
      participants: ['林律师', '刘护士', '孙护士', '赵老师'],
      note: '接待群众法律咨询23人次',
    }),
    activity({
      id: 3,
      title: '网络人士联谊茶话会',
      type: '联谊',
      start: '2026-11-21T19:00:00+08:00',
      status: 'cancelled',
      signups: 1,
      note: '场地冲突，另行通知',
    }),
    activity({
      id: 4,
      title: '同心大讲堂：民营经济促进法解读',
      type: '讲座',
      start: '2026-11-28T14:30:00+08:00',
      capacity: 20,
      status: 'scheduled',
      signups: 4,
    }),
  ],
}

const empty: Report = {
  period: { from: '2026-12-01', to: '2026-12-31', timezone: 'Asia/Shanghai' },
  totals: { activities: 0, completed: 0, cancelled: 0, signups: 0, waitlist: 0, attendance: 0, participants: 0 },
  byType: [],
  byRoom: [],
  activities: [],
}

const HEADER = ['序号', '日期', '活动名称', '类型', '地点', '组织者', '报名人数', '实到人次', '状态', '备注', '照片']

async function load (buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  // exceljs's load() is typed for its own Buffer interface, which Node's Buffer satisfies at run time.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  return wb
}

function sheet (wb: ExcelJS.Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  return ws
}

function rowValues (ws: Worksheet, r: number, cols: number): unknown[] {
  const row = ws.getRow(r)
  return Array.from({ length: cols }, (_, i) => row.getCell(i + 1).value)
}

/** The number in the cell to the right of the first cell reading `label` (in a row after `after`). */
function valueRight (ws: Worksheet, label: string, after = 0): unknown[] {
  for (let r = after + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    if (row.getCell(1).value === label) return rowValues(ws, r, 8).slice(1)
  }
  throw new Error(`no row ${label}`)
}

function rowOf (ws: Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return r
  throw new Error(`no row ${label}`)
}

describe('台账 workbook', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ
    else process.env.TZ = originalTz
  })

  it('has the three sheets, a title row, the header on row 2, frozen with the title, with a filter, and the metadata', async () => {
    const wb = await load(await renderWorkbook(november, { title: '鹿城新联会' }))
    expect(wb.worksheets.map(w => w.name)).toEqual(['活动台账', '月度统计', '参加人员'])
    expect(wb.creator).toBe('新联会活动助手')
    expect(wb.created).toBeInstanceOf(Date)

    const ws = sheet(wb, '活动台账')
    expect(ws.getRow(1).getCell(1).value).toBe('鹿城新联会 2026年11月活动台账（2026-11-01 至 2026-11-30）')
    expect(rowValues(ws, 2, 12)).toEqual([...HEADER, null])
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 })
    expect(ws.autoFilter).toBeTruthy()
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(30)
  })

  it('lists one row per activity, in order, with wall-clock dates, numbers and Chinese statuses', async () => {
    const ws = sheet(await load(await renderWorkbook(november, {})), '活动台账')
    const rows = november.activities.map((_, i) => rowValues(ws, i + 3, 11))

    expect(rows.map(r => r[0])).toEqual([1, 2, 3, 4])
    expect(rows.map(r => r[2])).toEqual(november.activities.map(a => a.title))
    expect(rows.map(r => r[3])).toEqual(['沙龙', '公益', '联谊', '讲座'])
    expect(rows.map(r => r[4])).toEqual(['新新之家·同心荟', '玉丰街道社区服务中心', null, null])
    expect(rows.map(r => r[5])).toEqual(['周会长', '周会长', '周会长', '周会长'])
    expect(rows.map(r => r[6])).toEqual([3, 4, 1, 4])
    expect(rows.map(r => r[7])).toEqual([2, 6, null, null])
    expect(rows.map(r => r[8])).toEqual(['已完成', '已完成', '已取消', '待开展'])
    expect(rows[1]?.[9]).toBe('接待群众法律咨询23人次')
    expect(rows[2]?.[9]).toBe('已取消，不计入统计；取消原因：场地冲突，另行通知')
    expect(rows[0]?.[9]).toBeNull()

    const date = rows[0]?.[1]
    expect(date).toBeInstanceOf(Date)
    expect((date as Date).toISOString()).toBe('2026-11-07T14:00:00.000Z')
    expect(rows.map(r => r[10])).toEqual([0, 0, 0, 0])
    expect(ws.getRow(3).getCell(2).numFmt).toMatch(/yyyy-mm-dd hh:mm/)
    expect((rows[3]?.[1] as Date).toISOString()).toBe('2026-11-28T14:30:00.000Z')
  })

  it('has nothing after the activity rows (no totals row: the totals are on 月度统计)', async () => {
    const ws = sheet(await load(await renderWorkbook(november, {})), '活动台账')
    expect(ws.rowCount).toBe(november.activities.length + 2)
    expect(ws.autoFilter).toBe(`A2:K${november.activities.length + 2}`)
    const firstColumn: unknown[] = []
    ws.getColumn(1).eachCell(c => { firstColumn.push(c.value) })
    expect(firstColumn.slice(1)).toEqual(['序号', 1, 2, 3, 4])
  })

  it('keeps the same date cells when the machine is in another zone', async () => {
    process.env.TZ = 'America/New_York'
    expect(new Date(2026, 10, 7).getTimezoneOffset()).toBe(300)
    const ws = sheet(await load(await renderWorkbook(november, {})), '活动台账')
    const dates = november.activities.map((_, i) => (ws.getRow(i + 3).getCell(2).value as Date).toISOString())
    expect(dates).toEqual([
      '2026-11-07T14:00:00.000Z',
      '2026-11-14T09:00:00.000Z',
      '2026-11-21T19:00:00.000Z',
      '2026-11-28T14:30:00.000Z',
    ])
  })

  it('月度统计 carries the period, the totals and the tables by type and by room', async () => {
    const ws = sheet(await load(await renderWorkbook(november, {})), '月度统计')
    expect(valueRight(ws, '统计期间')[0]).toBe('2026-11-01 至 2026-11-30')

    const t = november.totals
    const block: Array<[string, number]> = [
      ['活动场次', t.activities], ['已完成', t.completed], ['已取消', t.cancelled], ['报名人数', t.signups],
      ['候补人数', t.waitlist], ['实到人次', t.attendance], ['参与人数', t.participants],
    ]
    for (const [label, n] of block) expect(valueRight(ws, label)[0], label).toBe(n)

    const typeHeader = rowOf(ws, '类型')
    expect(rowValues(ws, typeHeader, 5)).toEqual(['类型', '活动场次', '已完成', '已取消', '实到人次'])
    expect(ws.getRow(typeHeader).getCell(2).font?.bold).toBe(true)
    for (const bt of november.byType) {
      expect(valueRight(ws, bt.type, typeHeader).slice(0, 4), bt.type).toEqual([bt.activities, bt.completed, bt.cancelled ?? 0, bt.attendance])
    }

    const roomHeader = rowOf(ws, '组织/群')
    expect(rowValues(ws, roomHeader, 7)).toEqual(['组织/群', '活动场次', '已完成', '已取消', '报名人数', '实到人次', '参与人数'])
    for (const br of november.byRoom) {
      expect(valueRight(ws, br.room, roomHeader).slice(0, 6))
        .toEqual([br.activities, br.completed, br.cancelled, br.signups, br.attendance, br.participants])
    }
  })

  it('writes an empty month as the header alone, zero totals and empty tables', async () => {
    const wb = await load(await renderWorkbook(empty, {}))
    const ws = sheet(wb, '活动台账')
    expect(rowValues(ws, 2, 11)).toEqual(HEADER)
    expect(ws.rowCount).toBe(2)
    expect(valueRight(sheet(wb, '月度统计'), '活动场次')[0]).toBe(0)
  })
})

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

interface Ink { nonWhite: number, darkInTitle: number }

/** Counts of drawn pixels: anything not white, and dark (text-coloured) ones in the top band where the title is. */
function ink (png: PNG): Ink {
  let nonWhite = 0
  let darkInTitle = 0
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      const [r, g, b] = [png.data[i] ?? 255, png.data[i + 1] ?? 255, png.data[i + 2] ?? 255]
      if (r < 245 || g < 245 || b < 245) nonWhite++
      if (y < 110 && r < 90 && g < 90 && b < 90) darkInTitle++
    }
  }
  return { nonWhite, darkInTitle }
}

describe('report text', () => {
  it('lists a type that only had a cancellation, as the JSON and the 台账 do', () => {
    expect(reportText(november, { title: ROOM })).toContain('按类型：沙龙1场·实到2人次；公益1场·实到6人次；讲座1场；联谊0场（取消1场）')
  })

  it('names a period the way a secretary says it', () => {
    const label = (from: string, to: string): string => periodLabel({ from, to, timezone: 'Asia/Shanghai' })
    expect(label('2026-11-01', '2026-11-30')).toBe('2026年11月')
    expect(label('2027-01-01', '2027-03-31')).toBe('2027年第一季度')
    expect(label('2027-01-01', '2027-12-31')).toBe('2027年全年')
    expect(label('2026-12-01', '2027-02-28')).toBe('2026年12月至2027年2月')
    expect(label('2026-11-01', '2026-11-15')).toBe('2026年11月1日至15日')
    expect(label('2026-11-20', '2026-12-10')).toBe('2026年11月20日至12月10日')
    expect(label('2026-11-05', '2026-11-05')).toBe('2026年11月5日')
  })
})

describe('chart PNG', () => {
  it('draws the month at phone-readable size with its title', async () => {
    const t0 = performance.now()
    const buf = await renderChartPng(november)
    const ms = performance.now() - t0
    expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    if (process.env.XINLIAN_CHART_OUT) {
      const { writeFile } = await import('node:fs/promises')
      await writeFile(process.env.XINLIAN_CHART_OUT, buf)
      console.log(`chart rendered in ${ms.toFixed(0)} ms`)
    }

    const png = PNG.sync.read(buf)
    expect(png.width).toBeGreaterThanOrEqual(1000)
    expect(png.width).toBeLessThanOrEqual(1200)
    expect(png.height).toBeGreaterThan(400)
    expect(png.height).toBeLessThan(2000)
    const { nonWhite, darkInTitle } = ink(png)
    expect(nonWhite).toBeGreaterThan(png.width * png.height * 0.03)
    expect(darkInTitle).toBeGreaterThan(500)
  })

  it('renders an empty month as a valid image saying so', async () => {
    const buf = await renderChartPng(empty)
    expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    const png = PNG.sync.read(buf)
    expect(png.width).toBeGreaterThanOrEqual(1000)
    expect(png.width).toBeLessThanOrEqual(1200)
    const { nonWhite, darkInTitle } = ink(png)
    expect(darkInTitle).toBeGreaterThan(500)
    expect(nonWhite).toBeGreaterThan(darkInTitle)
  })
})
