// Replies as members write them, decided with the database: intent words need one open activity, a bare 1 a
// notice that asked for it, withdrawals and -1 someone signed up, 到了 a check-in window; questions are folded
// into the activity's acknowledgement, @mention the member, give the exact reply, and are asked once.
import { afterEach, describe, expect, it } from 'vitest'
import { and, asc, eq, ne } from 'drizzle-orm'
import { members, outbox, signups } from '../../src/db/schema.js'
import { createTestBot, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

function roster (activityId = 1): string[] {
  return bot.store.db.select({ s: signups, name: members.name }).from(signups)
    .leftJoin(members, eq(members.id, signups.memberId))
    .where(and(eq(signups.activityId, activityId), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.queuedAt), asc(signups.id)).all()
    .map(r => `${r.s.guestName ?? r.name}:${1 + r.s.companions}`)
}

function activity (title = '读书会', extra = ''): void {
  bot.say('周会长', `#活动\n主题：${title}\n时间：11月7日 14:00-16:00\n名额：30${extra}`)
}

describe('intent words', () => {
  it('我参加 / 算我一个 sign up with one open activity', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '我参加')
    bot.say('吴设计师', '算我一个')
    bot.say('郑主播', '我也去！')
    expect(roster()).toEqual(['林律师:1', '吴设计师:1', '郑主播:1'])
  })

  it('with several open activities ask which, @mentioning the member, once, and change nothing', async () => {
    bot = createTestBot()
    activity('读书会')
    activity('茶话会')
    await bot.take()
    bot.say('林律师', '我参加')
    bot.say('林律师', '算我一个')
    const sent = await bot.take()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.mentions).toEqual(['林律师'])
    expect(sent[0]?.text).toContain('报名 1')
    expect(sent[0]?.text).toContain('茶话会')
    expect(roster(1)).toEqual([])
    expect(roster(2)).toEqual([])
  })

  it('with no open activity are chatter', async () => {
    bot = createTestBot()
    expect(bot.say('林律师', '我参加')).toBe('handled')
    expect(await bot.take()).toEqual([])
  })
})

describe('a bare 1', () => {
  it('signs up where the notice asked for 扣1', async () => {
    bot = createTestBot()
    activity('读书会', '\n说明：报名请在群里扣1')
    bot.say('林律师', '1')
    expect(roster()).toEqual(['林律师:1'])
  })

  it('elsewhere asks, once, with the exact reply, and changes nothing', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.say('林律师', '1')
    bot.clock.advance(120_000)
    bot.say('林律师', '1')
    const sent = await bot.take()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.mentions).toEqual(['林律师'])
    expect(sent[0]?.text).toContain('「报名」')
    expect(roster()).toEqual([])
  })
})

describe('withdrawals and cancellations', () => {
  it('取消 / 不去了 from someone signed up ask with 「取消报名」, once per member and activity; from anyone else, nothing', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    await bot.take()
    bot.clock.advance(120_000)
    bot.say('林律师', '不去了')
    bot.say('林律师', '取消')
    bot.say('吴设计师', '不去了')
    const sent = await bot.take()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.mentions).toEqual(['林律师'])
    expect(sent[0]?.text).toContain('「取消报名」')
    expect(roster()).toEqual(['林律师:1'])
  })

  it('a cancellation with a reason cancels; -1 from someone not signed up is chatter', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    bot.say('林律师', '临时加班，取消报名')
    await bot.take()
    bot.say('吴设计师', '-1')
    expect(await bot.take()).toEqual([])
    expect(roster()).toEqual([])
  })

  it('questions wait until a minute after the activity\'s previous acknowledgement', () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '报名')
    const ackDue = bot.store.db.select().from(outbox).where(eq(outbox.kind, 'ack')).all()[0]?.nextAttemptAt ?? 0
    bot.clock.set(ackDue + 1)
    // as the sender would: the acknowledgement goes out
    bot.store.db.update(outbox).set({ status: 'sent', sentAt: ackDue + 1, coalesceKey: null }).where(eq(outbox.kind, 'ack')).run()
    bot.clock.advance(5000)
    bot.say('林律师', '不去了')
    const asks = bot.store.db.select().from(outbox).where(and(eq(outbox.kind, 'ack'), eq(outbox.status, 'pending'))).all()
    expect(asks).toHaveLength(1)
    expect(asks[0]?.nextAttemptAt).toBeGreaterThanOrEqual(ackDue + 1 + 60_000)
  })
})

describe('parties, names and titles', () => {
  it('+N and companions in words are the party in all; a party over 5 is said back', async () => {
    bot = createTestBot()
    activity()
    bot.say('林律师', '+2')
    bot.say('吴设计师', '报名，带孩子')
    bot.say('郑主播', '报名 2大1小')
    bot.say('王会计', '+6')
    expect(roster()).toEqual(['林律师:2', '吴设计师:2', '郑主播:3', '王会计:6'])
    const sent = await bot.take()
    const ack = sent.find(s => s.text.includes('王会计'))
    expect(ack?.text).toContain('请核对人数：王会计 这次报名共6人')
    expect(ack?.text).not.toContain('请核对人数：郑主播')
  })

  it('+99999 and 加一百 never make a party: a refusal with an example, or nothing', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    bot.say('林律师', '+99999')
    bot.say('吴设计师', '加一百')
    bot.say('郑主播', '+1'.repeat(10_000))
    expect(roster()).toEqual([])
    const sent = await bot.take()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.text).toContain('一次最多报名20人')
  })

  it('报名 读书会 signs up for the open activity of that title; 报名张三 signs up the member 张三', async () => {
    bot = createTestBot()
    activity('读书会')
    activity('茶话会')
    bot.say('张三', '你好')
    bot.say('林律师', '报名 读书会')
    bot.say('吴设计师', '报名张三')
    bot.say('郑主播', '报名成功')
    expect(roster(1)).toEqual(['林律师:1'])
    expect(roster(2)).toEqual([])
    activity('年会')
    bot.say('王会计', '报名 年会')
    expect(roster(3)).toEqual(['王会计:1'])
  })

  it('报名张三 with one open activity signs up the member 张三, and is chatter when no member has that name', async () => {
    bot = createTestBot()
    activity('读书会')
    // 张三 has spoken to the bot in the room, so the room knows the name (the adapter also reads the member list)
    bot.say('张三', '我的报名')
    bot.say('吴设计师', '报名张三')
    bot.say('郑主播', '报名李四')
    expect(roster(1)).toEqual(['张三:1'])
  })
})

describe('a plus beside a name', () => {
  it('+1 with one\'s own name or the title signs the sender up; with another member\'s name it is agreement', async () => {
    bot = createTestBot()
    activity('读书会')
    bot.say('张三', '我的报名')
    bot.say('林律师', '+1 林律师')
    bot.say('吴设计师', '+1 张三')
    bot.say('郑主播', '+1 读书会')
    expect(roster()).toEqual(['林律师:1', '郑主播:1'])
  })
})

describe('check-in words', () => {
  it('到了 checks in inside the window and is chatter outside it', async () => {
    bot = createTestBot({ start: '2026-11-07T09:00:00+08:00' })
    activity()
    bot.say('林律师', '报名')
    await bot.take()
    bot.say('林律师', '到了')
    expect(await bot.take()).toEqual([])
    bot.clock.set(Date.parse('2026-11-07T13:40:00+08:00'))
    bot.say('林律师', '我到了')
    const sent = await bot.take()
    expect(sent.map(s => s.text).join('\n')).toContain('签到成功：林律师')
  })
})

describe('in private chat', () => {
  it('only the strict forms are replies: 1, 到了 and 不去了 are talk there', async () => {
    bot = createTestBot()
    activity()
    await bot.take()
    for (const text of ['1', '到了', '不去了', '我参加', '+2']) expect(bot.say('林律师', text, { room: null }), text).toBe('chatter')
    expect(bot.say('林律师', '报名', { room: null })).toBe('refused')
  })
})
