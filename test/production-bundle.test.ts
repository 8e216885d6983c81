// What `npm start` runs: the bundle of src/main.ts, started as a process on wechaty-puppet-mock
// with a fresh database. It migrates, starts Wechaty with the puppet named in WECHATY_PUPPET
// (imported by name, from outside the bundle), and stops cleanly on SIGTERM. (The mock puppet
// logs in only when a test drives it; messages through the plugin are tested from src/.)
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLE_DIR, bundle } from '../src/cli/build.js'
import { PROJECT_ROOT } from './helpers/public.js'

let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xl-bundle-'))
  await bundle()
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the production bundle', () => {
  it('starts on the mock puppet with a migrated database, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'xinlian.db')
    const child = spawn(process.execPath, [join(BUNDLE_DIR, 'main.mjs')], {
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
})
