// npm run web at the shell, on a database replayed from the public month example: `--link 陈秘书` prints one
// one-time link (exit 0), a name without a role is exit 2 with one line, and the pages served alone over the
// database show, once logged in with that link, the totals of `report --month 2026-11 --format json`.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/types.js'

const ROOT = join(import.meta.dirname, '..', '..')
const LAUNCH = join(ROOT, 'src/cli/launch.mjs')
const run = promisify(execFile)
let db: string
let port: number
let server: ChildProcess | undefined

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    }).on('error', reject)
  })
}

const env = (): NodeJS.ProcessEnv => ({ ...process.env, WEB_BASE_URL: `http://127.0.0.1:${port}`, BOT_TIMEZONE: 'Asia/Shanghai', LOG_LEVEL: 'silent' })

async function web (args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [LAUNCH, 'web', '--db', db, ...args], { cwd: ROOT, env: env(), encoding: 'utf8' })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'xl-web-cli-')), 'bot.db')
  await run(process.execPath, [LAUNCH, 'replay', join(ROOT, 'test/fixtures/public/month-luchen.jsonl'), '--db', db, '--out-dir', join(db, '..', 'out')], { cwd: ROOT, encoding: 'utf8' })
  port = await freePort()
  server = spawn(process.execPath, [LAUNCH, 'web', '--db', db, '--port', String(port)], { cwd: ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] })
  // ready when it says where it listens
  await new Promise<void>((resolve, reject) => {
    let said = ''
    server!.stderr!.on('data', (chunk: Buffer) => { said += chunk.toString(); if (said.includes('Ctrl-C')) resolve() })
    server!.once('exit', code => reject(new Error(`web exited ${code}: ${said}`)))
  })
}, 120_000)

afterAll(() => {
  server?.kill('SIGTERM')
})

describe('npm run web', () => {
  it('prints a one-time link for 陈秘书 whose overview shows the totals of report --month 2026-11 --format json', async () => {
    const { code, stdout } = await web(['--link', '陈秘书'])
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const link = lines[0]!
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login\\?token=[A-Za-z0-9_-]{43}$`))
    const login = await fetch(link, { redirect: 'manual' })
    expect(login.status).toBe(303)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const page = await (await fetch(`http://127.0.0.1:${port}/?period=2026-11`, { headers: { cookie } })).text()
    const { stdout: json } = await run(process.execPath, [LAUNCH, 'report', '--db', db, '--month', '2026-11', '--format', 'json'], { cwd: ROOT, env: env(), encoding: 'utf8' })
    const report = JSON.parse(json) as Report
    const text = page.replace(/<[^>]+>/g, ' ')
    const words: Array<[keyof Report['totals'], string]> = [['activities', '活动场次'], ['completed', '已完成'], ['cancelled', '已取消'], ['signups', '报名人数'], ['waitlist', '候补人数'], ['attendance', '实到人次'], ['participants', '参与人数']]
    for (const [key, word] of words) expect(Number(new RegExp(`${word}\\s*(\\d+)`).exec(text)?.[1]), word).toBe(report.totals[key])
    // used once
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(410)
  }, 60_000)

  it('refuses, with one line and exit 2, a name with none of the roles', async () => {
    for (const name of ['林律师', '没有这个人']) {
      const { code, stdout, stderr } = await web(['--link', name])
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toContain(name)
    }
  }, 60_000)
})
