// #活动 with a notice as it was written, a quoted notice or 接龙, and a 接龙 whose header is a new activity: what is
// created, what is asked, and that a refusal changes nothing.
import { asc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { activities, signups } from '../../src/db/schema.js'
import { at, createTestBot, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

const rows = () => bot.store.db.select().from(activities).orderBy(asc(activities.id)).all()
const signupCount = () => bot.store.db.select().from(signups).all().length
const quote = (author: string, text: string, body: string): string => `「${author}：${text}」\n- - - - - - - - - - - - - - -\n${body}`

const NOTICE = `关于举办“数字经济下的合规经营”主题沙龙的通知
各位会员：
一、活动时间：2026年12月12日（星期六）下午14:30—16:30
二、活动地点：望江区新阶层人士之家二楼多功能厅
三、参加对象：律师、会计师分会会员
四、名额：30人，额满即止
五、报名方式：请于12月9日前向秘书处报名
望江区新联会
2026年12月3日`

describe('#活动 with a notice as it was written', () => {
  it('creates the activity and shows on the card what was read, with how to correct it', async () => {
    bot = createTestBot({ start: '2026-12-03T10:15:00+08:00' })
    expect(bot.say('周会长', `#活动\n${NOTICE}`)).toBe('handled')
    const [a] = rows()
    expect([a?.title, a?.startAt, a?.endAt, a?.location, a?.capacity, a?.deadlineAt]).toEqual([
      '“数字经济下的合规经营”主题沙龙', at('2026-12-12T14:30:00+08:00'), at('2026-12-12T16:30:00+08:00'),
      '望江区新阶层人士之家二楼多功能厅', 30, at('2026-12-09T23:59:59+08:00'),
    ])
    expect(a?.description).toContain('参加对象：律师、会计师分会会员')
    const [card] = await bot.take()
    expect(card?.text).toContain('【活动 #1】“数字经济下的合规经营”主题沙龙')
    expect(card?.text).toContain('时间：12月12日(周六) 14:30–16:30')
    expect(card?.text).toContain('名额：30人')
    expect(card?.text).toContain('报名截止：12月9日(周三) 23:59')
    expect(card?.text).toContain('#修改 1 时间：12月12日 14:30')
  })

  it.each([
    ['no time at all', '同心荟读书会第二季招募书友\n本季共读书目：《置身事内》\n招募人数：30人', '没有从通知里读到活动的开始时间', '主题：同心荟读书会第二季招募书友'],
    ['two dates', '八月底茶话会\n时间：12月26日或27日下午3点\n地点：同心荟客厅', '不止一个日期', '主题：八月底茶话会'],
    ['另行通知', '关于举办座谈会的通知\n地点：南塘区工人文化宫\n时间另行通知', '另行通知', '主题：座谈会'],
    ['a date without a clock', '会员之家开放日\n时间：12月20日（周日）\n地点：会员之家', '没有写几点开始', '主题：会员之家开放日'],
    ['only a link', 'https://mp.weixin.qq.com/s/AbCdEf', '链接', '主题：'],
    ['emoji-only lines', '🎉🎉🎉\n✨✨✨', '没有创建活动', '主题：'],
    ['a heading with no value', '冬至包饺子\n一、活动时间\n二、活动地点\n同心荟', '没有从通知里读到活动的开始时间', '主题：冬至包饺子'],
    ['ten thousand characters', `读书会\n${'欢迎参加，内容丰富。'.repeat(1000)}`, '没有创建活动', '主题：读书会'],
  ])('%s: one reply that asks for the time with the notice’s own title, nothing created', async (_, notice, problem, example) => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    expect(bot.say('周会长', `#活动\n${notice}`)).toBe('refused')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain(problem)
    expect(replies[0]?.text).toMatch(/例如：#活动\n主题：.+\n时间：\d+月\d+日 14:30/)
    expect(replies[0]?.text).toContain(example)
    expect(rows()).toHaveLength(0)
  })

  it('keeps the field form exactly as it was, refusals included', async () => {
    bot = createTestBot()
    expect(bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；颜色：红')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('不认识的字段「颜色」')
    expect(bot.say('周会长', '#活动\n主题：沙龙\n时间：11月20日 14:00\n名额：很多')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('「名额」要写一个1到')
    expect(bot.say('周会长', '#活动\n主题：沙龙\n时间：11月20日 14:00\n名额：限30人，先报先得')).toBe('handled')
    expect(rows().map(a => [a.title, a.capacity])).toEqual([['沙龙', 30]])
  })

  it('stores a long description whole and shortens it on the card', async () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    const long = '本次活动邀请资深专家分享经验，内容丰富。'.repeat(20)
    bot.say('周会长', `#活动\n同心大讲堂\n时间：12月26日（周六）14:30\n地点：报告厅\n活动介绍：${long}`)
    expect([...(rows()[0]?.description ?? '')].length).toBeGreaterThan(300)
    const [card] = await bot.take()
    expect(card?.text).toContain('已全部保存')
    expect(card?.text.length).toBeLessThan(900)
  })

  it('#修改 understands the notice’s field names', async () => {
    bot = createTestBot({ start: '2026-12-03T10:15:00+08:00' })
    bot.say('周会长', `#活动\n${NOTICE}`)
    expect(bot.say('周会长', '#修改 1 会议地点：同心荟客厅\n人数：限40人，先报先得')).toBe('handled')
    const a = rows()[0]
    expect([a?.location, a?.capacity]).toEqual(['同心荟客厅', 40])
  })
})

describe('quote-reply #活动', () => {
  it('reads the quoted message as a notice', () => {
    bot = createTestBot({ start: '2026-12-03T10:15:00+08:00' })
    expect(bot.say('周会长', quote('林秘书', NOTICE, '#活动'))).toBe('handled')
    expect(rows().map(a => [a.title, a.startAt])).toEqual([['“数字经济下的合规经营”主题沙龙', at('2026-12-12T14:30:00+08:00')]])
  })

  it('creates the activity of a quoted 接龙 and signs up its names', () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    const list = '#接龙\n同心读书会 12月12日下午2点 同心荟\n\n1. 小李\n2. 王五 带娃\n3. 赵六'
    expect(bot.say('周会长', quote('小李', list, '#活动'))).toBe('handled')
    const [a] = rows()
    expect([a?.title, a?.startAt, a?.location]).toEqual(['同心读书会', at('2026-12-12T14:00:00+08:00'), '同心荟'])
    expect(signupCount()).toBe(3)
  })

  it('asks, and changes nothing, when the quoted message has no time', async () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    expect(bot.say('周会长', quote('小李', '大家周末有空一起喝茶吗', '#活动'))).toBe('refused')
    expect(await bot.take()).toHaveLength(1)
    expect(rows()).toHaveLength(0)
  })
})

describe('#接龙 whose header is a new activity', () => {
  const LIST = '#接龙\n同心读书会 12月12日下午2点 同心荟\n\n1. 周会长\n2. 王五'

  it('from an organizer: creates the activity from the header and signs up the names', async () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    expect(bot.say('周会长', LIST)).toBe('handled')
    expect(rows().map(a => [a.title, a.startAt])).toEqual([['同心读书会', at('2026-12-12T14:00:00+08:00')]])
    expect(signupCount()).toBe(2)
    // a repost with one more name signs up that name only, for the same activity
    bot.say('周会长', `${LIST}\n3. 赵六`)
    expect(rows()).toHaveLength(1)
    expect(signupCount()).toBe(3)
  })

  it('from a member: one reply saying it was not recorded, however often it is reposted', async () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    bot.say('小李', '#接龙\n同心读书会 12月12日下午2点 同心荟\n\n1. 小李')
    bot.say('王五', '#接龙\n同心读书会 12月12日下午2点 同心荟\n\n1. 小李\n2. 王五')
    bot.say('赵六', '#接龙\n同心读书会 12月12日下午2点 同心荟\n\n1. 小李\n2. 王五\n3. 赵六')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain('没有登记')
    expect(replies[0]?.text).toContain('#活动')
    expect(rows()).toHaveLength(0)
    expect(signupCount()).toBe(0)
  })

  it('names the room’s activity at the same time instead of creating another', () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    bot.say('周会长', '#活动\n主题：读书分享会\n时间：12月12日 14:00')
    bot.say('周会长', '#接龙\n同心读书会 12月12日下午2点\n\n1. 王五')
    expect(rows()).toHaveLength(1)
    expect(bot.store.db.select().from(signups).where(eq(signups.activityId, 1)).all()).toHaveLength(1)
  })

  it('a header with a time but no names: one clear reply, nothing created', async () => {
    bot = createTestBot({ start: '2026-12-07T09:00:00+08:00' })
    expect(bot.say('周会长', '#接龙\n同心读书会 12月12日下午2点 同心荟')).toBe('refused')
    expect(await bot.take()).toHaveLength(1)
    expect(rows()).toHaveLength(0)
  })
})
