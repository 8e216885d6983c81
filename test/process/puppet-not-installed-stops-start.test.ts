// `npm start` with a WECHATY_PUPPET that is not installed stops at once, non-zero, with one line on
// stderr giving the npm install command; nothing is created beside the database.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

describe('start-up with a puppet that is not installed', () => {
  it('exits non-zero with one line naming npm install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-puppet-'))
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-xyz', DB_PATH: join(dir, 'bot.db'), BOT_ADMINS: '周会长', LOG_LEVEL: 'info' },
    })
    expect(r.status).not.toBe(0)
    expect(r.status).not.toBeNull()
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('WECHATY_PUPPET=wechaty-puppet-xyz 没有安装：请先运行 npm install wechaty-puppet-xyz / wechaty-puppet-xyz is not installed: run npm install wechaty-puppet-xyz\n')
    expect(existsSync(join(dir, 'bot.db'))).toBe(false)
  }, 90_000)
})
