// Configuration: defaults, every problem listed at once, values read the way .env.example says.
import { describe, expect, it } from 'vitest'
import { ConfigError, createConfig } from '../../../src/config.js'

describe('createConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = createConfig({})
    expect(c.WECHATY_PUPPET).toBe('wechaty-puppet-wechat4u')
    expect(c.DB_PATH).toBe('./data/xinlian.db')
    expect(c.BOT_TIMEZONE).toBe('Asia/Shanghai')
    expect(c.REMIND_OFFSETS).toEqual([24 * 3600_000, 3600_000])
    expect(c.SEND_INTERVAL_MS).toBe(1500)
    expect(c.OUTBOX_MAX_AGE).toBe(2 * 3600_000)
    expect(c.BOT_ADMINS).toEqual([])
    expect(c.LOG_LEVEL).toBe('info')
  })

  it('reads lists, durations and numbers as written in .env', () => {
    const c = createConfig({ BOT_ADMINS: 'wxid_abc, 周会长，陈秘书', REMIND_OFFSETS: '1天,2小时,30m', SEND_INTERVAL_MS: '2000', OUTBOX_MAX_AGE: '90m', BOT_TIMEZONE: 'America/New_York' })
    expect(c.BOT_ADMINS).toEqual(['wxid_abc', '周会长', '陈秘书'])
    expect(c.REMIND_OFFSETS).toEqual([24 * 3600_000, 2 * 3600_000, 30 * 60_000])
    expect(c.SEND_INTERVAL_MS).toBe(2000)
    expect(c.OUTBOX_MAX_AGE).toBe(90 * 60_000)
    expect(c.BOT_TIMEZONE).toBe('America/New_York')
  })

  it('treats empty values as unset', () => {
    expect(createConfig({ DB_PATH: '', SEND_INTERVAL_MS: '', BOT_TIMEZONE: ' ' }).DB_PATH).toBe('./data/xinlian.db')
  })

  it('lists every problem in one error', () => {
    let error: unknown
    try {
      createConfig({ BOT_TIMEZONE: 'Mars/Olympus', REMIND_OFFSETS: 'soon', SEND_INTERVAL_MS: '-5', LOG_LEVEL: 'loud', MONTHLY_REPORT_CRON: 'every month', WECHATY_PUPPET: 'wechaty-puppet-service' })
    } catch (err) { error = err }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    for (const key of ['BOT_TIMEZONE', 'REMIND_OFFSETS', 'SEND_INTERVAL_MS', 'LOG_LEVEL', 'MONTHLY_REPORT_CRON', 'WECHATY_PUPPET_SERVICE_TOKEN']) {
      expect(problems).toContain(key)
    }
    expect((error as ConfigError).problems).toHaveLength(6)
    expect((error as ConfigError).message).toContain('Mars/Olympus')
  })

  it('accepts a token puppet with its token', () => {
    expect(createConfig({ WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_padlocal_x' }).WECHATY_PUPPET_SERVICE_TOKEN).toBe('puppet_padlocal_x')
  })
})
