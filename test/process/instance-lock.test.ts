// One bot per database: a second start on the same file is refused while the first runs, and a
// lock left by a killed bot is taken over.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InstanceLockError, lockInstance } from '../../src/instance-lock.js'

const dbIn = (): string => join(mkdtempSync(join(tmpdir(), 'xl-lock-')), 'data', 'xinlian.db')

describe('lockInstance', () => {
  it('holds the pid while running and lets go on release', () => {
    const db = dbIn()
    const release = lockInstance(db)
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(`${db}.lock`)).toBe(false)
  })

  it('refuses while another bot runs on the database, naming it', () => {
    const db = dbIn()
    lockInstance(db)()
    // the test runner's parent process stands in for a running bot
    writeFileSync(`${db}.lock`, String(process.ppid))
    expect(() => lockInstance(db)).toThrow(InstanceLockError)
    expect(() => lockInstance(db)).toThrow(`pid ${process.ppid}`)
  })

  it('takes over a lock whose pid now belongs to something other than node (after a reboot)', () => {
    const db = dbIn()
    lockInstance(db)()
    const other = spawn('sleep', ['5'])
    try {
      writeFileSync(`${db}.lock`, String(other.pid))
      const release = lockInstance(db)
      expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid))
      release()
    } finally {
      other.kill()
    }
  })

  it('takes over the lock of a bot that was killed', () => {
    const db = dbIn()
    lockInstance(db)()
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(`${db}.lock`, gone)
    const release = lockInstance(db)
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid))
    release()
  })
})
