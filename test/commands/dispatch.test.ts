// Dispatch on real SQLite: permissions, enable/disable, duplicates, unknown commands, chatter,
// prefixes and the @bot form, refusals that change nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { forgetRoomIds } from '../../src/db/membership.js'
import { activities, handledMessages, roles } from '../../src/db/schema.js'
import { createTestBot, ROOM, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

const NEW_ACTIVITY = '#活动 主题：数字经济沙龙；时间：11月7日下午2点-4点；名额：3'

describe('rooms that are not enabled', () => {
  it('are silent, except #启用 from an admin', async () => {
    bot = createTestBot({ enabled: false })
    expect(bot.say('林律师', '#帮助')).toBe('disabled')
    expect(bot.say('林律师', '#启用')).toBe('disabled')
    expect(bot.say('周会长', '#帮助')).toBe('disabled')
    expect(await bot.take()).toEqual([])
    expect(bot.say('周会长', '#启用 鹿城新联会')).toBe('handled')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('已在本群启用')
    expect(bot.say('林律师', '#帮助')).toBe('handled')
    await bot.take()
    // a new name on an enabled room is said to be one, for every report
    bot.say('周会长', '#启用 鹿城同心荟')
    bot.say('周会长', '#启用 鹿城同心荟')
    const [renamed, again] = await bot.take()
    expect(renamed?.text).toContain('本群的报表名称已由「鹿城新联会」改为「鹿城同心荟」，以后的月报和台账（包括以前月份的）都用新名称。')
    expect(again?.text).toContain('活动助手已在本群启用（报表名称：鹿城同心荟）')
  })

  it('go silent again after #停用, and keep their data', async () => {
    bot = createTestBot()
    bot.say('周会长', NEW_ACTIVITY)
    expect(bot.say('周会长', '#停用')).toBe('handled')
    await bot.take()
    expect(bot.say('林律师', '报名')).toBe('disabled')
    expect(await bot.take()).toEqual([])
    expect(bot.store.db.select({ n: count() }).from(activities).get()?.n).toBe(1)
  })
})

describe('permissions', () => {
  it('refuses organizer commands from members, with the reason, and creates nothing', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', NEW_ACTIVITY)).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('只有组织者或管理员')
    expect(bot.store.db.select({ n: count() }).from(activities).get()?.n).toBe(0)
  })

  it('lets the room owner and appointed organizers create activities', async () => {
    bot = createTestBot()
    expect(bot.say('周会长', NEW_ACTIVITY, { room: { ...ROOM, ownerId: 'wxid_群主' } })).toBe('handled')
    expect(bot.say('群主', NEW_ACTIVITY)).toBe('refused')
    bot.say('周会长', '#设组织者 @吴设计师', { mentions: ['吴设计师'] })
    expect(bot.say('吴设计师', NEW_ACTIVITY.replace('11月7日', '11月8日'))).toBe('handled')
    bot.say('周会长', '#撤销 @吴设计师', { mentions: ['吴设计师'] })
    expect(bot.say('吴设计师', NEW_ACTIVITY)).toBe('refused')
  })

  it('only admins appoint, and an appointment needs an @mention', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })).toBe('refused')
    expect(bot.say('周会长', '#设秘书')).toBe('refused')
    const replies = await bot.take()
    expect(replies[1]?.text).toContain('请@')
    expect(replies[1]?.text).toContain('例如：#设秘书 @陈秘书')
    expect(bot.store.db.select({ n: count() }).from(roles).get()?.n).toBe(0)
    expect(bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })).toBe('handled')
    const [ok] = await bot.take()
    expect(ok?.mentions).toEqual(['陈秘书'])
  })

  it('#撤销 ends every appointed role, in every room, wherever it is sent', async () => {
    bot = createTestBot()
    const other = { id: 'room2@chatroom', topic: '瓯海新联会', ownerId: 'wxid_周会长' }
    expect(bot.say('周会长', '#启用', { room: other })).toBe('handled')
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    bot.say('周会长', '#设组织者 @陈秘书', { mentions: ['陈秘书'] })
    bot.say('周会长', '#设组织者 @陈秘书', { room: other, mentions: ['陈秘书'] })
    await bot.take()
    const secretaries = (): number => bot.store.db.select({ n: count() }).from(roles).where(eq(roles.role, 'secretary')).get()?.n ?? 0
    expect(secretaries()).toBe(1)
    // revoked in the other room: the secretary role and both organizer roles end
    bot.say('周会长', '#撤销 @陈秘书', { room: other, mentions: ['陈秘书'] })
    expect((await bot.take()).at(-1)?.text).toContain('已撤销 陈秘书 的秘书、组织者（2个群）身份')
    expect(secretaries()).toBe(0)
    expect(bot.say('陈秘书', NEW_ACTIVITY)).toBe('refused')
    expect(bot.say('陈秘书', NEW_ACTIVITY, { room: other })).toBe('refused')
    expect(bot.say('陈秘书', '#月报', { room: null })).toBe('refused')
  })

  it('says how to get a role in words a member can act on, never a setting name', async () => {
    bot = createTestBot()
    bot.say('林律师', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    bot.say('林律师', NEW_ACTIVITY)
    bot.say('外部联系人', '#月报', { room: null })
    const [adminOnly, inRoom, inPrivate] = await bot.take()
    expect(adminOnly?.text).toContain('只有管理员可以使用「#设秘书」，如有需要请联系管理员')
    expect(adminOnly?.text).not.toMatch(/[A-Z_]{4,}/)
    expect(inRoom?.text).toContain('请管理员在本群发送「#设组织者 @林律师」')
    // someone in no group cannot have an admin appoint them there
    expect(inPrivate?.text).toContain('如需成为秘书或组织者，请联系管理员')
    expect(inPrivate?.text).not.toContain('在本群')
    // a room's report is its organizers': a member is pointed there, not to the deployment-wide secretary role
    bot.say('林律师', '#月报')
    expect((await bot.take())[0]?.text).toContain('如需成为本群组织者，请管理员在本群发送「#设组织者 @林律师」')
  })

  it('reads a command written without # in private chat, where everything is said to the bot', async () => {
    bot = createTestBot()
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    await bot.take()
    expect(bot.say('陈秘书', '月报 2026-10', { room: null })).toBe('handled')
    expect(bot.say('陈秘书', '统计2026-10', { room: null })).toBe('handled')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts.filter(t => t.startsWith('【全部组织·2026年10月活动月报】'))).toHaveLength(2)
    // chatter stays chatter, and in a group the # is still needed
    for (const chatter of ['统计一下大家的意见', '统计 一下人数吧', '活动 几点开始？', '完成2023年度总结了吗', '提醒 我一下', '名单 发我看看', '修改：我刚才说错了', '撤销 吧']) {
      expect(bot.say('陈秘书', chatter, { room: null }), chatter).toBe('chatter')
    }
    expect(bot.say('周会长', '月报')).toBe('chatter')
  })

  it('shows the month examples as last month, whenever it is asked', async () => {
    bot = createTestBot({ start: '2027-01-05T09:00:00+08:00' })
    bot.say('周会长', '#帮助')
    expect((await bot.take())[0]?.text).toContain('#月报 2026-12')
    bot.clock.set(Date.parse('2027-03-10T09:00:00+08:00'))
    bot.say('周会长', '#帮助')
    bot.say('周会长', '#月报 2027-13')
    const [help, refused] = await bot.take()
    expect(help?.text).toContain('#月报 2027-02')
    expect(help?.text).toContain('#台账 2027-02')
    expect(help?.text).not.toContain('{')
    expect(refused?.text).toContain('例如：#月报 2027-02')
  })

  it('answers a greeting in private with #帮助, and near-miss commands with the right one', async () => {
    bot = createTestBot()
    expect(bot.say('外部联系人', '你好', { room: null })).toBe('handled')
    expect(bot.say('外部联系人', '在吗？', { room: null })).toBe('handled')
    expect(bot.say('外部联系人', '你好，请问活动几点开始', { room: null })).toBe('chatter')
    expect(bot.say('林律师', '你好')).toBe('chatter')
    const [hello, again] = await bot.take()
    expect(hello?.text).toContain('新联会活动助手 · 私聊可以用：')
    expect(again?.text).toContain('新联会活动助手 · 私聊可以用：')
    bot.say('林律师', '#取消 1')
    bot.say('周会长', '#结束 1')
    const [cancel, finish] = await bot.take()
    expect(cancel?.text).toContain('取消自己的报名请直接回复「取消报名」')
    expect(cancel?.text).toContain('#取消活动 1 场地冲突')
    expect(finish?.text).toContain('#完成 1 实到 25')
    // words that are names of an object's own properties are just unknown commands
    for (const word of ['#constructor', '#__proto__', '#toString']) {
      bot.say('林律师', word)
      expect((await bot.take()).map(r => r.text), word).toEqual(['没有这个命令。发送「#帮助」查看可用的命令，例如：#近期活动'])
      bot.clock.advance(60_000)
    }
  })

  it('names an activity of another group as such, not as missing', async () => {
    bot = createTestBot()
    const other = { id: 'room2@chatroom', topic: '瓯海新联会', ownerId: 'wxid_周会长' }
    bot.say('周会长', '#启用', { room: other })
    bot.say('周会长', NEW_ACTIVITY, { room: other })
    await bot.take()
    expect(bot.say('林律师', '报名 1')).toBe('refused')
    bot.say('周会长', '#取消活动 9')
    const [elsewhere, missing] = await bot.take()
    expect(elsewhere?.text).toContain('活动 #1 不是本群的活动')
    expect(missing?.text).toContain('没有找到活动 #9')
    expect(missing?.text).toContain('发送「#近期活动」')
    expect(missing?.text).not.toContain('例如：#近期活动')
  })

  it('shows members only what they may use in #帮助', async () => {
    bot = createTestBot()
    bot.say('林律师', '#帮助')
    bot.say('周会长', '#帮助')
    const [member, admin] = await bot.take()
    expect(member?.text).toContain('报名')
    expect(member?.text).not.toContain('#活动')
    expect(admin?.text).toContain('#活动')
    expect(admin?.text).toContain('#启用')
  })

  it('gives member examples the id of an open activity of the room, and says in private that replies go in the group', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：读书会；时间：11月20日 14:00')
    bot.say('周会长', '#取消活动 1')
    bot.say('周会长', '#活动 主题：沙龙；时间：11月21日 14:00')
    await bot.take()
    bot.say('林律师', '#帮助')
    bot.say('林律师', '#帮助', { room: null })
    const [room, inPrivate] = await bot.take()
    expect(room?.text).toContain('：报名 2')
    expect(room?.text).toContain('：签到 2')
    expect(room?.text).not.toContain('{')
    expect(inPrivate?.text).toContain('报名、签到请在活动群里直接回复')
  })

  it('shows multi-line examples as lines, so that typing one as shown works', async () => {
    bot = createTestBot()
    bot.say('周会长', '#帮助')
    const [help] = await bot.take()
    const lines = (help?.text ?? '').split('\n')
    const start = lines.findIndex(l => l.trim() === '#活动')
    expect(start).toBeGreaterThan(0)
    const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '))
    const example = lines.slice(start, end < 0 ? undefined : end).join('\n')
    expect(example).toContain('\n  主题：')
    expect(bot.say('周会长', example)).toBe('handled')
    expect((await bot.take())[0]?.text).toContain('【活动 #1】')
  })

  it('tells someone who replies 报名 in private to reply in the group, without a # they never typed', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '报名', { room: null })).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('「报名」请在活动群里回复')
  })
})

describe('reading messages', () => {
  it('ignores chatter and answers an unknown # command with a pointer to #帮助', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '今天天气不错，周末见')).toBe('chatter')
    expect(bot.say('林律师', '报名的人好多啊')).toBe('chatter')
    expect(bot.say('林律师', '/::)')).toBe('chatter')
    expect(bot.say('林律师', '#不存在的命令')).toBe('handled')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain('#帮助')
  })

  it('accepts full-width ＃, / and the @bot form', async () => {
    bot = createTestBot()
    // a minute apart: the same answer to the group within seconds is said once (below)
    for (const text of ['＃帮助', '/帮助', '##帮助', '@新联小助手 帮助', '@新联小助手\u2005近期活动', '@新联小助手\u2005']) {
      expect(bot.say('林律师', text), text).toBe('handled')
      bot.clock.advance(60_000)
    }
    const replies = await bot.take()
    expect(replies).toHaveLength(6)
    // the bot @mentioned alone: what it can do
    expect(replies[5]?.text).toContain('新联会活动助手 · 你在本群可以用')
    // also by its group nickname, which only the mention list says is the bot
    bot.clock.advance(60_000)
    expect(bot.say('林律师', '@小助手\u2005', { mentions: ['新联小助手'] })).toBe('handled')
    expect((await bot.take())[0]?.text).toContain('新联会活动助手 · 你在本群可以用')
  })

  it('says the same thing to a group once when it is asked again and again within seconds', async () => {
    bot = createTestBot()
    for (let i = 0; i < 30; i++) expect(bot.say(`成员${i}`, '#帮助')).toBe('handled')
    bot.say('林律师', '#近期活动')
    expect((await bot.take()).map(r => r.text.split('\n')[0])).toEqual(['新联会活动助手 · 你在本群可以用：', '本群近期没有活动。组织者可以发送「#活动」发起活动。'])
    // what repeats is the last thing said: a change undone and redone is three changes
    bot.say('周会长', NEW_ACTIVITY)
    for (const place of ['图书馆', '同心荟', '图书馆']) bot.say('周会长', `#修改 1 地点：${place}`)
    expect((await bot.take()).filter(r => r.text.includes('地点：') && r.text.includes('→')).map(r => /地点：(\S+) → (\S+)/.exec(r.text)?.slice(1).join('→')))
      .toEqual(['待定→图书馆', '图书馆→同心荟', '同心荟→图书馆'])
    // later, or in private, it is said again
    bot.clock.advance(10_000)
    bot.say('林律师', '#帮助')
    bot.say('林律师', '#帮助', { room: null })
    bot.say('林律师', '#帮助', { room: null })
    expect(await bot.take()).toHaveLength(3)
  })

  it('handles a duplicate delivery once', async () => {
    bot = createTestBot()
    bot.say('周会长', NEW_ACTIVITY)
    await bot.take()
    expect(bot.say('林律师', '报名', { id: 'same' })).toBe('handled')
    expect(bot.say('林律师', '报名', { id: 'same' })).toBe('duplicate')
    expect(bot.say('周会长', '#帮助', { id: 'h1' })).toBe('handled')
    expect(bot.say('周会长', '#帮助', { id: 'h1' })).toBe('duplicate')
    expect(await bot.take()).toHaveLength(2)
  })

  it('records a refused message as handled, so a redelivery is not answered twice', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', NEW_ACTIVITY, { id: 'r1' })).toBe('refused')
    expect(bot.say('林律师', NEW_ACTIVITY, { id: 'r1' })).toBe('duplicate')
    expect(await bot.take()).toHaveLength(1)
    expect(bot.store.db.select({ n: count() }).from(handledMessages).get()?.n).toBe(1)
  })

  it('answers private messages for the commands that work there', async () => {
    bot = createTestBot()
    expect(bot.say('陈秘书', '#帮助', { room: null })).toBe('handled')
    expect(bot.say('陈秘书', '#活动 主题：x；时间：明天下午3点', { room: null })).toBe('refused')
    const [help, refusal] = await bot.take()
    expect(help?.to).toBe('陈秘书')
    expect(help?.text).toContain('私聊')
    expect(refusal?.text).toContain('请在活动群里发送')
  })
})

describe('rooms across logins', () => {
  it('finds a room again by topic when its id changed, but keeps two live rooms with one topic apart', async () => {
    bot = createTestBot()
    bot.say('周会长', NEW_ACTIVITY)
    await bot.take()
    // a re-login gave the group a new id
    forgetRoomIds(bot.store.db)
    expect(bot.say('林律师', '报名', { room: { ...ROOM, id: 'new-id@chatroom' } })).toBe('handled')
    // another, not enabled group with the same name shows up while the first is live
    expect(bot.say('林律师', '#帮助', { room: { ...ROOM, id: 'other@chatroom' } })).toBe('disabled')
    expect(bot.say('林律师', '#帮助', { room: { ...ROOM, id: 'new-id@chatroom' } })).toBe('handled')
  })

  it('lets a room owner ask for the room’s report in private', async () => {
    bot = createTestBot()
    bot.say('林律师', '#近期活动', { room: { ...ROOM, ownerId: 'wxid_群主' } })
    expect(bot.say('群主', '#月报', { room: null })).toBe('handled')
    const sent = await bot.take()
    // named by the room it covers, text and file alike
    expect(sent.at(-3)?.text).toContain('【鹿城新联会·')
    expect(sent.some(s => /^\[file 鹿城新联会\d{4}年\d+月活动台账\.xlsx\]$/.test(s.text))).toBe(true)
  })
})
