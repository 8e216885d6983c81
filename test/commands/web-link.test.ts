// #网页 / #后台: a one-time link in private chat to a secretary, organizer or admin known by contact id;
// nothing in a group, nothing to a role known only by name, and only the link's hash in the database.
import { afterEach, describe, expect, it } from 'vitest'
import { tokenHash } from '../../src/db/web-auth.js'
import { createTestBot, testSettings, type TestBot } from '../helpers/core.js'

const BASE = 'https://xinlian.example.org'
let bot: TestBot
afterEach(() => bot?.close())

const withPages = (admins = ['周会长']) => ({ settings: { ...testSettings({ admins }), webBaseUrl: BASE } })

function linkIn (text: string): string | undefined {
  return /https:\/\/xinlian\.example\.org\/login\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1]
}

describe('#网页', () => {
  it('sends a secretary appointed by @mention a link whose token is stored only as a hash', async () => {
    bot = createTestBot(withPages())
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    await bot.take()
    expect(bot.say('陈秘书', '#网页', { room: null })).toBe('handled')
    const [reply] = await bot.take()
    const token = linkIn(reply?.text ?? '')
    expect(reply?.to).toBe('陈秘书')
    expect(reply?.text).toContain('15分钟')
    expect(token).toBeDefined()
    const rows = bot.store.sqlite.prepare('SELECT * FROM web_login_links').all() as Array<Record<string, unknown>>
    expect(rows).toHaveLength(1)
    expect(rows[0]?.['token_hash']).toBe(tokenHash(token!))
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('answers #后台 too, and a room owner (an organizer by contact id) gets a link for their rooms', async () => {
    bot = createTestBot(withPages(['某管理员']))
    expect(bot.say('周会长', '#后台', { room: null })).toBe('handled')
    const [reply] = await bot.take()
    expect(linkIn(reply?.text ?? '')).toBeDefined()
    expect(reply?.text).toContain('1 个群')
  })

  it('sends no link in a group: it says to ask in private chat', async () => {
    bot = createTestBot(withPages())
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    await bot.take()
    expect(bot.say('陈秘书', '#网页')).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.to).toBe('room')
    expect(reply?.text).toContain('私聊')
    expect(linkIn(reply?.text ?? '')).toBeUndefined()
    expect(bot.store.sqlite.prepare('SELECT count(*) AS n FROM web_login_links').get()).toEqual({ n: 0 })
  })

  it('tells a member without a role who may use it', async () => {
    bot = createTestBot(withPages())
    bot.say('林律师', '报名')
    await bot.take()
    expect(bot.say('林律师', '#网页', { room: null })).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('只有秘书、组织者或管理员')
    expect(linkIn(reply?.text ?? '')).toBeUndefined()
  })

  it('gives an admin listed only by name no link, and says how to be appointed by @mention', async () => {
    bot = createTestBot(withPages(['吴主任']))
    expect(bot.say('吴主任', '#网页', { room: null })).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('只按名字登记')
    expect(reply?.text).toContain('@')
    expect(linkIn(reply?.text ?? '')).toBeUndefined()
  })

  it('says the pages are off when WEB_PORT=0', async () => {
    bot = createTestBot({ settings: { ...testSettings(), webBaseUrl: null } })
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    await bot.take()
    expect(bot.say('陈秘书', '#网页', { room: null })).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('没有开启')
  })
})
