// The replay command's contract (replay.md): stdout is only the bot's messages as JSON lines,
// a malformed transcript fails with the line number, --db makes two runs one restarted bot.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { parseTranscript } from '../../src/sim/transcript.js'
import { PROJECT_ROOT } from '../helpers/public.js'

function replay (lines: unknown[] | string, args: string[] = [], env: Record<string, string> = {}): { status: number | null, stdout: string, stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xl-replay-'))
  const file = join(dir, 't.jsonl')
  writeFileSync(file, typeof lines === 'string' ? lines : lines.map(l => JSON.stringify(l)).join('\n'))
  const r = spawnSync('npx', ['tsx', 'src/cli/replay.ts', file, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const setup = { type: 'setup', bot: '新联小助手', timezone: 'Asia/Shanghai', admins: ['周会长'], rooms: [{ topic: '测试群', owner: '周会长', enabled: true, members: ['周会长', '林律师'] }] }

describe('npm run replay', () => {
  it('prints only the bot messages, one JSON object per line, with simulated times', () => {
    const r = replay([
      setup,
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: '测试群', from: '林律师', text: '#帮助' },
      { type: 'message', at: '2026-11-02T09:05:00+08:00', from: '林律师', text: '#帮助' },
    ])
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map(l => JSON.parse(l) as { at: string, room?: string, to?: string, text: string })
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ at: '2026-11-02T09:00:00+08:00', room: '测试群' })
    expect(lines[1]).toMatchObject({ at: '2026-11-02T09:05:00+08:00', to: '林律师' })
  }, 120_000)

  it('refuses a malformed transcript, naming the line', () => {
    const r = replay([setup, { type: 'message', at: 'yesterday', room: '测试群', from: '林律师', text: 'x' }])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/line 2/)
    expect(r.stdout).toBe('')
    const option = replay([setup], ['--bogus'])
    expect(option.status).toBe(2)
    // npx may add its own warnings; the replay's own complaint is one line
    expect(option.stderr.trim().split('\n').filter(l => !l.startsWith('npm '))).toHaveLength(1)
    const bad = replay(`${JSON.stringify(setup)}\n{not json`)
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toMatch(/line 2: not valid JSON/)
  }, 120_000)

  it('lets an admin named only in `admins` write in private, and never writes two sent files to one path', () => {
    const out = mkdtempSync(join(tmpdir(), 'xl-replay-out-'))
    const r = replay([
      { ...setup, admins: ['周会长', '总管'] },
      { type: 'message', at: '2026-11-02T09:00:00+08:00', from: '总管', text: '#月报' },
      { type: 'message', at: '2026-11-02T09:10:00+08:00', room: '测试群', from: '周会长', text: '#活动 主题：沙龙；时间：11月7日 14:00' },
      { type: 'message', at: '2026-11-02T09:20:00+08:00', from: '总管', text: '#月报' },
    ], ['--out-dir', out])
    expect(r.status).toBe(0)
    const files = r.stdout.trim().split('\n').map(l => JSON.parse(l) as { to?: string, file?: string, path?: string }).filter(l => l.file?.endsWith('.xlsx'))
    expect(files).toHaveLength(2)
    expect(files.map(f => f.to)).toEqual(['总管', '总管'])
    expect(files[0]?.file).toBe(files[1]?.file)
    expect(files[0]?.path).not.toBe(files[1]?.path)
    for (const f of files) expect(existsSync(f.path ?? '')).toBe(true)
  }, 120_000)

  it('runs in the transcript’s time zone, and the report reads periods in it', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'xl-db-')), 'bot.db')
    const r = replay([
      { ...setup, timezone: 'America/New_York' },
      { type: 'message', at: '2026-11-20T09:00:00-05:00', room: '测试群', from: '周会长', text: '#活动 主题：跨年夜；时间：11月30日 23:30' },
    ], ['--db', db])
    expect(r.stdout).toContain('11月30日(周一) 23:30')
    const report = spawnSync('npx', ['tsx', 'src/cli/report.ts', '--db', db, '--month', '2026-11', '--format', 'json'], {
      cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, BOT_TIMEZONE: '' },
    })
    const json = JSON.parse(report.stdout) as { period: { timezone: string }, activities: Array<{ start: string }> }
    expect(json.period.timezone).toBe('America/New_York')
    expect(json.activities.map(a => a.start)).toEqual(['2026-11-30T23:30:00-05:00'])
  }, 120_000)

  it('plays the transcript’s world whatever the environment or a doubly named person says, and leaves no empty folder', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'xl-tmp-'))
    const r = replay([
      // 林律师 listed as a contact too, and the bot among the members: the room member, and the bot once
      { ...setup, contacts: ['林律师'], rooms: [{ ...setup.rooms[0], members: ['周会长', '林律师', '新联小助手'] }] },
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: '测试群', from: '周会长', text: '#活动 主题：沙龙；时间：11月7日 14:00' },
      { type: 'message', at: '2026-11-02T09:01:00+08:00', room: '测试群', from: '林律师', text: '报名' },
      { type: 'advance', to: '2026-11-06T14:00:00+08:00' },
    ], [], { REMIND_OFFSETS: '2小时', SEND_INTERVAL_MS: 'abc', MONTHLY_REPORT_CRON: '0 8 2 * *', TMPDIR: tmp })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(/error|GError/i)
    const lines = r.stdout.trim().split('\n').map(l => JSON.parse(l) as { at: string, text: string, mentions?: string[] })
    const reminder = lines.find(l => l.text.includes('活动提醒'))
    expect(reminder).toMatchObject({ at: '2026-11-06T14:00:00+08:00', mentions: ['林律师'] })
    // (tsx keeps its cache there too)
    expect(readdirSync(tmp).filter(f => f.startsWith('xinlian-replay-'))).toEqual([])
  }, 120_000)

  it('refuses a --db that is a folder, not SQLite or another program’s in one line, and the report CLI does too (exit 2); --out makes its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-bad-db-'))
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'hello')
    // another program's SQLite file is refused too, and left as it was
    const other = join(dir, 'other.db')
    const foreign = new Database(other)
    foreign.exec('CREATE TABLE foo (x)')
    foreign.close()
    for (const db of [notes, dir, other]) {
      const r = replay([setup], ['--db', db])
      expect(r.status).toBe(2)
      expect(r.stderr.trim().split('\n').filter(l => !l.startsWith('npm '))).toHaveLength(1)
      const report = spawnSync('npx', ['tsx', 'src/cli/report.ts', '--db', db, '--month', '2026-11', '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      expect(report.status).toBe(2)
      expect(report.stdout).toBe('')
      expect(report.stderr.trim().split('\n').filter(l => !l.startsWith('npm '))).toHaveLength(1)
    }
    const untouched = new Database(other, { readonly: true })
    expect(untouched.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['foo'])
    untouched.close()
    const db = join(dir, 'bot.db')
    replay([setup, { type: 'message', at: '2026-11-02T09:00:00+08:00', room: '测试群', from: '周会长', text: '#启用 鹿城同心荟' }], ['--db', db])
    const out = join(dir, 'new', 'folder', 'r.json')
    // by the topic as well as the report name; json on stdout even when written to --out
    const report = spawnSync('npx', ['tsx', 'src/cli/report.ts', '--db', db, '--month', '2026-11', '--format', 'json', '--room', ' 测试群 ', '--out', out], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    expect(report.status, report.stderr).toBe(0)
    expect(JSON.parse(report.stdout)).toMatchObject({ byRoom: [] })
    expect(existsSync(out)).toBe(true)
  }, 120_000)

  it('continues on the same database with --db, like a restarted bot', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'xl-db-')), 'bot.db')
    const first = replay([setup, { type: 'message', at: '2026-11-02T09:00:00+08:00', room: '测试群', from: '周会长', text: '#活动 主题：沙龙；时间：11月7日下午2点' }], ['--db', db])
    expect(first.stdout).toContain('【活动 #1】')
    const second = replay([setup, { type: 'message', at: '2026-11-03T09:00:00+08:00', room: '测试群', from: '周会长', text: '#活动 主题：讲座；时间：11月8日下午2点' }], ['--db', db])
    expect(second.stdout).toContain('【活动 #2】')
  }, 120_000)
})

describe('reading a transcript', () => {
  const line = (o: unknown): string => JSON.stringify(o)
  it.each([
    ['two rooms with one topic', [line({ ...setup, rooms: [...setup.rooms, ...setup.rooms] })], /line 1: rooms: two rooms have the same topic/],
    ['a time zone that does not exist', [line({ ...setup, timezone: 'Mars/Base' })], /line 1: timezone: is not an IANA time zone/],
    ['a date that does not exist', [line(setup), line({ type: 'advance', to: '2026-11-31T09:00:00+08:00' })], /line 2: to: must be ISO 8601 with an offset, on a real date/],
  ])('refuses %s with one line naming it', (_, lines, message) => {
    expect(() => parseTranscript(lines.join('\n'))).toThrow(message)
  })
})
