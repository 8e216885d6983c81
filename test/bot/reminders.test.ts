// Reminders through the real bot on the mock: on time, to exactly the right people, moved by
// #修改, stopped by #取消活动, and through restarts — sent once after start-up when the activity
// has not started, skipped when it has.
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { reminders } from '../../src/db/schema.js'
import type { OutputLine } from '../../src/sim/simulation.js'
import { play } from '../helpers/sim.js'

const ROOM = '鹿城新联会'
const people = ['周会长', '林律师', '王会计', '赵老师', '黄医生', '陈秘书']
const setup = { type: 'setup', bot: '新联小助手', admins: ['周会长'], rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: people }] }
const say = (at: string, from: string, text: string): Record<string, unknown> => ({ type: 'message', at: `${at}+08:00`, room: ROOM, from, text })

const remindersIn = (out: OutputLine[]): OutputLine[] => out.filter(o => o.room === ROOM && (o.text ?? '').includes('活动提醒'))

describe('reminders', () => {
  it('come 24 h and 1 h before, @mentioning the confirmed and those who registered guests, not the waitlist', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00；名额：3'),
      say('2026-11-02T09:01:00', '林律师', '报名'),
      say('2026-11-02T09:02:00', '黄医生', '代报名 刘护士'),
      say('2026-11-02T09:03:00', '王会计', '报名 2人'),
      say('2026-11-02T09:04:00', '赵老师', '报名'),
      { type: 'advance', to: '2026-11-07T14:00:00+08:00' },
    ])
    const sent = remindersIn(out)
    expect(sent.map(o => o.at)).toEqual(['2026-11-06T14:00:00+08:00', '2026-11-07T13:00:00+08:00'])
    // 王会计's party of 2 does not fit the one seat left and waits; 赵老师, alone, fits it
    for (const r of sent) expect(r.mentions?.sort()).toEqual(['林律师', '黄医生', '赵老师'].sort())
    expect(sent[0]?.text).toContain('把名额留给候补的朋友')
    const roster = out.find(o => o.to === '周会长')
    expect(roster?.at).toBe('2026-11-06T14:00:01+08:00')
    expect(roster?.text).toContain('刘护士（黄医生代报）')
    expect(roster?.text).toContain('候补（2人）')
  })

  it('follow #修改 to the new time, and the new offsets', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00'),
      say('2026-11-02T09:01:00', '林律师', '报名'),
      say('2026-11-03T09:00:00', '周会长', '#修改 1 时间：11月8日 10:00'),
      say('2026-11-03T09:05:00', '周会长', '#修改 1 提醒：2小时'),
      { type: 'advance', to: '2026-11-08T10:00:00+08:00' },
    ])
    expect(remindersIn(out).map(o => o.at)).toEqual(['2026-11-08T08:00:00+08:00'])
    // no 名额, so no waitlist to leave a seat to
    expect(remindersIn(out)[0]?.text).toContain('不能参加的请回复「取消报名 1」，方便组织者安排。')
  })

  it('are not repeated right after a start moved a little: the change notice has said it; a week later they are', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00'),
      say('2026-11-02T09:01:00', '林律师', '报名'),
      // after the 24 h reminder (11-06 14:00): two hours later, then a week later
      say('2026-11-06T15:00:00', '周会长', '#修改 1 时间：11月7日 16:00'),
      { type: 'advance', to: '2026-11-07T15:10:00+08:00' },
      say('2026-11-07T15:30:00', '周会长', '#修改 1 时间：11月14日 16:00'),
      { type: 'advance', to: '2026-11-14T16:00:00+08:00' },
    ])
    expect(remindersIn(out).map(o => o.at)).toEqual([
      '2026-11-06T14:00:00+08:00', // 24 h before the first time
      '2026-11-07T15:00:00+08:00', // 1 h before the second (never sent for it)
      '2026-11-13T16:00:00+08:00', // a week on: both again
      '2026-11-14T15:00:00+08:00',
    ])
  })

  it('stop when the activity is cancelled or completed; #提醒 sends one now', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：联谊；时间：11月7日 19:00'),
      say('2026-11-02T09:00:30', '周会长', '#活动 主题：讲座；时间：11月8日 19:00'),
      say('2026-11-02T09:01:00', '林律师', '报名 1'),
      say('2026-11-02T09:02:00', '林律师', '报名 2'),
      say('2026-11-02T10:00:00', '周会长', '#取消活动 1'),
      say('2026-11-02T10:05:00', '周会长', '#提醒 2'),
      // asked again straight away: the group has just been reminded
      say('2026-11-02T10:05:03', '周会长', '#提醒 2'),
      say('2026-11-02T10:05:06', '周会长', '#提醒 2'),
      { type: 'advance', to: '2026-11-09T00:00:00+08:00' },
    ])
    const sent = remindersIn(out)
    expect(sent.every(o => (o.text ?? '').includes('#2'))).toBe(true)
    expect(sent.map(o => o.at)).toEqual(['2026-11-02T10:05:00+08:00', '2026-11-07T19:00:00+08:00', '2026-11-08T18:00:00+08:00'])
  })

  it('are not sent in a room where the bot was turned off', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00'),
      say('2026-11-02T09:01:00', '林律师', '报名'),
      say('2026-11-03T09:00:00', '周会长', '#停用'),
      { type: 'advance', to: '2026-11-07T14:00:00+08:00' },
    ])
    expect(remindersIn(out)).toEqual([])
  })

  it('@mention at most 20 people per message, everyone once', async () => {
    const crowd = Array.from({ length: 45 }, (_, i) => `成员${i + 1}`)
    const { out } = await play([
      { ...setup, rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: ['周会长', ...crowd] }] },
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：大讲堂；时间：11月7日 14:00；提醒：1小时'),
      ...crowd.map((name, i) => say(`2026-11-02T09:0${Math.floor(i / 10)}:${String((i % 10) * 5).padStart(2, '0')}`, name, '报名')),
      { type: 'advance', to: '2026-11-07T14:00:00+08:00' },
    ])
    const sent = out.filter(o => o.room === ROOM && Date.parse(o.at) >= Date.parse('2026-11-07T13:00:00+08:00'))
    expect(sent).toHaveLength(3)
    expect(sent.map(o => o.mentions?.length)).toEqual([20, 20, 5])
    expect(sent.flatMap(o => o.mentions ?? []).sort()).toEqual([...crowd].sort())
  })
})

describe('after the activity', () => {
  it('asks the organizer, privately and once, to mark an activity completed that ended without #完成', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00-16:00'),
      say('2026-11-02T09:01:00', '周会长', '#活动 主题：讲座；时间：11月8日 14:00'),
      say('2026-11-02T09:02:00', '林律师', '报名 1'),
      say('2026-11-08T15:00:00', '周会长', '#完成 2'),
      { type: 'advance', to: '2026-11-10T00:00:00+08:00' },
    ])
    const asks = out.filter(o => o.to === '周会长' && (o.text ?? '').includes('已结束'))
    expect(asks.map(o => o.at)).toEqual(['2026-11-07T18:00:00+08:00'])
    expect(asks[0]?.text).toContain('「#完成 1」')
    expect(asks[0]?.text).toContain('目前报名1人，签到0人')
    expect(out.filter(o => o.room === ROOM && (o.text ?? '').includes('已结束'))).toEqual([])
  })

  it('waits for the morning when the activity ended late in the evening', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：联谊晚会；时间：11月7日 19:00-21:30'),
      say('2026-11-02T09:01:00', '周会长', '#活动 主题：读书会；时间：11月8日 15:00-17:00'),
      { type: 'advance', to: '2026-11-10T00:00:00+08:00' },
    ])
    const asks = out.filter(o => o.to === '周会长' && (o.text ?? '').includes('已结束'))
    // 23:30 is night: asked at 08:00; an afternoon one is asked two hours after its end
    expect(asks.map(o => o.at)).toEqual(['2026-11-08T08:00:00+08:00', '2026-11-08T19:00:00+08:00'])
  })

  it('waits for the morning too when the bot comes back at night', async () => {
    const { out } = await play([
      setup,
      say('2026-11-02T09:00:00', '周会长', '#活动 主题：读书会；时间：11月7日 10:00-12:00'),
      { type: 'advance', to: '2026-11-07T13:00:00+08:00' },
      { type: 'restart', at: '2026-11-07T23:30:00+08:00' },
      { type: 'advance', to: '2026-11-09T00:00:00+08:00' },
    ])
    expect(out.filter(o => o.to === '周会长' && (o.text ?? '').includes('已结束')).map(o => o.at)).toEqual(['2026-11-08T08:00:00+08:00'])
  })
})

describe('reminders across restarts', () => {
  const base = [
    setup,
    say('2026-11-02T09:00:00', '周会长', '#活动 主题：沙龙；时间：11月7日 14:00'),
    say('2026-11-02T09:01:00', '林律师', '报名'),
  ]

  it('a reminder that fell due while the bot was down is sent once at start-up', async () => {
    const { out } = await play([
      ...base,
      { type: 'advance', to: '2026-11-06T13:00:00+08:00' },
      { type: 'restart', at: '2026-11-06T16:30:00+08:00' },
      { type: 'advance', to: '2026-11-07T12:00:00+08:00' },
      { type: 'restart', at: '2026-11-07T12:10:00+08:00' },
      { type: 'advance', to: '2026-11-07T14:00:00+08:00' },
    ])
    expect(remindersIn(out).map(o => o.at)).toEqual(['2026-11-06T16:30:00+08:00', '2026-11-07T13:00:00+08:00'])
  })

  it('when both were missed, only the latest is sent', async () => {
    const { out } = await play([
      ...base,
      { type: 'advance', to: '2026-11-06T13:00:00+08:00' },
      { type: 'restart', at: '2026-11-07T13:30:00+08:00' },
      { type: 'advance', to: '2026-11-07T15:00:00+08:00' },
    ])
    const sent = remindersIn(out)
    expect(sent.map(o => o.at)).toEqual(['2026-11-07T13:30:00+08:00'])
    expect(sent[0]?.text).toContain('30分钟后开始')
  })

  it('after the start it is recorded as skipped, not sent', async () => {
    const { out, sim } = await play([
      ...base,
      { type: 'advance', to: '2026-11-06T13:00:00+08:00' },
      { type: 'restart', at: '2026-11-07T14:30:00+08:00' },
    ], { keepOpen: true })
    const rows = sim.currentCore.db.select().from(reminders).where(eq(reminders.activityId, 1)).all()
    await sim.finish()
    expect(remindersIn(out)).toEqual([])
    expect(rows.map(r => r.status)).toEqual(['skipped', 'skipped'])
  })
})
