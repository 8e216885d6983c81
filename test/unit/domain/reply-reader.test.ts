// The reply reader as a table: what members write and what it is — act (with what the handler must
// still find in the database), ask, or chatter.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readReply, type Reading } from '../../../src/domain/reply-reader.js'

type Row = [text: string, outcome: Reading['outcome'], what?: Record<string, unknown>]

const signup = (people: number | null, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ reply: { kind: 'signup', activityId: null, people, ...extra } })

describe('readReply: the +1 family and its tails', () => {
  it.each<Row>([
    ['+1', 'act', signup(null, { bare: true })],
    ['＋1', 'act', signup(null, { bare: true })],
    ['十1', 'act', signup(null, { bare: true })],
    ['加一', 'act', signup(null, { bare: true })],
    ['加1', 'act', signup(null, { bare: true })],
    ['+', 'act', signup(null, { bare: true })],
    ['+1～', 'act', signup(null, { bare: true })],
    ['+1 👍', 'act', signup(null, { bare: true })],
    ['+1，谢谢组织', 'act', signup(null, { bare: true })],
    ['+1，顶', 'act', signup(null, { bare: true })],
    ['+1 !!!', 'act', signup(null, { bare: true })],
    ['+ 1', 'act', signup(null, { bare: true })],
    ['+1 报名', 'act', signup(null)],
    ['报名～', 'act', signup(null)],
    ['报名。', 'act', signup(null)],
    ['报名，辛苦了', 'act', signup(null)],
    ['报名🙏', 'act', signup(null)],
    ['我报名(๑•̀ㅂ•́)و✧', 'act', signup(null)],
    ['报名参加，感谢', 'act', signup(null)],
    ['報名', 'act', signup(null)],
    ['+1[强][强]', 'act', signup(null, { bare: true })],
    ['+1，请问几点开始？', 'act', signup(null, { bare: true })],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: parties', () => {
  it.each<Row>([
    ['+2', 'act', signup(2)],
    ['+3 一家三口', 'act', signup(3)],
    ['加二', 'act', signup(2)],
    ['加两', 'act', signup(2)],
    ['十2', 'act', signup(2)],
    ['报名，带家属1人', 'act', signup(2)],
    ['报名，带孩子', 'act', signup(2)],
    ['报名 带俩孩子', 'act', signup(3)],
    ['报名，带两个孩子', 'act', signup(3)],
    ['我和爱人报名', 'act', signup(2)],
    ['报名 一家三口', 'act', signup(3)],
    ['报名 2大1小', 'act', signup(3)],
    ['报名 夫妻俩', 'act', signup(2)],
    ['报名 4 3人', 'act', { reply: { kind: 'signup', activityId: 4, people: 3 } }],
    ['+6', 'act', signup(6)],
    ['我参加，带孩子', 'act', { ...signup(2), need: 'one-open-activity' }],
    // two counts that disagree are asked about, never guessed
    ['+2 一家三口', 'ask', { about: 'count', reply: '报名 3人' }],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: intent words, names and titles', () => {
  it.each<Row>([
    ['我参加', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['算我一个', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['算上我', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['加我一个', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['我也去！', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['我也参加～', 'act', { ...signup(null), need: 'one-open-activity' }],
    ['报名张三', 'act', { reply: { kind: 'proxy', names: ['张三'], runOn: true, title: true }, need: 'member-or-title' }],
    ['报名 张三', 'act', { reply: { kind: 'proxy', names: ['张三'], runOn: true, title: true }, need: 'member-or-title' }],
    ['报名 读书会', 'act', { reply: { kind: 'proxy', names: ['读书会'], title: true }, need: 'member-or-title' }],
    ['代报名 张三 李四', 'act', { reply: { kind: 'proxy', names: ['张三', '李四'] } }],
    ['代报名张三', 'act', { reply: { kind: 'proxy', names: ['张三'], runOn: true }, need: 'member-or-title' }],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: cancelling, withdrawing, checking in, a bare 1', () => {
  it.each<Row>([
    ['取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['取消报名 2', 'act', { reply: { kind: 'cancel', activityId: 2 } }],
    ['-1', 'act', { reply: { kind: 'cancel', bare: true }, need: 'signed-up' }],
    ['临时加班，取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['临时出差，取消报名，抱歉', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['家里有事-1', 'chatter'],
    ['取消', 'ask', { about: 'withdraw', reply: '取消报名', need: 'signed-up' }],
    ['不去了', 'ask', { about: 'withdraw' }],
    ['去不了了😭', 'ask', { about: 'withdraw' }],
    ['临时有事', 'ask', { about: 'withdraw' }],
    ['抱歉，临时有事，去不了了', 'ask', { about: 'withdraw' }],
    ['到了', 'act', { reply: { kind: 'checkin', activityId: null }, need: 'checkin-window' }],
    ['已到', 'act', { need: 'checkin-window' }],
    ['我到了！', 'act', { need: 'checkin-window' }],
    ['签到了', 'act', { need: 'checkin-window' }],
    ['签到', 'act', { reply: { kind: 'checkin', activityId: null } }],
    ['1', 'act', { ...signup(null, { bare: true }), need: 'notice-asks-for-1' }],
    ['1。', 'act', { need: 'notice-asks-for-1' }],
    // replies written the way members write them, beyond the public examples
    ['＋1，辛苦会长🙏', 'act', signup(null, { bare: true })],
    ['+1 可能晚到一会', 'act', signup(null, { bare: true })],
    ['我+1', 'act', signup(null, { bare: true })],
    ['报名报名！', 'act', signup(null)],
    ['报名，大人2个小孩1个', 'act', signup(3)],
    ['报名 2个大人1个小孩', 'act', signup(3)],
    ['报名，带孩子一起', 'act', signup(2)],
    ['会长，我报名了，带孩子一起', 'act', signup(2)],
    ['会长，报名', 'act', signup(null)],
    ['+1+1', 'chatter', {}],
    ['我们家3个人', 'ask', { about: 'count', reply: '报名 3人' }],
    ['刚才报错了，是2人', 'ask', { about: 'correct', reply: '报名 2人' }],
    ['改成3人', 'ask', { about: 'correct', reply: '报名 3人' }],
    ['帮我老婆报个名', 'ask', { about: 'proxy' }],
    ['➕1', 'act', signup(null, { bare: true })],
    ['帮我取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['会长，我要报名', 'act', signup(null)],
    // a plus beside someone's name is left to the room: one's own name signs up, another's is agreeing
    ['会长 +1', 'act', { reply: { kind: 'proxy', names: ['会长'], ownName: true } }],
    ['﹢1', 'act', signup(null, { bare: true })],
    ['➖1', 'act', { reply: { kind: 'cancel', activityId: null }, need: 'signed-up' }],
    ['报名，我和我老婆', 'act', signup(2)],
    ['对不起，我取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['帮我报个名', 'act', signup(null)],
    ['帮王芳报个名', 'act', { reply: { kind: 'proxy', names: ['王芳'], runOn: true }, need: 'member-or-title' }],
    ['报名 读书会 2人', 'act', { reply: { kind: 'proxy', names: ['读书会'], title: true, people: 2 }, need: 'member-or-title' }],
    ['扣1', 'act', { need: 'notice-asks-for-1' }],
    ['+2 我和李四', 'ask', { about: 'with', reply: '代报名 李四' }],
    ['我的报名', 'act', { reply: { kind: 'mine' } }],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: chatter', () => {
  it.each([
    '收到', '好的👌', '👍', '👍👍👍', '期待！', '表示支持', '表示支持了', '哈哈哈', '老师辛苦了！', '几点开始呀？', '报名的人好多呀',
    '上次的报名表我看过了，感觉时间有点紧张，大家怎么看', '报名？', '+1吗', '我也去吗', '报名了', '怎么报名？', '已报名', '报名表',
    '到了吗', '快到了', '我到了吗？', '加油', '十一', '+-1', '+0', '加一百', '3人', '带孩子', '2大1小', '我想知道报名截止是哪天',
    '我去', '不知道', '谢谢', '大家好', '报名 张三 李四', '取消报名的话怎么弄？', '+1 这个主意好', '签到了吗？', '1号', '11', '12月1日',
    '我和张三报名', '', '+1+1 同意', '刚才报错了', '是2人吗', '帮我老婆报个名吗？', '3个人', '一共20人', '会长', '+2 我和大家', '帮忙报名', '帮我们报个名', '我和张三报名',
  ])('%j', text => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe('chatter')
  })

  it('a long message that merely contains 报名 is chatter, however it starts', () => {
    expect(readReply('报名，另外想问一下这次活动需要自己带笔记本电脑和充电器吗').outcome).toBe('chatter')
    expect(readReply('+1 我觉得上次那个场地停车不太方便建议换一个地方').outcome).toBe('chatter')
  })
})

describe('readReply: bad input', () => {
  it('10,000 +1s in one message, with or without spaces, is chatter', () => {
    expect(readReply('+1'.repeat(10_000)).outcome).toBe('chatter')
    expect(readReply(Array(10_000).fill('+1').join(' ')).outcome).toBe('chatter')
    expect(readReply(Array(10_000).fill('+1').join('\n')).outcome).toBe('chatter')
  })

  it('a count no party has is never a party of thousands: refused by the handler (over 20) or chatter', () => {
    const r = readReply('+99999')
    // the handler refuses anything over 20 people with an example
    if (r.outcome === 'act' && r.reply.kind === 'signup') expect(r.reply.people).toBe(99999)
    else expect(r.outcome).toBe('chatter')
    for (const t of ['+-1', '加一百', '+9999999', '+1e9', '+Infinity', '+NaN', '加一千万']) expect(readReply(t).outcome, t).toBe('chatter')
  })

  it('mixed scripts and emoji only are chatter', () => {
    for (const t of ['😀😀😀', '🙏', '(๑•̀ㅂ•́)و✧', '报名ですか', 'sign up please', 'Привет +1 да', '💯', '\u200B\u200B', '[强]'] as const) {
      expect(readReply(t).outcome, t).toBe('chatter')
    }
  })
})

describe('readReply: a corpus of ordinary group messages', () => {
  const lines = readFileSync(new URL('../../fixtures/chatter.jsonl', import.meta.url), 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('//'))
  const messages = lines.map(l => (JSON.parse(l) as { text: string }).text)

  it('has at least 200 messages', () => {
    expect(messages.length).toBeGreaterThanOrEqual(200)
  })

  it.each(messages)('%j is never an action', text => {
    const r = readReply(text)
    expect(r.outcome, r.reason).not.toBe('act')
  })
})

describe('readReply: strict forms inside tails', () => {
  it.each<Row>([
    ['签到(๑•̀ㅂ•́)و✧', 'act', { reply: { kind: 'checkin', activityId: null } }],
    ['取消报名 2，谢谢', 'act', { reply: { kind: 'cancel', activityId: 2 } }],
    ['我的报名🙏', 'act', { reply: { kind: 'mine' } }],
    ['代报名，张三说得对', 'chatter'],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: words written together', () => {
  it.each<Row>([
    ['报名谢谢', 'act', signup(null)],
    ['+1谢谢', 'act', signup(null, { bare: true })],
    ['我也报名+1', 'act', signup(null)],
    ['参加+1', 'act', { need: 'one-open-activity' }],
    ['+1 带家属1人', 'act', signup(2)],
    ['+2 带孩子', 'act', signup(2)],
    ['报名，带老婆孩子', 'act', signup(3)],
    ['我们俩报名', 'act', signup(2)],
    ['我们3个人参加', 'act', signup(3)],
    ['抱歉取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['临时有事取消报名', 'act', { reply: { kind: 'cancel', activityId: null } }],
    ['临时加班去不了了', 'ask', { about: 'withdraw' }],
    // a cancellation about someone else is never one's own
    ['帮张三取消报名', 'chatter'],
    ['帮张三，取消报名', 'chatter'],
    ['张三取消报名', 'chatter'],
    ['他不去了', 'chatter'],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: a party written onto the word', () => {
  it.each<Row>([
    ['报名+2', 'act', signup(2)],
    ['报名2大1小', 'act', signup(3)],
    ['一家三口报名', 'act', signup(3)],
    ['两人参加', 'act', signup(2)],
    ['带孩子报名', 'act', signup(2)],
    ['加我', 'chatter'],
    // what an organizer says
    ['感谢参加', 'chatter'],
    ['谢谢报名', 'chatter'],
    ['谢谢大家参加', 'chatter'],
    ['欢迎报名', 'chatter'],
    ['20人报名', 'chatter'],
    ['不好意思不去了', 'ask', { about: 'withdraw' }],
    ['加我微信', 'chatter'],
    // a name and a plus: the handler signs up only the sender's own name (or a title)
    ['赵老师+1', 'act', { reply: { kind: 'proxy', names: ['赵老师'], ownName: true }, need: 'member-or-title' }],
    ['同意+1', 'chatter'],
    ['楼上+1', 'chatter'],
    ['+1 林晓', 'act', { reply: { kind: 'proxy', names: ['林晓'], ownName: true }, need: 'member-or-title' }],
    ['+2 林晓', 'chatter'],
    ['报名 +1 林晓', 'chatter'],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})

describe('readReply: more of what members write', () => {
  it.each<Row>([
    ['林晓+1', 'act', { reply: { kind: 'proxy', names: ['林晓'], ownName: true } }],
    ['+1林晓', 'act', { reply: { kind: 'proxy', names: ['林晓'], ownName: true } }],
    ['+2（我和孩子）', 'act', signup(2)],
    ['也算我一个', 'act', { need: 'one-open-activity' }],
    ['算我一个吧', 'act', { need: 'one-open-activity' }],
    ['我到啦', 'act', { need: 'checkin-window' }],
    ['取消报名，下次再来', 'act', { reply: { kind: 'cancel' } }],
    ['-1 临时有事', 'act', { reply: { kind: 'cancel' } }],
    ['我取消', 'ask', { about: 'withdraw' }],
    ['报名+1', 'act', signup(null)],
  ])('%j → %s', (text, outcome, what) => {
    const r = readReply(text)
    expect(r.outcome, r.reason).toBe(outcome)
    if (what) expect(r).toMatchObject(what)
  })
})
