// Member replies on real SQLite: 报名 / +1 / N人 / 代报名 / 取消报名 / -1 / 接龙 / quote-replies /
// 签到 / #完成 / 我的报名 — seats, waitlist and promotion, and every refusal.
import { afterEach, describe, expect, it } from 'vitest'
import { and, asc, eq, ne } from 'drizzle-orm'
import { members, outbox, signups } from '../../src/db/schema.js'
import { activityFigures } from '../../src/report/figures.js'
import { createTestBot, TZ, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

/** Live sign-ups of an activity as `name:status:seats`, in queue order. */
function roster (activityId = 1): string[] {
  return bot.store.db.select({ s: signups, name: members.name }).from(signups)
    .leftJoin(members, eq(members.id, signups.memberId))
    .where(and(eq(signups.activityId, activityId), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.queuedAt), asc(signups.id)).all()
    .map(r => `${r.s.guestName ?? r.name}:${r.s.status}:${1 + r.s.companions}`)
}

function activity (fields = '名额：3', when = '11月7日 14:00-16:00'): void {
  bot.say('周会长', `#活动 主题：沙龙；时间：${when}；${fields}`)
}

describe('报名', () => {
  it('signs up with 报名, +1, 报名 <id> and 报名<id>; companions take seats', async () => {
    bot = createTestBot()
    activity('名额：6')
    bot.say('林律师', '报名')
    bot.say('吴设计师', '+1')
    bot.say('郑主播', '报名 1')
    bot.say('王会计', '报名1 3人')
    expect(roster()).toEqual(['林律师:confirmed:1', '吴设计师:confirmed:1', '郑主播:confirmed:1', '王会计:confirmed:3'])
  })

  it('answers sign-ups within 10 seconds in one message, and later ones separately', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.say('林律师', '报名')
    bot.clock.advance(3000)
    bot.say('吴设计师', '+1')
    const [ack] = await bot.take()
    expect(ack?.text).toContain('报名成功（2人）：林律师、吴设计师')
    expect(ack?.text).toContain('当前已报名2/3人，剩余1个名额')
  })

  it('shows someone who signed up and cancelled within one acknowledgement as cancelled only, and the other way round', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('吴设计师', '报名')
    bot.say('林律师', '取消报名')
    bot.say('赵老师', '报名')
    bot.say('赵老师', '-1')
    bot.say('赵老师', '报名')
    const [ack] = await bot.take()
    expect(ack?.text).toContain('报名成功（2人）：吴设计师、赵老师')
    expect(ack?.text).toContain('已取消报名：林律师')
    expect(ack?.text).not.toContain('已取消报名：林律师、赵老师')
    expect(ack?.text).toContain('当前已报名2/3人')
  })

  it('does not @mention someone who moved up and left within one acknowledgement, nor list them as waiting', async () => {
    bot = createTestBot()
    activity('名额：1')
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('吴设计师', '报名')
    bot.say('赵老师', '报名')
    bot.say('林律师', '取消报名')
    bot.say('吴设计师', '取消报名')
    const [ack] = await bot.take()
    expect(ack?.mentions).toEqual(['赵老师'])
    expect(ack?.text).toContain('已取消报名：林律师、吴设计师')
    expect(ack?.text).toContain('候补转为正式报名：赵老师')
    expect(ack?.text).not.toContain('进入候补')
  })

  it('gives waitlist places as they are when the acknowledgement goes out', async () => {
    bot = createTestBot()
    activity('名额：1')
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('吴设计师', '报名')
    bot.say('赵老师', '报名')
    bot.say('郑主播', '报名')
    bot.say('吴设计师', '取消报名')
    const [ack] = await bot.take()
    expect(ack?.text).toContain('进入候补：赵老师 候补第1位、郑主播 候补第2位')
  })

  it('does not show as waiting someone a larger 名额 moved up before the acknowledgement went out', async () => {
    bot = createTestBot()
    activity('名额：1')
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('吴设计师', '报名')
    bot.say('周会长', '#修改 1 名额：5')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts.join('\n')).toContain('候补转为正式报名：吴设计师')
    expect(texts.join('\n')).not.toContain('候补第1位')
  })

  it('drops an acknowledgement still waiting when the activity is cancelled', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('周会长', '#取消活动 1 场地有变')
    const texts = (await bot.take()).map(r => r.text).join('\n')
    expect(texts).toContain('已取消')
    expect(texts).not.toContain('报名成功')
  })

  it('answers sign-ups that follow each other within 10 seconds together, however long the chain', async () => {
    bot = createTestBot()
    activity('名额：20')
    await bot.take()
    const start = bot.clock.now()
    for (const name of ['林律师', '吴设计师', '郑主播', '王会计']) {
      bot.say(name, '报名')
      bot.clock.advance(8000)
    }
    const acks = bot.store.db.select().from(outbox).where(eq(outbox.kind, 'ack')).all()
    expect(acks).toHaveLength(1)
    // due at least 10 s after the last sign-up (at +24 s; a storm moves it in steps of 2 s), not 10 s after the first
    const due = acks[0]?.nextAttemptAt ?? 0
    expect(due).toBeGreaterThanOrEqual(start + 34_000)
    expect(due).toBeLessThanOrEqual(start + 36_000)
    expect((await bot.take())[0]?.text).toContain('报名成功（4人）')
    // past the window (its message may already be on its way): a new one
    bot.clock.set(due + 1)
    bot.say('赵老师', '报名')
    expect(bot.store.db.select().from(outbox).where(eq(outbox.kind, 'ack')).all()).toHaveLength(2)
  })

  it('heads every part of a long acknowledgement with its activity', async () => {
    bot = createTestBot()
    activity('名额：不限')
    await bot.take()
    for (let i = 0; i < 120; i++) bot.say(`成员${i}号·鹿城区律师事务所`, '报名')
    const parts = await bot.take()
    expect(parts.length).toBeGreaterThan(1)
    expect(parts[0]?.text.startsWith('【活动 #1】沙龙\n报名成功（120人）：')).toBe(true)
    for (const p of parts.slice(1)) expect(p.text.startsWith('（续）【活动 #1】沙龙\n')).toBe(true)
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(1500)
  })

  it('still answers a storm that never pauses, once a minute', async () => {
    bot = createTestBot()
    activity('名额：50')
    const start = bot.clock.now()
    for (let i = 0; i < 40; i++) {
      bot.say(`成员${i}`, '报名')
      bot.clock.advance(5000)
    }
    const acks = bot.store.db.select().from(outbox).where(eq(outbox.kind, 'ack')).all()
    expect(acks.length).toBeGreaterThanOrEqual(3)
    for (const a of acks) expect(a.nextAttemptAt - a.createdAt).toBeLessThanOrEqual(60_000)
    expect(acks[0]?.nextAttemptAt).toBe(start + 60_000)
  })

  it('puts latecomers on the waitlist with their place, in arrival order', async () => {
    bot = createTestBot()
    activity('名额：2')
    bot.say('林律师', '报名 2人')
    bot.say('王会计', '报名')
    bot.say('赵老师', '报名')
    expect(roster()).toEqual(['林律师:confirmed:2', '王会计:waitlisted:1', '赵老师:waitlisted:1'])
    const texts = (await bot.take()).map(r => r.text).join('\n')
    expect(texts).toContain('王会计 候补第1位')
    expect(texts).toContain('赵老师 候补第2位')
  })

  it('does not keep someone waiting behind a party too big for the seats left, and the party keeps its place', async () => {
    bot = createTestBot()
    activity('名额：3')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名 3人')
    bot.say('赵老师', '报名')
    expect(roster()).toEqual(['林律师:confirmed:1', '王会计:waitlisted:3', '赵老师:confirmed:1'])
    const texts = (await bot.take()).map(r => r.text).join('\n')
    // seats are left, so the acknowledgement says why the party waits
    expect(texts).toContain('王会计(共3人) 候补第1位（剩余名额不够3人）')
    expect(texts).not.toContain('赵老师 候补')
    // 郑主播 takes the last seat; one seat freed later is still not enough for the party, which keeps its place
    bot.say('郑主播', '报名')
    bot.say('赵老师', '取消报名')
    expect(roster()).toEqual(['林律师:confirmed:1', '王会计:waitlisted:3', '郑主播:confirmed:1'])
    // once three seats are free, the party moves up first
    bot.say('林律师', '取消报名')
    bot.say('郑主播', '取消报名')
    expect(roster()).toEqual(['王会计:confirmed:3'])
  })

  it('takes a lone +1 or -1 with nothing to act on for chat, and stays quiet', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '+1')).toBe('handled')
    expect(bot.say('林律师', '-1')).toBe('handled')
    expect(await bot.take()).toEqual([])
    bot.say('林律师', '报名')
    expect((await bot.take()).at(-1)?.text).toContain('现在没有正在报名的活动')
    activity()
    await bot.take()
    expect(bot.say('郑主播', '-1')).toBe('handled')
    expect(await bot.take()).toEqual([])
    bot.say('郑主播', '取消报名')
    expect((await bot.take()).at(-1)?.text).toContain('你现在没有可以取消的报名')
  })

  it('counts the waitlist in people, in the chat as in the report', async () => {
    bot = createTestBot()
    activity('名额：3')
    bot.say('林律师', '报名 3人')
    bot.say('王会计', '报名 2人')
    bot.say('赵老师', '报名')
    const ack = (await bot.take()).map(r => r.text).join('\n')
    expect(ack).toContain('候补3人')
    bot.say('林律师', '#近期活动')
    expect((await bot.take()).at(-1)?.text).toContain('候补3人')
    bot.say('林律师', '#名单 1')
    expect((await bot.take()).at(-1)?.text).toContain('候补 3人：')
    expect(activityFigures(bot.store.db, 1, TZ)?.waitlist).toBe(3)
  })

  it('changes nothing when someone signs up twice, and says so', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    bot.say('林律师', '+1')
    bot.say('林律师', '报名 1')
    expect(roster()).toEqual(['林律师:confirmed:1'])
    const ack = (await bot.take()).at(-1)?.text
    expect(ack).toContain('已经报过名，无需重复：林律师')
    expect(ack).not.toContain('林律师、林律师')
  })

  it('keeps a party as it is when its member signs up again without a number', async () => {
    bot = createTestBot()
    activity('名额：4')
    bot.say('林律师', '报名 3人')
    bot.say('郑主播', '报名 2人')
    bot.say('林律师', '+1')
    bot.say('林律师', '报名')
    bot.say('林律师', '报名！')
    expect(roster()).toEqual(['林律师:confirmed:3', '郑主播:waitlisted:2'])
    bot.say('林律师', '报名 1人')
    expect(roster()).toEqual(['林律师:confirmed:1', '郑主播:confirmed:2'])
  })

  it('reads prefixed replies and 接龙 written with full-width digits and punctuation', async () => {
    bot = createTestBot()
    activity('名额：10')
    expect(bot.say('林律师', '#报名 ２人')).toBe('handled')
    expect(bot.say('郑主播', '＃报名　１')).toBe('handled')
    expect(bot.say('吴设计师', '#代报名 １ 王五')).toBe('handled')
    expect(bot.say('王会计', '＃接龙\n＃１ 沙龙\n１．王会计\n２．赵老师')).toBe('handled')
    expect(roster()).toEqual(['林律师:confirmed:2', '郑主播:confirmed:1', '王五:confirmed:1', '王会计:confirmed:1', '赵老师:confirmed:1'])
    expect(bot.say('郑主播', '#取消报名 １')).toBe('handled')
    expect(roster()).not.toContain('郑主播:confirmed:1')
  })

  it('resizes a party when seats allow, and refuses a party larger than the room', async () => {
    bot = createTestBot()
    activity('名额：4')
    bot.say('林律师', '报名')
    bot.say('林律师', '报名 3人')
    expect(roster()).toEqual(['林律师:confirmed:3'])
    expect(bot.say('林律师', '报名 5人')).toBe('refused')
    expect(bot.say('郑主播', '报名 25人')).toBe('refused')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts).toContain('活动 #1 你已报名3人，现在只剩1个名额，最多可改为4人\n例如：报名 1 4人')
    expect(texts.some(t => t.includes('一次最多报名20人'))).toBe(true)
    expect(roster()).toEqual(['林律师:confirmed:3'])
    // full: nothing to suggest, the party stays
    bot.say('王会计', '报名')
    expect(bot.say('林律师', '报名 4人')).toBe('refused')
    expect((await bot.take()).at(-1)?.text).toContain('活动 #1 名额已满，你的报名保持3人不变；如还要多带人，请联系组织者')
    expect(roster()).toEqual(['林律师:confirmed:3', '王会计:confirmed:1'])
  })

  it('acknowledges a party resized again and again within one window by its last size', async () => {
    bot = createTestBot()
    activity('名额：10')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名 2人')
    for (const n of [2, 3, 4, 2]) bot.say('林律师', `报名 ${n}人`)
    const first = (await bot.take()).at(-1)?.text
    expect(first).toContain('报名成功（4人）：林律师(共2人)、王会计(共2人)')
    expect(first?.match(/林律师/g)).toHaveLength(1)
    bot.clock.advance(60_000)
    for (const n of [3, 5, 4]) bot.say('王会计', `报名 ${n}人`)
    const later = (await bot.take()).at(-1)?.text
    expect(later).toContain('已修改人数：王会计(改为4人)')
    expect(later?.match(/王会计/g)).toHaveLength(1)
  })

  it('answers a storm of the same refused reply once, @mentioning everyone it answers', async () => {
    bot = createTestBot()
    activity('截止：11月5日 18:00')
    await bot.take()
    bot.clock.set(Date.parse('2026-11-05T19:00:00+08:00'))
    const late = ['林律师', '王会计', '赵老师', '郑主播', '吴设计师']
    for (const name of late) expect(bot.say(name, '报名')).toBe('refused')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain('报名已截止')
    expect(replies[0]?.mentions).toEqual(late)
    // a prefixed command is answered on its own, at once
    expect(bot.say('林律师', '#报名 1')).toBe('refused')
    expect(await bot.take()).toHaveLength(1)
  })

  it('lists the open activities when there are several and no id, changing nothing', async () => {
    bot = createTestBot()
    activity()
    activity('名额：3', '11月14日 09:00')
    await bot.take()
    expect(bot.say('赵老师', '报名')).toBe('refused')
    const [reply] = await bot.take()
    expect(reply?.text).toContain('#1')
    expect(reply?.text).toContain('#2')
    expect(reply?.text).toContain('例如：报名 1')
    expect(roster(1)).toEqual([])
    expect(roster(2)).toEqual([])
  })

  it('refuses after the deadline, for cancelled and completed activities, and when there is none', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '报名')).toBe('refused')
    activity('截止：11月5日 18:00')
    bot.clock.set(Date.parse('2026-11-05T18:00:00+08:00'))
    expect(bot.say('林律师', '报名 1')).toBe('refused')
    expect(bot.say('林律师', '报名')).toBe('refused')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts[0]).toContain('现在没有正在报名的活动')
    expect(texts[2]).toContain('报名已截止')
    // without an id, the reply still says which activity closed and when
    expect(texts[3]).toContain('活动 #1「沙龙」报名已截止（截止时间：11月5日(周四) 18:00）')
    expect(roster()).toEqual([])
  })
})

describe('代报名', () => {
  it('signs up room members by name and everyone else as guests of the sender', async () => {
    bot = createTestBot()
    activity('名额：10')
    await bot.take()
    bot.say('林律师', '报名')
    bot.say('黄医生', '代报名 1 刘护士 孙护士、林律师')
    expect(roster()).toEqual(['林律师:confirmed:1', '刘护士:confirmed:1', '孙护士:confirmed:1'])
    const ack = (await bot.take()).at(-1)?.text
    expect(ack).toContain('刘护士(黄医生代报)')
    expect(ack).toContain('已经报过名，无需重复：林律师')
  })

  it('takes 代报名 run straight into a word as a sign-up only when a member has that name', async () => {
    bot = createTestBot()
    activity()
    bot.say('赵老师', '报名')
    bot.say('赵老师', '取消报名')
    await bot.take()
    expect(bot.say('林律师', '代报名赵老师')).toBe('handled')
    bot.say('王会计', '代报名谢谢')
    bot.say('王会计', '代报名怎么弄')
    expect(roster()).toEqual(['赵老师:confirmed:1'])
    const texts = (await bot.take()).map(r => r.text).join('\n')
    expect(texts).not.toContain('谢谢')
  })

  it('takes a Latin name in any case as the same person: the member Lily for lily, one guest for Tom and tom', async () => {
    bot = createTestBot()
    activity('名额：10')
    bot.say('Lily', '报名')
    bot.say('Lily', '取消报名')
    bot.say('黄医生', '代报名 lily Tom')
    bot.say('王会计', '代报名 TOM')
    bot.say('王会计', '#接龙\n1. 王会计\n2. LILY\n3. tom\n4. Amy\n5. AMY')
    expect(roster()).toEqual(['Lily:confirmed:1', 'Tom:confirmed:1', '王会计:confirmed:1', 'Amy:confirmed:1'])
  })

  it('needs names, at most 20', async () => {
    bot = createTestBot()
    activity()
    expect(bot.say('黄医生', '代报名')).toBe('refused')
    expect(bot.say('黄医生', `代报名 ${Array.from({ length: 21 }, (_, i) => `客人${i}`).join(' ')}`)).toBe('refused')
    expect(roster()).toEqual([])
  })
})

describe('取消报名', () => {
  it('cancels one’s own sign-up with companions and guests, and promotes the waitlist with an @mention', async () => {
    bot = createTestBot()
    activity('名额：3')
    bot.say('黄医生', '报名')
    bot.say('黄医生', '代报名 刘护士')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名 2人')
    bot.say('赵老师', '报名')
    await bot.take()
    bot.clock.advance(60_000)
    bot.say('黄医生', '取消报名')
    expect(roster()).toEqual(['林律师:confirmed:1', '王会计:confirmed:2', '赵老师:waitlisted:1'])
    const [ack] = await bot.take()
    expect(ack?.text).toContain('已取消报名：黄医生、刘护士')
    // moved up after the reminders may have gone out: told when (and where, when there is a place)
    expect(ack?.text).toContain('候补转为正式报名：王会计(共2人)，请准时参加（11月7日(周六) 14:00）')
    expect(ack?.mentions).toEqual(['王会计'])
  })

  it('accepts -1, and says so when 取消报名 has nothing to cancel', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '+1')
    bot.say('林律师', '-1')
    expect(roster()).toEqual([])
    expect(bot.say('林律师', '取消报名')).toBe('refused')
    expect((await bot.take()).at(-1)?.text).toContain('没有可以取消的报名')
  })

  it('refuses once the activity has started', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    bot.clock.set(Date.parse('2026-11-07T14:05:00+08:00'))
    expect(bot.say('林律师', '取消报名 1')).toBe('refused')
    expect(roster()).toEqual(['林律师:confirmed:1'])
  })
})

describe('#接龙', () => {
  const header = '#接龙\n#1 沙龙\n\n'

  it('signs up new names, members by name and others as guests, ignoring what is already there', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('郑主播', `${header}1. 郑主播`)
    bot.say('黄医生', `${header}1. 郑主播\n2. 黄医生\n3. 黄医生家属`)
    bot.say('王会计', `${header}1. 郑主播\n2、黄医生\n3 黄医生家属\n4. 王会计 鹿城会计所`)
    expect(roster()).toEqual(['郑主播:confirmed:1', '黄医生:confirmed:1', '黄医生家属:confirmed:1', '王会计:confirmed:1'])
  })

  it('cancels the sender when their own line is gone; other removals are ignored', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('郑主播', `${header}1. 郑主播\n2. 林律师`)
    bot.say('郑主播', `${header}1. 林律师`)
    bot.say('王会计', `${header}1. 王会计`)
    expect(roster()).toEqual(['林律师:confirmed:1', '王会计:confirmed:1'])
  })

  it('finds the activity by its title, or the only open one; asks when it cannot tell', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('林律师', '#接龙\n1. 林律师')
    bot.say('周会长', '#活动 主题：同心大讲堂：民营经济促进法解读；时间：11月28日 14:30')
    bot.say('王会计', '#接龙\n同心大讲堂\n例：姓名+单位\n1. 王会计 会计所')
    expect(roster(1)).toEqual(['林律师:confirmed:1'])
    expect(roster(2)).toEqual(['王会计:confirmed:1'])
    expect(bot.say('赵老师', '#接龙\n1. 赵老师')).toBe('refused')
    const refusal = (await bot.take()).at(-1)?.text
    expect(refusal).toContain('这个接龙是哪个活动的')
    // its example names an activity of this room, so a copy of it works
    expect(refusal).toContain('例如：#接龙\n#1 沙龙\n')
  })

  it('takes the title a header names best: the exact one, else the longest it contains', () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：同心大讲堂；时间：11月28日 14:30')
    bot.say('周会长', '#活动 主题：同心大讲堂（第二期）；时间：12月5日 14:30')
    bot.say('林律师', '#接龙\n同心大讲堂（第二期）报名\n例 张三\n\n1. 林律师')
    bot.say('王会计', '#接龙\n同心大讲堂第二期\n1. 王会计')
    bot.say('赵老师', '#接龙\n同心大讲堂\n1. 赵老师')
    expect(roster(1)).toEqual(['赵老师:confirmed:1'])
    expect(roster(2)).toEqual(['林律师:confirmed:1', '王会计:confirmed:1'])
  })

  it('does not cancel someone who starts a list without their own line, nor re-sign who left by a stale copy', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('周会长', '报名')
    // the organizer starts a list for others: their own 报名 stands
    bot.say('周会长', `${header}1. 郑主播`)
    bot.say('林律师', `${header}1. 郑主播\n2. 林律师`)
    bot.say('林律师', '取消报名')
    // a copy made before 林律师 left still has the line: they stay out
    bot.say('王会计', `${header}1. 郑主播\n2. 林律师\n3. 王会计`)
    expect(roster()).toEqual(['周会长:confirmed:1', '郑主播:confirmed:1', '王会计:confirmed:1'])
    // but they may put themselves back
    bot.say('林律师', `${header}1. 郑主播\n2. 林律师\n3. 王会计`)
    expect(roster()).toEqual(['周会长:confirmed:1', '郑主播:confirmed:1', '王会计:confirmed:1', '林律师:confirmed:1'])
  })

  it('does not re-sign someone who took their own line away when an older copy is posted later', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('郑主播', `${header}1. 郑主播`)
    bot.say('林律师', `${header}1. 郑主播\n2. 林律师`)
    bot.say('王会计', `${header}1. 郑主播\n2. 林律师\n3. 王会计`)
    // 林律师 leaves by taking their line away …
    bot.say('林律师', `${header}1. 郑主播\n2. 王会计`)
    expect(roster()).toEqual(['郑主播:confirmed:1', '王会计:confirmed:1'])
    // … and a copy from before that, two lists old, does not bring them back
    bot.say('赵老师', `${header}1. 郑主播\n2. 林律师\n3. 赵老师`)
    expect(roster()).toEqual(['郑主播:confirmed:1', '王会计:confirmed:1', '赵老师:confirmed:1'])
  })

  it('does not cancel someone whose line was lost in another branch of a forked list', async () => {
    bot = createTestBot()
    activity('名额：20')
    bot.say('郑主播', `${header}1. 郑主播`)
    // two copies of the same list at once: the list forks
    bot.say('林律师', `${header}1. 郑主播\n2. 林律师`)
    bot.say('王会计', `${header}1. 郑主播\n2. 王会计`)
    bot.say('赵老师', `${header}1. 郑主播\n2. 林律师\n3. 赵老师`)
    // 王会计 copies the other branch to add a guest: their own line is not there, and they stay
    bot.say('王会计', `${header}1. 郑主播\n2. 林律师\n3. 赵老师\n4. 王会计的朋友`)
    expect(roster()).toEqual(['郑主播:confirmed:1', '林律师:confirmed:1', '王会计:confirmed:1', '赵老师:confirmed:1', '王会计的朋友:confirmed:1'])
  })

  it('refuses a list whose header names an activity closed for sign-up, instead of moving it to another', async () => {
    bot = createTestBot()
    activity('名额：20；截止：11月3日 18:00')
    bot.say('周会长', '#活动 主题：公益助学；时间：11月28日 14:30')
    bot.clock.set(Date.parse('2026-11-04T09:00:00+08:00'))
    await bot.take()
    expect(bot.say('林律师', '#接龙\n沙龙\n1. 林律师')).toBe('refused')
    expect((await bot.take()).at(-1)?.text).toContain('报名已截止')
    expect(roster(1)).toEqual([])
    expect(roster(2)).toEqual([])
  })

  it('refuses a list without names, and one that is too long', () => {
    bot = createTestBot()
    activity()
    expect(bot.say('林律师', '#接龙\n#1 沙龙')).toBe('refused')
    expect(bot.say('林律师', '#接龙 #1\n1. \n2. ')).toBe('refused')
    expect(bot.say('林律师', `#接龙\n#1\n${Array.from({ length: 501 }, (_, i) => `${i + 1}. 人${i}`).join('\n')}`)).toBe('refused')
    expect(roster()).toEqual([])
  })

  it('takes at most 100 new guests from one list: the members and the first 100, the rest with the next copy', async () => {
    bot = createTestBot()
    activity()
    const guests = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `${i + 2}. 来宾${from + i}`).join('\n')
    expect(bot.say('黄医生', `${header}1. 黄医生\n${guests(1, 103)}`)).toBe('handled')
    const replies = (await bot.take()).map(r => r.text).join('\n')
    expect(replies).toContain('这份接龙新加的群外来宾有103位，一次最多登记100位：其余3位（来宾101、来宾102、来宾103）这次没有登记，请再发一次接龙')
    expect(roster()).toHaveLength(101)
    expect(roster()).toContain('黄医生:confirmed:1')
    // the next copy signs up the ones left over, and one more guest: only new names count
    expect(bot.say('林律师', `${header}1. 黄医生\n${guests(1, 104)}\n106. 林律师`)).toBe('handled')
    expect(roster()).toHaveLength(106)
    expect((await bot.take()).map(r => r.text).join('\n')).not.toContain('没有登记')
    // guests already signed up by 代报名 are not new either
    bot.say('王会计', `代报名 1 ${Array.from({ length: 20 }, (_, i) => `客人${i}`).join(' ')}`)
    expect(bot.say('王会计', `${header}${Array.from({ length: 25 }, (_, i) => `${i + 1}. 客人${i}`).join('\n')}`)).toBe('handled')
    expect(roster()).toHaveLength(106 + 25)
  })

  it('refuses a count that is not a whole number of people, with an example', async () => {
    bot = createTestBot()
    activity()
    expect(bot.say('林律师', '报名 2.5人')).toBe('refused')
    expect(bot.say('王会计', '报名 -2人')).toBe('refused')
    expect(roster()).toEqual([])
    const texts = (await bot.take()).map(r => r.text).join('\n')
    expect(texts).toContain('人数要写成1以上的整数')
    expect(texts).toContain('例如：报名 3人')
  })

  it('does not lose the first name of a list copied from its second line', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', `${header}2. 林律师\n3. 郑主播\n4. 来宾甲`)
    expect(roster()).toEqual(['林律师:confirmed:1', '郑主播:confirmed:1', '来宾甲:confirmed:1'])
  })
})

describe('quote-replies', () => {
  const quote = (body: string): string => `「新联小助手：【活动 #2】同心大讲堂：民营经济促进法解读」\n- - - - - - - - - - - - - - -\n${body}`

  it('apply 报名, 取消报名 and 签到 to the quoted card', () => {
    bot = createTestBot()
    activity()
    activity('名额：3', '11月14日 09:00')
    bot.say('赵老师', quote('报名'))
    expect(roster(2)).toEqual(['赵老师:confirmed:1'])
    bot.say('赵老师', quote('取消报名'))
    expect(roster(2)).toEqual([])
    bot.say('赵老师', quote('报名'))
    bot.clock.set(Date.parse('2026-11-14T08:30:00+08:00'))
    expect(bot.say('赵老师', quote('签到'))).toBe('handled')
    expect(activityFigures(bot.store.db, 2, TZ)?.checkins).toBe(1)
  })

  it('ignores a quote with chatter under it', () => {
    bot = createTestBot()
    activity()
    expect(bot.say('赵老师', quote('这个活动好'))).toBe('chatter')
  })
})

describe('签到 and #完成', () => {
  it('opens check-in 1 hour before the start and closes it at the end, saying when', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    await bot.take()
    bot.clock.set(Date.parse('2026-11-07T12:30:00+08:00'))
    expect(bot.say('林律师', '签到 1')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('签到时间：11月7日(周六) 13:00–16:00')
    bot.clock.set(Date.parse('2026-11-07T13:05:00+08:00'))
    expect(bot.say('林律师', '签到')).toBe('handled')
    expect(bot.say('郑主播', '签到')).toBe('handled')
    const ack = (await bot.take()).map(r => r.text).join('\n')
    expect(ack).toContain('签到成功：林律师')
    expect(ack).toContain('现场签到（未报名）：郑主播')
    // the end itself is still “until the end”
    bot.clock.set(Date.parse('2026-11-07T16:00:00+08:00'))
    expect(bot.say('王会计', '签到 1')).toBe('handled')
    bot.clock.set(Date.parse('2026-11-07T16:00:01+08:00'))
    expect(bot.say('黄医生', '签到 1')).toBe('refused')
  })

  it('says why an id-less 签到 finds nothing: when the next opens, or that the activity is already completed', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.clock.set(Date.parse('2026-11-07T12:50:00+08:00'))
    expect(bot.say('林律师', '签到')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('还没到签到时间：活动 #1「沙龙」的签到时间是 11月7日(周六) 13:00–16:00，到时回复「签到」即可')
    bot.clock.set(Date.parse('2026-11-07T14:30:00+08:00'))
    bot.say('周会长', '#完成 1')
    await bot.take()
    expect(bot.say('王会计', '签到')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('活动 #1 已经结束并完成统计，不能再签到。如需补记到场人数，请组织者发送「#完成 1 实到 人数」更正')
    // the afternoon's session opening soon is what an early 签到 is for, though the morning's is completed
    activity('名额：3', '11月7日 17:00-18:00')
    await bot.take()
    expect(bot.say('赵老师', '签到')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('还没到签到时间：活动 #2「沙龙」的签到时间是 11月7日(周六) 16:00–18:00')
  })

  it('completes only after the start; attendance is the number of check-ins when there are any (companions did not check in)', async () => {
    bot = createTestBot()
    activity('名额：10')
    bot.say('林律师', '报名 3人')
    bot.say('王会计', '报名')
    expect(bot.say('周会长', '#完成 1')).toBe('refused')
    bot.clock.set(Date.parse('2026-11-07T14:10:00+08:00'))
    bot.say('林律师', '签到')
    bot.say('郑主播', '签到')
    await bot.take()
    bot.clock.set(Date.parse('2026-11-07T16:10:00+08:00'))
    expect(bot.say('周会长', '#完成 1')).toBe('handled')
    const figures = activityFigures(bot.store.db, 1, TZ)
    expect(figures?.attendance).toBe(2)
    expect(figures?.participants.sort()).toEqual(['林律师', '郑主播'].sort())
    const done = (await bot.take()).at(-1)?.text
    expect(done).toContain('签到2人，实到2人次')
    // 林律师's two companions did not check in: the organizer is told, with the correction to send
    expect(done).toContain('（签到只算本人：签到的人另带或代报的2人没有签到记录，没有计入；如也到场，请发送「#完成 1 实到 4」更正）')
    expect(bot.say('周会长', '#完成 1')).toBe('refused')
    expect((await bot.take()).at(-1)?.text).toContain('例如：#完成 1 实到 30')
    // a correction: only what it gives changes, the completion stands
    expect(bot.say('周会长', '#完成 1 实到四人')).toBe('handled')
    expect((await bot.take()).at(-1)?.text).toContain('已更正')
    expect(bot.say('周会长', '#完成 1 备注 会后合影')).toBe('handled')
    expect(activityFigures(bot.store.db, 1, TZ)).toMatchObject({ status: 'completed', attendance: 4, note: '会后合影' })
    expect(bot.say('林律师', '#完成 1 实到 40')).toBe('refused')
    expect(activityFigures(bot.store.db, 1, TZ)?.attendance).toBe(4)
  })

  it('does not point out a guest who checked in as the member of that name', async () => {
    bot = createTestBot()
    activity('名额：10')
    bot.say('林律师', '报名')
    bot.say('林律师', '代报名 1 孙七')
    bot.say('孙七', '报名 1')
    bot.clock.set(Date.parse('2026-11-07T14:10:00+08:00'))
    bot.say('林律师', '签到')
    bot.say('孙七', '签到')
    bot.clock.set(Date.parse('2026-11-07T16:10:00+08:00'))
    bot.say('周会长', '#完成 1')
    expect((await bot.take()).at(-1)?.text).not.toContain('签到只算本人')
  })

  it('without check-ins counts the confirmed sign-ups, and 实到 N overrides', async () => {
    bot = createTestBot()
    activity('名额：10')
    bot.say('林律师', '报名')
    bot.say('黄医生', '代报名 刘护士 孙护士')
    activity('名额：10', '11月8日 09:00')
    bot.say('林律师', '报名 2')
    bot.clock.set(Date.parse('2026-11-08T12:00:00+08:00'))
    bot.say('周会长', '#完成 1')
    bot.say('周会长', '#完成 2 实到 6 备注 接待群众法律咨询23人次')
    expect(activityFigures(bot.store.db, 1, TZ)).toMatchObject({ attendance: 3, participants: ['林律师', '刘护士', '孙护士'] })
    expect(activityFigures(bot.store.db, 2, TZ)).toMatchObject({ attendance: 6, note: '接待群众法律咨询23人次' })
  })
})

describe('我的报名', () => {
  it('lists one’s upcoming sign-ups with the waitlist place', async () => {
    bot = createTestBot()
    activity('名额：1')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名')
    await bot.take()
    bot.say('王会计', '我的报名')
    expect((await bot.take())[0]?.text).toContain('候补第1位')
    bot.say('王会计', '我的报名', { room: null })
    expect((await bot.take())[0]?.text).toContain('#1')
  })

  it('in a group with nothing there, says so of this group and points to private chat for the others', async () => {
    bot = createTestBot()
    const other = { id: 'room2@chatroom', topic: '瓯海新联会', ownerId: 'wxid_周会长' }
    bot.say('周会长', '#启用', { room: other })
    bot.say('周会长', '#活动 主题：读书会；时间：11月20日 14:00', { room: other })
    bot.say('王会计', '报名', { room: other })
    await bot.take()
    bot.say('王会计', '我的报名')
    bot.say('林律师', '我的报名')
    const [mine, none] = await bot.take()
    expect(mine?.text).toContain('王会计，你在本群目前没有待参加的活动报名（在其他群有1个，私聊我发送「我的报名」可以查看全部）')
    expect(none?.text).toContain('林律师，你目前没有待参加的活动报名')
  })
})
