// A 300-person 接龙 storm: 300 members sign up within a minute for 100 seats, then 50 cancel.
// Exactly 100 confirmed, 150 waiting in arrival order, and the group hears a handful of messages.
import { describe, expect, it } from 'vitest'
import { and, asc, eq, ne } from 'drizzle-orm'
import { members, signups } from '../../src/db/schema.js'
import { play, plus } from '../helpers/sim.js'

const T0 = '2026-11-20T10:00:00+08:00'
const people = Array.from({ length: 300 }, (_, i) => `成员${String(i + 1).padStart(3, '0')}`)

describe('a sign-up storm', () => {
  it('ends with exactly 100 confirmed and 150 waitlisted in order, in at most 20 messages', async () => {
    const lines: Array<Record<string, unknown>> = [
      { type: 'setup', bot: '新联小助手', admins: ['周会长'], rooms: [{ topic: '大群', owner: '周会长', enabled: true, members: ['周会长', ...people] }] },
      { type: 'message', at: T0, room: '大群', from: '周会长', text: '#活动\n主题：同心大讲堂\n时间：11月28日 14:30\n名额：100' },
    ]
    // 300 sign-ups within one minute, a few duplicated deliveries among them
    people.forEach((name, i) => {
      lines.push({ type: 'message', at: plus(T0, 60 + i * 0.2), room: '大群', from: name, text: i % 3 === 0 ? '+1' : '报名', id: `s${i}` })
      if (i % 50 === 0) lines.push({ type: 'message', at: plus(T0, 60 + i * 0.2), room: '大群', from: name, text: '报名', id: `s${i}` })
    })
    // 50 of the confirmed cancel within the next minute
    people.slice(0, 50).forEach((name, i) => {
      lines.push({ type: 'message', at: plus(T0, 180 + i), room: '大群', from: name, text: '取消报名', id: `c${i}` })
    })
    const { out, sim } = await play(lines, { keepOpen: true })
    const db = sim.currentCore.db
    const live = db.select({ status: signups.status, name: members.name }).from(signups)
      .innerJoin(members, eq(members.id, signups.memberId))
      .where(and(eq(signups.activityId, 1), ne(signups.status, 'cancelled')))
      .orderBy(asc(signups.queuedAt), asc(signups.id)).all()
    await sim.finish()

    const confirmed = live.filter(s => s.status === 'confirmed').map(s => s.name)
    const waiting = live.filter(s => s.status === 'waitlisted').map(s => s.name)
    expect(confirmed).toHaveLength(100)
    expect(waiting).toHaveLength(150)
    // the first 100 got seats; 50 cancelled; the next 50 in line moved up; the rest wait in arrival order
    expect(confirmed).toEqual(people.slice(50, 150))
    expect(waiting).toEqual(people.slice(150))
    expect(new Set(live.map(s => s.name)).size).toBe(live.length)

    const storm = out.filter(o => o.room === '大群' && Date.parse(o.at) > Date.parse(T0))
    expect(storm.length).toBeLessThanOrEqual(20)
    // everyone who moved up was @mentioned
    const mentioned = new Set(storm.flatMap(o => o.mentions ?? []))
    for (const name of people.slice(100, 150)) expect(mentioned.has(name)).toBe(true)
  }, 120_000)
})
