// What `npm start` runs: the bundle of src/main.ts, started as a process on wechaty-puppet-mock
// with a fresh database. It migrates, starts Wechaty with the puppet named in WECHATY_PUPPET
// (imported by name, from outside the bundle), and stops cleanly on SIGTERM. (The mock puppet
// logs in only when a test drives it; messages through the plugin are tested from src/.)
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../../src/cli/build.js'
import { STAMP_FILE, sourceStamp } from '../../src/cli/source-stamp.mjs'
import { PROJECT_ROOT, PUBLIC_EXAMPLES } from '../helpers/public.js'

let dir: string
// its own bundle, two folders down as dist/bundle is: dist/bundle itself is what npm run replay / report use while
// other tests run them, and must not be rebuilt under them
const OWN_BUNDLE = `dist/test-bundle-${process.pid}`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xl-bundle-'))
  await bundle(OWN_BUNDLE)
}, 120_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(join(PROJECT_ROOT, OWN_BUNDLE), { recursive: true, force: true })
})

describe('the production bundle', () => {
  it('starts on the mock puppet with a migrated database, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'xinlian.db')
    const child = spawn(process.execPath, [join(OWN_BUNDLE, 'main.mjs')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', DB_PATH: db, BACKUP_DIR: join(dir, 'backups'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${stderr}`)), 60_000)
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk
        if (/ready: waiting for login/.test(stderr)) {
          clearTimeout(timer)
          resolve()
        }
      })
      void exited.then(code => reject(new Error(`exited (${code}) before it was ready:\n${stderr}`)))
    })
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toMatch(/shutting down/)
    expect(stderr).toMatch(/"msg":"stopped"/)
    expect(stderr).not.toMatch(/"level":50/)

    const store = new Database(db, { readonly: true })
    try {
      // every migration applied, the schema in place
      const applied = store.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
      expect(applied).toBe(readdirSync(join(PROJECT_ROOT, 'migrations')).filter(f => f.endsWith('.sql')).length)
      expect(applied).toBeGreaterThanOrEqual(4)
      expect(store.prepare('SELECT seats_taken, waiting FROM activities LIMIT 0').columns().map(c => c.name)).toEqual(['seats_taken', 'waiting'])
    } finally {
      store.close()
    }
  }, 120_000)

  it('is stamped with the sources it was built from, by content: a change shows, a file time does not', () => {
    expect(readFileSync(join(PROJECT_ROOT, OWN_BUNDLE, STAMP_FILE), 'utf8').trim()).toBe(sourceStamp(PROJECT_ROOT))
    const root = mkdtempSync(join(tmpdir(), 'xl-stamp-'))
    mkdirSync(join(root, 'src'))
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1\n')
    const first = sourceStamp(root)
    utimesSync(join(root, 'src', 'a.ts'), new Date('2020-01-01'), new Date('2020-01-01'))
    expect(sourceStamp(root)).toBe(first)
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2\n')
    expect(sourceStamp(root)).not.toBe(first)
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1\n')
    writeFileSync(join(root, 'src', 'b.ts'), '')
    expect(sourceStamp(root)).not.toBe(first)
    rmSync(root, { recursive: true, force: true })
  })

  it('replays and reports from the bundle exactly as from the source (npm run replay / report use it when fresh)', () => {
    const run = (entry: string[], args: string[]): string => {
      const r = spawnSync(process.execPath, [...entry, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 })
      expect(r.status, r.stderr).toBe(0)
      return r.stdout
    }
    const transcript = join(PUBLIC_EXAMPLES, 'month-luchen.jsonl')
    const [fromBundle, fromSource] = [[join(OWN_BUNDLE, 'replay.mjs')], ['--import', 'tsx', 'src/cli/replay.ts']].map((entry, i) =>
      run(entry, [transcript, '--db', join(dir, `replay-${i}.db`), '--out-dir', join(dir, `out-${i}`)]))
    // the same messages; written files differ only in their folder
    expect(fromBundle?.replaceAll(join(dir, 'out-0'), 'OUT')).toBe(fromSource?.replaceAll(join(dir, 'out-1'), 'OUT'))
    const reports = [[join(OWN_BUNDLE, 'report.mjs')], ['--import', 'tsx', 'src/cli/report.ts']].map(entry =>
      run(entry, ['--db', join(dir, 'replay-0.db'), '--month', '2026-11', '--format', 'json']))
    expect(reports[0]).toBe(reports[1])
    expect(JSON.parse(reports[0] ?? '')).toMatchObject({ totals: { activities: 3 } })
  }, 120_000)
})
