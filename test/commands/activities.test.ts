// #活动, #修改, #取消活动, #近期活动, #名单 on real SQLite: the card, refusals that name the field
// and change nothing, edits that move reminders and tell everyone, cancellations.
import { afterEach, describe, expect, it } from 'vitest'
import { asc, count, eq } from 'drizzle-orm'
import { activities, reminders } from '../../src/db/schema.js'
import { at, createTestBot, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

const activityCount = (): number => bot.store.db.select({ n: count() }).from(activities).get()?.n ?? 0
const plannedReminders = (id: number): number[] => bot.store.db.select().from(reminders)
  .where(eq(reminders.activityId, id)).orderBy(asc(reminders.dueAt)).all()
  .filter(r => r.status === 'planned').map(r => r.dueAt)

describe('#活动', () => {
  it('reads the multi-line form and replies with the card', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动\n主题：数字经济与新阶层发展沙龙\n时间：11月7日(周六)下午2点-4点\n地点：新新之家·同心荟\n名额：3\n类型：沙龙\n说明：请带名片；欢迎新朋友')
    const [card] = await bot.take()
    expect(card?.text).toContain('【活动 #1】数字经济与新阶层发展沙龙')
    expect(card?.text).toContain('11月7日(周六) 14:00–16:00')
    expect(card?.text).toContain('新新之家·同心荟')
    expect(card?.text).toContain('名额：3人')
    expect(card?.text).toContain('请带名片；欢迎新朋友')
    expect(card?.text).toContain('报名 1')
  })

  it('reads the one-line form with full-width separators and keeps the title as written', async () => {
    bot = createTestBot()
    bot.say('周会长', '#发起活动 主题：同心大讲堂：民营经济促进法解读；时间：11月28日 14:30；名额：２０')
    const [card] = await bot.take()
    expect(card?.text).toContain('【活动 #1】同心大讲堂：民营经济促进法解读')
    const a = bot.store.db.select().from(activities).get()
    expect(a?.title).toBe('同心大讲堂：民营经济促进法解读')
    expect(a?.type).toBe('讲座')
    expect(a?.capacity).toBe(20)
  })

  it('does not create the same activity twice: a second identical notice is refused, another time or title is not', async () => {
    bot = createTestBot()
    const notice = '#活动 主题：青年企业家座谈；时间：11月29日 14:00；地点：同心荟'
    expect(bot.say('周会长', notice)).toBe('handled')
    bot.clock.advance(20_000)
    expect(bot.say('周会长', notice)).toBe('refused')
    const refusal = (await bot.take()).at(-1)?.text
    expect(refusal).toContain('活动 #1「青年企业家座谈」已经发起过了（主题和时间都一样），这次没有重复创建')
    expect(refusal).toContain('例如：#修改 1 地点：同心荟')
    expect(activityCount()).toBe(1)
    expect(bot.say('周会长', '#活动 主题：青年企业家座谈；时间：12月6日 14:00')).toBe('handled')
    bot.say('周会长', '#取消活动 1')
    expect(bot.say('周会长', notice)).toBe('handled')
    expect(activityCount()).toBe(3)
  })

  it('reads fields written on one line with spaces or commas between them, and keeps 说明 whole', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题:青年企业家座谈 时间:11月29日 14:00 地点:同心荟 名额:20')
    bot.say('周会长', '#活动 主题：法律知识讲座，时间：12月3日 下午2点，地点：区图书馆，说明：签到时间：13:30，地点：东门')
    const rows = bot.store.db.select().from(activities).orderBy(asc(activities.id)).all()
    expect(rows.map(a => [a.title, a.location, a.capacity, a.description])).toEqual([
      ['青年企业家座谈', '同心荟', 20, null],
      ['法律知识讲座', '区图书馆', null, '签到时间：13:30，地点：东门'],
    ])
    bot.say('周会长', '#修改 1 地点：区图书馆 名额：30')
    const first = bot.store.db.select().from(activities).where(eq(activities.id, 1)).get()
    expect([first?.location, first?.capacity]).toEqual(['区图书馆', 30])
    // only another field cuts, and a further line of 说明 is never cut
    bot.say('周会长', '#活动\n主题：读书会 活动：新书分享\n时间：12月5日 14:00\n地点：同心荟 地址：人民路88号\n说明：请带名片\n1. 签到 时间：13:30')
    const third = bot.store.db.select().from(activities).where(eq(activities.id, 3)).get()
    expect([third?.title, third?.location, third?.description]).toEqual(['读书会 活动：新书分享', '同心荟 地址：人民路88号', '请带名片\n1. 签到 时间：13:30'])
  })

  it.each([
    ['同心·律师服务团法律义诊', '公益'],
    ['e创园公益直播助农', '公益'],
    ['新阶层人士研修班', '培训'],
    ['企业走访', '调研'],
    ['网络人士联谊茶话会', '联谊'],
    ['年度总结会', '其他'],
  ])('infers the type of 「%s」 as %s', async (title, type) => {
    bot = createTestBot()
    bot.say('周会长', `#活动 主题：${title}；时间：11月20日 14:00`)
    expect(bot.store.db.select().from(activities).get()?.type).toBe(type)
  })

  it.each([
    ['#活动 时间：11月20日 14:00', '缺少「主题」'],
    ['#活动 主题：沙龙', '缺少「时间」'],
    ['#活动 主题：沙龙；时间：找个周末', '「时间」有误：「周末」是周六还是周日？'],
    ['#活动 主题：沙龙；时间：下午茶时间', '「时间」看不懂'],
    ['#活动 主题：沙龙；时间：2026-11-01 14:00', '「时间」已经过去了'],
    ['#活动 主题：沙龙；时间：今天上午8点', '「时间」已经过去了'],
    ['#活动 主题：沙龙；时间：11月20日', '请写明几点'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；名额：很多', '「名额」要写一个1到'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；名额：0', '「名额」'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；名额：0x10', '「名额」要写一个1到'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；名额：1e3', '「名额」要写一个1到'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；类型：聚餐', '「类型」只能是'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；截止：11月21日', '「截止」不能晚于'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；提醒：偶尔', '「提醒」看不懂'],
    ['#活动 主题：沙龙；时间：11月20日 14:00；颜色：红', '不认识的字段「颜色」'],
    [`#活动 主题：${'很长的主题'.repeat(20)}；时间：11月20日 14:00`, '「主题」太长了'],
  ])('refuses %j with one reply naming the problem and an example, creating nothing', async (text, problem) => {
    bot = createTestBot()
    expect(bot.say('周会长', text)).toBe('refused')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain(problem)
    expect(replies[0]?.text).toContain('例如：')
    expect(activityCount()).toBe(0)
  })

  it('plans reminders from the default offsets, or the activity’s own, or none', () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00')
    bot.say('周会长', '#活动 主题：讲座；时间：11月21日 14:00；提醒：2小时,30分钟')
    bot.say('周会长', '#活动 主题：茶话会；时间：11月22日 14:00；提醒：无')
    bot.say('周会长', '#活动 主题：联欢会；时间：11月23日 14:00；提醒：不提醒')
    bot.say('周会长', '#活动 主题：座谈会；时间：11月24日 14:00；提醒：无需提醒')
    expect(plannedReminders(1)).toEqual([at('2026-11-19T14:00:00+08:00'), at('2026-11-20T13:00:00+08:00')])
    expect(plannedReminders(2)).toEqual([at('2026-11-21T12:00:00+08:00'), at('2026-11-21T13:30:00+08:00')])
    expect(plannedReminders(3)).toEqual([])
    expect(plannedReminders(4)).toEqual([])
    expect(plannedReminders(5)).toEqual([])
    expect(activityCount()).toBe(5)
  })

  it('reads a date without a year as the next such date, and shows the year only when the date alone could be misread', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：新年联欢会；时间：1月10日上午9:30')
    bot.say('周会长', '#活动 主题：年度总结会；时间：2027年11月20日上午9:30')
    const [near, far] = await bot.take()
    // next January, said in November: the date is enough
    expect(near?.text).toContain('时间：1月10日(周日) 09:30')
    expect(far?.text).toContain('时间：2027年11月20日(周六) 09:30')
  })

  it('reads the other ways organizers write 名额, 类型, 提醒 and the time', () => {
    bot = createTestBot()
    expect(bot.say('周会长', '#活动\n主题：读书会\n时间：周6 2点钟\n名额：30人以内\n类型：其它\n提醒：提前1天和2小时')).toBe('handled')
    expect(bot.say('周会长', '#活动 主题：走进社区；时间：明年1月9日 9:30；名额：限20人；类型：志愿服务')).toBe('handled')
    const [a, b] = bot.store.db.select().from(activities).orderBy(asc(activities.id)).all()
    expect(a).toMatchObject({ startAt: at('2026-11-07T14:00:00+08:00'), capacity: 30, type: '其他' })
    expect(plannedReminders(1)).toEqual([at('2026-11-06T14:00:00+08:00'), at('2026-11-07T12:00:00+08:00')])
    expect(b).toMatchObject({ startAt: at('2027-01-09T09:30:00+08:00'), capacity: 20, type: '公益' })
  })

  it('reads 截止 written as the start’s own date as “until it starts”, and a later date as refused', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；截止：11月20日')
    expect(bot.store.db.select().from(activities).get()).toMatchObject({ deadlineAt: at('2026-11-20T14:00:00+08:00') })
    bot.say('周会长', '#活动 主题：读书会；时间：11月20日 14:00；截止：11月19日')
    expect(bot.store.db.select().from(activities).where(eq(activities.id, 2)).get()).toMatchObject({ deadlineAt: at('2026-11-19T23:59:59+08:00') })
  })

  it('gives ids in order', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：一；时间：11月20日 14:00')
    bot.say('周会长', '#活动 主题：二；时间：11月21日 14:00')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts[0]).toContain('【活动 #1】')
    expect(texts[1]).toContain('【活动 #2】')
  })
})

describe('#修改', () => {
  it('moves the time and the reminders, keeps the length, and @mentions everyone signed up', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00-16:00；名额：1')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名')
    await bot.take()
    bot.say('周会长', '#修改 1 时间：11月21日 15:00')
    const [notice] = await bot.take()
    expect(notice?.text).toContain('11月20日(周五) 14:00–16:00 → 11月21日(周六) 15:00–17:00')
    expect(notice?.mentions).toEqual(['林律师', '王会计'])
    expect(plannedReminders(1)).toEqual([at('2026-11-20T15:00:00+08:00'), at('2026-11-21T14:00:00+08:00')])
  })

  it('promotes from the waitlist when 名额 grows, and refuses to shrink below the confirmed', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；名额：1')
    bot.say('林律师', '报名')
    bot.say('王会计', '报名')
    await bot.take()
    expect(bot.say('周会长', '#修改 1 名额：0')).toBe('refused')
    bot.say('周会长', '#修改 1 名额：2')
    const replies = await bot.take()
    expect(replies.at(-1)?.text).toContain('候补转为正式报名：王会计')
    bot.say('周会长', '#修改 1\n名额：1')
    expect((await bot.take())[0]?.text).toContain('名额不能少于2')
  })

  it('keeps the day when only the hour is written, and the length when no end is', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00-16:00')
    bot.say('林律师', '报名')
    await bot.take()
    bot.say('周会长', '#修改 1 时间：下午3点')
    expect((await bot.take())[0]?.text).toContain('11月20日(周五) 14:00–16:00 → 11月20日(周五) 15:00–17:00')
    bot.say('周会长', '#修改 1 时间：19:00-20:30')
    expect((await bot.take())[0]?.text).toContain('→ 11月20日(周五) 19:00–20:30')
    // 晚上12点 is the midnight that ends the activity's day, not the one that starts it
    bot.say('周会长', '#修改 1 时间：晚上12点')
    expect((await bot.take())[0]?.text).toContain('→ 11月21日(周六) 00:00–01:30')
    bot.say('周会长', '#修改 1 时间：11月20日 19:00-20:30')
    await bot.take()
    expect(plannedReminders(1)).toEqual([at('2026-11-19T19:00:00+08:00'), at('2026-11-20T18:00:00+08:00')])
  })

  it('refuses a deadline already past, and shows the #修改 example for a line it cannot read', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00')
    await bot.take()
    expect(bot.say('周会长', '#修改 1 截止：昨天')).toBe('refused')
    expect(bot.say('周会长', '#修改 1 颜色：红')).toBe('refused')
    const [past, unknown] = (await bot.take()).map(r => r.text)
    expect(past).toContain('「截止」已经过去了')
    expect(unknown).toContain('例如：#修改')
    expect(bot.store.db.select().from(activities).get()?.deadlineAt).toBe(at('2026-11-20T14:00:00+08:00'))
  })

  it('refuses a deadline after the start with an example that fits the activity, and shows a changed deadline from → to', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；截止：11月21日')
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；截止：11月18日 18:00')
    bot.say('林律师', '报名')
    await bot.take().then(([refused]) => {
      expect(refused?.text).toContain('「截止」不能晚于活动开始时间（11月20日(周五) 14:00）')
      expect(refused?.text).toContain('例如：截止：11月19日(周四) 14:00')
    })
    bot.say('周会长', '#修改 1 截止：11月22日')
    bot.say('周会长', '#修改 1 截止：11月19日 20:00')
    const [refused, changed] = await bot.take()
    expect(refused?.text).toContain('例如：#修改 1 截止：11月19日(周四) 14:00')
    expect(changed?.text).toContain('报名截止：11月18日(周三) 18:00 → 11月19日(周四) 20:00')
    expect(changed?.mentions).toEqual(['林律师'])
    // a start moved before the deadline: the example is a whole #修改 that fixes it
    bot.say('周会长', '#修改 1 时间：11月19日 19:00')
    expect((await bot.take())[0]?.text).toContain('例如：#修改 1 截止：11月18日(周三) 19:00')
  })

  it('refuses unknown ids, other rooms’ activities and members', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00')
    await bot.take()
    expect(bot.say('周会长', '#修改 9 地点：会议室')).toBe('refused')
    expect(bot.say('林律师', '#修改 1 地点：会议室')).toBe('refused')
    expect(bot.say('周会长', '#修改 1')).toBe('refused')
    const texts = (await bot.take()).map(r => r.text)
    expect(texts[0]).toContain('没有找到活动 #9')
    expect(texts[1]).toContain('只有组织者')
    expect(texts[2]).toContain('请写明要修改什么')
  })
})

describe('#取消活动', () => {
  it('@mentions everyone signed up, drops the reminders, and refuses later sign-ups', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：联谊茶话会；时间：11月21日 19:00')
    bot.say('吴设计师', '报名')
    bot.say('黄医生', '代报名 刘护士')
    await bot.take()
    bot.say('周会长', '#取消活动 1 场地冲突，另行通知')
    const [notice] = await bot.take()
    expect(notice?.text).toContain('已取消')
    expect(notice?.text).toContain('场地冲突，另行通知')
    expect(notice?.mentions).toEqual(['吴设计师', '黄医生'])
    // 黄医生 only registered a guest: no count that would not match the @mentions
    expect(notice?.text).toContain('已报名（含候补）的各位请留意')
    expect(plannedReminders(1)).toEqual([])
    expect(bot.say('林律师', '报名 1')).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('已取消')
  })
})

describe('lists', () => {
  it('#近期活动 lists what is coming; #名单 shows confirmed, waitlist and check-ins', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；名额：2')
    bot.say('林律师', '报名 1 2人')
    await bot.take()
    bot.say('林律师', '#近期活动')
    expect((await bot.take())[0]?.text).toContain('#1 11月20日(周五) 14:00 沙龙')
    bot.say('王会计', '报名')
    bot.say('王会计', '#名单 1')
    const texts = (await bot.take()).map(r => r.text)
    const list = texts.find(t => t.includes('已报名'))
    expect(list).toContain('1. 林律师（另带1人）')
    expect(list).toContain('候补 1')
    expect(list).toContain('1. 王会计')
  })

  it('#近期活动 marks one that is under way, and says how to sign up only while something takes sign-ups', async () => {
    bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00-16:00')
    bot.clock.set(at('2026-11-20T15:00:00+08:00'))
    await bot.take()
    bot.say('林律师', '#近期活动')
    const [list] = await bot.take()
    expect(list?.text).toContain('沙龙（已报名0人，正在进行）')
    expect(list?.text).not.toContain('报名请回复')
    bot.say('周会长', '#活动 主题：读书会；时间：11月27日 14:00')
    await bot.take()
    bot.say('林律师', '#近期活动')
    expect((await bot.take())[0]?.text).toContain('报名请回复「报名 编号」')
  })
})
