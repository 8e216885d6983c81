// One set of figures however they are asked for: the #月报 text, the 台账 workbook, the JSON of
// `npm run report`, all from the same month played through the bot; and the report CLI's
// argument errors.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/types.js'
import { PROJECT_ROOT, PUBLIC_EXAMPLES } from '../helpers/public.js'

let db: string
let dir: string

function report (args: string[]): { status: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--db', db, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xl-agree-'))
  db = join(dir, 'bot.db')
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', `${PUBLIC_EXAMPLES}month-luchen.jsonl`, '--db', db, '--out-dir', join(dir, 'out')], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 })
  expect(r.status).toBe(0)
}, 120_000)

describe('the figures agree', () => {
  it('between --format json, --format text and the workbook', async () => {
    const json = JSON.parse(report(['--month', '2026-11', '--format', 'json']).stdout) as Report
    const t = json.totals
    expect(t).toEqual({ activities: 3, completed: 2, cancelled: 1, signups: 11, waitlist: 0, attendance: 8, participants: 5 })

    const text = report(['--month', '2026-11', '--format', 'text']).stdout
    // the CLI reads the status at the real time: #4 (never completed) is 待开展 until its time has passed
    const open = json.activities.find(a => a.status === 'scheduled')
    const overdue = Date.parse(open?.end ?? open?.start ?? '') < Date.now()
    expect(text).toContain(`开展活动${t.activities}场（已完成${t.completed}场，${overdue ? '待标记完成' : '待开展'}1场），取消${t.cancelled}场`)
    expect(text).toContain(`报名${t.signups}人次；实到${t.attendance}人次，参与${t.participants}人`)
    for (const a of json.activities) expect(text).toContain(a.title)

    const out = join(dir, 'ledger.xlsx')
    expect(report(['--month', '2026-11', '--format', 'xlsx', '--out', out]).status).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer)
    const ledger = wb.getWorksheet('活动台账')
    const stats = wb.getWorksheet('月度统计')
    expect(ledger && stats).toBeTruthy()
    const rows: unknown[][] = []
    ledger?.eachRow(row => rows.push((row.values as unknown[]).slice(1)))
    // row 1 is the title (organization and period), row 2 the header
    expect(String(rows[0]?.[0])).toContain('2026年11月活动台账')
    expect(rows[1]).toEqual(['序号', '日期', '活动名称', '类型', '地点', '组织者', '报名人数', '实到人次', '状态', '备注', '照片'])
    // one row per activity and nothing after them: the totals are on 月度统计
    expect(rows.slice(2).map(r => r[2])).toEqual(json.activities.map(a => a.title))
    expect(rows.slice(2).map(r => r[7] ?? null)).toEqual(json.activities.map(a => a.attendance))
    expect(rows.slice(2).map(r => r[10])).toEqual(json.activities.map(a => a.photos))
    const labelled = new Map<string, unknown>()
    stats?.eachRow(row => { labelled.set(String(row.getCell(1).value), row.getCell(2).value) })
    expect(labelled.get('活动场次')).toBe(t.activities)
    expect(labelled.get('报名人数')).toBe(t.signups)
    expect(labelled.get('实到人次')).toBe(t.attendance)
    expect(labelled.get('参与人数')).toBe(t.participants)
  }, 60_000)

  it('for one room and for a --from/--to period', () => {
    const room = JSON.parse(report(['--month', '2026-11', '--room', '鹿城新联会', '--format', 'json']).stdout) as Report
    expect(room.totals.attendance).toBe(8)
    const span = JSON.parse(report(['--from', '2026-11-07', '--to', '2026-11-14', '--format', 'json']).stdout) as Report
    expect(span.activities.map(a => a.id)).toEqual([1, 2])
    expect(span.period).toEqual({ from: '2026-11-07', to: '2026-11-14', timezone: 'Asia/Shanghai' })
  }, 60_000)
})

describe('npm run report arguments', () => {
  it('reads DB_PATH from .env where it is run, as the bot does', () => {
    const here = mkdtempSync(join(tmpdir(), 'xl-env-'))
    writeFileSync(join(here, '.env'), `DB_PATH=${db}\n`)
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
      join(PROJECT_ROOT, 'src/cli/report.ts'), '--month', '2026-11', '--format', 'json'], { cwd: here, encoding: 'utf8', timeout: 60_000, env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DB_PATH')) })
    expect(r.stderr).toBe('')
    expect((JSON.parse(r.stdout) as Report).totals.activities).toBe(3)
  }, 60_000)

  it.each([
    [['--month', '2026-13']],
    [['--month', 'November']],
    // years before 1000 are refused (the calendar reads years 0–99 as 1900–1999)
    [['--month', '0001-01']],
    [['--month', '0999-12']],
    [['--from', '0001-01-01', '--to', '0001-01-31']],
    [['--from', '2026-11-01']],
    [['--from', '2026-11-31', '--to', '2026-12-01']],
    [['--from', '2026-11-10', '--to', '2026-11-01']],
    [['--month', '2026-11', '--format', 'pdf']],
    [['--month', '2026-11', '--format', 'xlsx']],
    [['--month', '2026-11', '--room', '不存在的群']],
    [['--month', '2026-11', '--room', '']],
    [['--month', '2026-11', '--bogus']],
    [[]],
  ])('%j fails with one line and exit 2', args => {
    const r = report(args)
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stdout).toBe('')
  }, 60_000)
})
