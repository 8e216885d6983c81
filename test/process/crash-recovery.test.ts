// Crashes: `npm run replay` processes killed with SIGKILL mid-send and mid-storm, then a second
// replay on the same database (a restarted bot). Nothing decided is lost, nothing is sent or
// counted twice.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OutputLine } from '../../src/sim/simulation.js'
import { PROJECT_ROOT } from '../helpers/public.js'
import { plus } from '../helpers/sim.js'

function replay (lines: Array<Record<string, unknown>>, db: string, env: Record<string, string> = {}): { status: number | null, signal: NodeJS.Signals | null, out: OutputLine[], stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'xl-crash-')), 't.jsonl')
  writeFileSync(file, lines.map(l => JSON.stringify(l)).join('\n'))
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', file, '--db', db], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } })
  const out = r.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l) as OutputLine)
  return { status: r.status, signal: r.signal, out, stderr: r.stderr }
}

const ROOM = '大群'
const crowd = Array.from({ length: 30 }, (_, i) => `成员${String(i + 1).padStart(2, '0')}`)
const setup = (members: string[]): Record<string, unknown> => ({ type: 'setup', bot: '新联小助手', admins: ['周会长'], rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: ['周会长', ...members] }] })

/** Names acknowledged as signed up, one entry per acknowledgement. */
function acknowledged (out: OutputLine[]): string[] {
  return out.flatMap(o => /报名成功（\d+人）：(.*)/.exec(o.text ?? '')?.[1]?.split('、') ?? [])
}

describe('killed with SIGKILL', () => {
  it('mid-send: after the restart every message goes out once', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'xl-db-')), 'bot.db')
    const first = replay([
      setup(crowd),
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: ROOM, from: '周会长', text: '#活动 主题：同心大讲堂；时间：11月7日 14:00' },
      ...crowd.map((name, i) => ({ type: 'message', at: plus('2026-11-02T09:01:00+08:00', i), room: ROOM, from: name, text: '报名', id: `s${i}` })),
      { type: 'advance', to: '2026-11-06T14:00:30+08:00' },
    ], db, { XL_CRASH: 'send:4' })
    expect(first.signal).toBe('SIGKILL')
    // card, one acknowledgement (a sign-up a second: the window never closes), the first part of
    // the 24 h reminder; the second part was in flight
    expect(first.out).toHaveLength(3)

    const second = replay([setup(crowd), { type: 'advance', to: '2026-11-06T14:01:00+08:00' }, { type: 'advance', to: '2026-11-07T14:00:00+08:00' }], db)
    expect(second.status).toBe(0)
    const all = [...first.out, ...second.out]
    expect(all.filter(o => (o.text ?? '').includes('【活动 #1】同心大讲堂\n时间'))).toHaveLength(1)
    expect(acknowledged(all).sort()).toEqual([...crowd].sort())
    const dayBefore = all.filter(o => o.room === ROOM && o.at.startsWith('2026-11-06'))
    expect(dayBefore.flatMap(o => o.mentions ?? []).sort()).toEqual([...crowd].sort())
    expect(all.filter(o => o.to === '周会长')).toHaveLength(1)
    const hourBefore = all.filter(o => o.room === ROOM && o.at.startsWith('2026-11-07T13:00'))
    expect(hourBefore.flatMap(o => o.mentions ?? []).sort()).toEqual([...crowd].sort())
  }, 120_000)

  it('in the middle of a 300-message storm: every acknowledged sign-up is there exactly once', () => {
    const many = Array.from({ length: 300 }, (_, i) => `成员${String(i + 1).padStart(3, '0')}`)
    const db = join(mkdtempSync(join(tmpdir(), 'xl-db-')), 'bot.db')
    const storm = (start: string): Array<Record<string, unknown>> =>
      many.map((name, i) => ({ type: 'message', at: plus(start, i * 0.2), room: ROOM, from: name, text: i % 2 ? '+1' : '报名', id: `storm-${i}` }))
    const first = replay([
      setup(many),
      { type: 'message', at: '2026-11-20T10:00:00+08:00', room: ROOM, from: '周会长', text: '#活动 主题：大讲堂；时间：11月28日 14:30；名额：500' },
      ...storm('2026-11-20T10:01:00+08:00'),
    ], db, { XL_CRASH: 'message:151' })
    expect(first.signal).toBe('SIGKILL')
    // the puppet delivers the whole storm again after the restart (same message ids)
    const second = replay([setup(many), ...storm('2026-11-20T10:03:00+08:00')], db)
    expect(second.status).toBe(0)
    const acks = acknowledged([...first.out, ...second.out])
    expect(acks.sort()).toEqual([...many].sort())

    const report = spawnSync('npx', ['tsx', 'src/cli/report.ts', '--db', db, '--month', '2026-11', '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    const figures = JSON.parse(report.stdout) as { activities: Array<{ signups: number }> }
    expect(figures.activities[0]?.signups).toBe(300)
  }, 180_000)
})
