// More transcripts in the acceptance format, written from the contracts alone (not from the bot's
// output) with other groups, people and dates: a month of a 同心荟 that crosses the year end, three
// rooms with a shared member and a month edge at 23:30, two months of trainings and visits, and a
// 120-person sign-up storm. Checked by the same checker as the public examples.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKER, PROJECT_ROOT } from './helpers/public.js'

const TRANSCRIPTS = join(PROJECT_ROOT, 'test/transcripts')

describe('acceptance-style transcripts', () => {
  it.each([
    ['ouhai-month.expect.json', 'a 同心荟 from December into January: waitlist, edits, cancellation, quote-replies, 接龙, restart, push'],
    ['multiroom.expect.json', 'three rooms, one enabled late, a member in two, activities at the month edge, per-room and all-room reports'],
    ['xl-wenzhou.expect.json', 'a training series and research visits over two months: every optional field and sign-up form, check-in windows, corrections, two pushes'],
    ['storm.expect.json', '120 sign-ups in two minutes with duplicates, then cancellations: few messages, exact promotions and reminders'],
  ])('%s — %s', file => {
    const r = spawnSync('node', [CHECKER, join(TRANSCRIPTS, file)], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    const out = `${r.stdout}${r.stderr}`
    expect(out).toMatch(/(\d+)\/\1 expectations met/)
    expect(r.status, out).toBe(0)
  }, 240_000)
})
