// The public example transcripts, checked by the shared checker exactly as acceptance runs it:
// `npm run replay` and `npm run report` as child processes, expectations from the .expect.json.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKER, PROJECT_ROOT, PUBLIC_EXAMPLES } from '../helpers/public.js'

function check (expectFile: string): { status: number | null, out: string } {
  const r = spawnSync('node', [CHECKER, `${PUBLIC_EXAMPLES}${expectFile}`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('public example transcripts', () => {
  it('hello: enabling, roles, help, unknown commands, chatter, duplicates', () => {
    const { status, out } = check('hello.expect.json')
    expect(out).toMatch(/(\d+)\/\1 expectations met/)
    expect(status, out).toBe(0)
  }, 240_000)

  it('month-luchen: a month of activities, sign-ups, reminders, check-in and the monthly figures', () => {
    const { status, out } = check('month-luchen.expect.json')
    expect(out).toMatch(/(\d+)\/\1 expectations met/)
    expect(status, out).toBe(0)
  }, 240_000)

  it('the time-phrase corpus through the whole bot', () => {
    const r = spawnSync('node', [CHECKER, '--time-phrases', `${PUBLIC_EXAMPLES}time-phrases.jsonl`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 time phrases parsed right/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)

  it('the notices corpus: every notice read right, none created with a wrong start', () => {
    const r = spawnSync('node', [CHECKER, '--notices', `${PUBLIC_EXAMPLES}notices.jsonl`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 notices read right; 0 created with a wrong start/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)

  it('our own notices, in shapes the public file does not have, through the same checker', () => {
    const r = spawnSync('node', [CHECKER, '--notices', `${PROJECT_ROOT}test/fixtures/notices-written.jsonl`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 notices read right; 0 created with a wrong start/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)

  it('notices written as unions, libraries, universities and associations post them, unseen while the reader was built', () => {
    const r = spawnSync('node', [CHECKER, '--notices', `${PROJECT_ROOT}test/fixtures/notices-unseen.jsonl`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 notices read right; 0 created with a wrong start/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)

  it('the replies corpus: every reply acted on, asked about or left alone as expected', () => {
    const r = spawnSync('node', [CHECKER, '--replies', `${PUBLIC_EXAMPLES}replies.jsonl`], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 replies handled right; 0 changed a sign-up the member did not mean/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)

  it('replies not seen while the reader was written (test/fixtures/replies-unseen.jsonl): all as expected, no sign-up changed unmeant', () => {
    const r = spawnSync('node', [CHECKER, '--replies', join(PROJECT_ROOT, 'test/fixtures/replies-unseen.jsonl')], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.stdout).toMatch(/(\d+)\/\1 replies handled right; 0 changed a sign-up the member did not mean/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
  }, 240_000)
})

describe('the copy of the contracts in docs/spec', () => {
  const shared = join(PROJECT_ROOT, '../shared/spec')
  it.runIf(existsSync(shared))('is the same as ../shared/spec', () => {
    for (const file of readdirSync(shared).filter(f => f.endsWith('.md'))) {
      expect(readFileSync(join(PROJECT_ROOT, 'docs/spec', file), 'utf8'), file).toBe(readFileSync(join(shared, file), 'utf8'))
    }
  })
})
