// SIGTERM: a running bot sends everything it has decided to send, at the usual pace, closes the
// database and exits 0.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/open.js'
import { outbox } from '../../src/db/schema.js'
import { PROJECT_ROOT } from '../helpers/public.js'

describe('SIGTERM', () => {
  it('drains the outbox before the process exits', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'xl-term-')), 'bot.db')
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/sigterm-bot.ts', db], { cwd: PROJECT_ROOT })
    let stdout = ''
    child.stdout.on('data', chunk => { stdout += String(chunk) })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no READY: ${stdout}`)), 60_000)
      child.stdout.on('data', () => {
        if (stdout.includes('READY')) { clearTimeout(timer); resolve() }
      })
    })
    const sentBefore = stdout.split('\n').filter(l => l.startsWith('SENT')).length
    child.kill('SIGTERM')
    const code = await new Promise<number | null>(resolve => child.on('exit', c => resolve(c)))
    expect(code).toBe(0)
    const sent = stdout.split('\n').filter(l => l.startsWith('SENT'))
    expect(sentBefore).toBeLessThan(6)
    expect(sent).toHaveLength(6)
    const store = openDb(db)
    const rows = store.db.select().from(outbox).all()
    store.close()
    expect(rows.map(r => r.status)).toEqual(Array(6).fill('sent'))
  }, 90_000)
})
