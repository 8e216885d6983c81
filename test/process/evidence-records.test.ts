// The evidence files as a secretary receives them: `report --format records` after a replayed
// month writes the 台账 and one Word record per completed activity; the record (unzipped) holds the
// title, every attended name and the pictures, and the 台账's 照片 and 参加人员 agree with the JSON.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/types.js'

const ROOT = join(import.meta.dirname, '../..')
const run = (cli: string, args: string[]) => {
  const r = spawnSync('node', ['src/cli/launch.mjs', cli, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}

async function recordsOf (transcript: string, month: string): Promise<{ report: Report, paths: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'xl-records-'))
  const db = join(dir, 'bot.db')
  run('replay', [transcript, '--db', db, '--out-dir', join(dir, 'sent')])
  const report = JSON.parse(run('report', ['--db', db, '--month', month, '--format', 'json'])) as Report
  const paths = run('report', ['--db', db, '--month', month, '--format', 'records', '--out', join(dir, 'records')]).trim().split('\n')
  return { report, paths }
}

async function sheet (path: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  return ws
}

/** The table of a sheet below its title row: the header (row 2) as keys. */
function rows (ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String)
  const out: Array<Record<string, unknown>> = []
  for (let r = 3; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1)
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i]])))
  }
  return out
}

describe('report --format records', () => {
  it('writes the 台账 and a record per completed activity: pictures, names and counts agree with the JSON', async () => {
    const { report, paths } = await recordsOf('test/acceptance/evidence/pictures-kept-and-refused.jsonl', '2026-11')
    const clinic = report.activities.find(a => a.id === 1)
    expect(clinic).toMatchObject({ status: 'completed', photos: 3, participants: ['林律师'] })
    expect(paths.map(p => basename(p))).toEqual(['2026年11月活动台账.xlsx', '活动记录-1-同心·律师服务团法律义诊-2026-11-14.docx'])

    const zip = await JSZip.loadAsync(readFileSync(paths[1]!))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('活动记录')
    expect(xml).toContain('同心·律师服务团法律义诊')
    expect(xml).toContain('玉丰街道社区服务中心')
    expect(xml).toContain('接待群众法律咨询23人次')
    for (const name of clinic!.participants) expect(xml).toContain(name)
    const media = Object.keys(zip.files).filter(f => f.startsWith('word/media/'))
    expect(media).toHaveLength(3)

    const ledger = rows(await sheet(paths[0]!, '活动台账'))
    expect(ledger.find(r => r['活动名称'] === clinic!.title)?.['照片']).toBe(3)
    const people = rows(await sheet(paths[0]!, '参加人员'))
    expect(people.map(r => [r['活动名称'], r['姓名'], r['身份'], r['报名方式']])).toEqual([[clinic!.title, '林律师', '成员', '回复']])
    expect(people[0]!['签到时间']).toBeInstanceOf(Date)
  }, 240_000)

  it('works on the public month example: every attended person of every completed activity is on 参加人员', async () => {
    const { report, paths } = await recordsOf('test/fixtures/public/month-luchen.jsonl', '2026-11')
    const completed = report.activities.filter(a => a.status === 'completed')
    expect(paths).toHaveLength(1 + completed.length)
    const people = rows(await sheet(paths[0]!, '参加人员'))
    for (const a of completed) {
      const listed = people.filter(r => r['活动名称'] === a.title && r['身份'] !== '随行').map(r => r['姓名'])
      expect(listed.sort()).toEqual([...a.participants].sort())
      const zip = await JSZip.loadAsync(readFileSync(paths.find(p => p.includes(`活动记录-${a.id}-`))!))
      const xml = await zip.file('word/document.xml')!.async('string')
      for (const name of a.participants) expect(xml).toContain(name)
    }
    // the ledger's 照片 column is the JSON's photos, activity by activity
    const ledger = rows(await sheet(paths[0]!, '活动台账'))
    expect(ledger.map(r => r['照片'])).toEqual(report.activities.map(a => a.photos))
  }, 240_000)
})
