// Backups: a VACUUM INTO copy that opens as a working database, the last N kept, taken nightly
// by the scheduler and on demand by `npm run backup`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { FakeClock } from '../../src/core/clock.js'
import { backupDatabase } from '../../src/db/backup.js'
import { openDb } from '../../src/db/open.js'
import { activities } from '../../src/db/schema.js'
import { silentLogger } from '../../src/log.js'
import { Scheduler } from '../../src/scheduler/scheduler.js'
import { createTestBot, testSettings } from '../helpers/core.js'
import { PROJECT_ROOT } from '../helpers/public.js'

describe('backups', () => {
  it('are working copies, and only the last N are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-bak-'))
    const bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00')
    let t = Date.parse('2026-11-02T03:30:00+08:00')
    const paths = Array.from({ length: 5 }, () => backupDatabase(bot.store.db, dir, 3, (t += 86_400_000), 'Asia/Shanghai'))
    bot.close()
    expect(readdirSync(dir).sort()).toEqual(paths.slice(2).map(p => p.slice(dir.length + 1)).sort())
    const copy = openDb(paths[4] ?? '')
    expect(copy.db.select({ n: count() }).from(activities).get()?.n).toBe(1)
    copy.close()
  })

  it('are taken nightly by the scheduler', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-bak-'))
    const store = openDb(join(dir, 'bot.db'))
    const clock = new FakeClock(Date.parse('2026-11-02T12:00:00+08:00'))
    const settings = testSettings()
    const scheduler = new Scheduler({ db: store.db, log: silentLogger, config: { ...settings.scheduler, backup: { dir: join(dir, 'backups'), keep: 14 } } })
    scheduler.init(clock.now())
    expect(scheduler.nextDue()).toBe(Date.parse('2026-11-03T03:30:00+08:00'))
    clock.set(Date.parse('2026-11-03T03:30:00+08:00'))
    await scheduler.tick(clock.now())
    expect(readdirSync(join(dir, 'backups'))).toEqual(['xinlian-20261103-033000.db'])
    expect(scheduler.nextDue()).toBe(Date.parse('2026-11-04T03:30:00+08:00'))
    store.close()
  })

  it('are taken on demand by npm run backup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-bak-'))
    openDb(join(dir, 'bot.db')).close()
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts'], {
      cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DB_PATH: join(dir, 'bot.db'), BACKUP_DIR: join(dir, 'copies') },
    })
    expect(r.status).toBe(0)
    expect(readdirSync(join(dir, 'copies'))).toHaveLength(1)
    expect(r.stdout.trim()).toMatch(/xinlian-\d{8}-\d{6}\.db$/)
  }, 60_000)
})
