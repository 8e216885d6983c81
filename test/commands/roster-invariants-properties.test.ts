// Property tests: whatever members and organizers do, in any order, the roster stays sound —
// confirmed people never exceed 名额, nobody is signed up twice, the waitlist is served in arrival
// order and never leaves seats empty that someone waiting could take, and the activity's roster
// counters always equal its sign-ups. The whole command path on real SQLite (the pure rules:
// test/unit/domain/roster-rules-properties.test.ts).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { and, asc, eq, ne } from 'drizzle-orm'
import { activities, signups } from '../../src/db/schema.js'
import { seatsTaken, waitlist, type RosterEntry } from '../../src/domain/roster.js'
import { createTestBot } from '../helpers/core.js'

const MEMBERS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛']

type Op =
  | { op: 'signup', who: number, people: number }
  | { op: 'cancel', who: number }
  | { op: 'capacity', to: number | null }
  | { op: 'proxy', who: number, guest: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('signup' as const), who: fc.nat(MEMBERS.length - 1), people: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('cancel' as const), who: fc.nat(MEMBERS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('capacity' as const), to: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('proxy' as const), who: fc.nat(MEMBERS.length - 1), guest: fc.nat(3) }) },
)

describe('roster invariants through the commands', () => {
  it('hold for random sequences of sign-ups, 代报名, cancellations and 名额 changes', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (ops, initial) => {
      const bot = createTestBot()
      try {
        bot.say('周会长', `#活动 主题：沙龙；时间：11月20日 14:00；名额：${initial}`)
        const live = new Set<string>()
        for (const [i, o] of ops.entries()) {
          bot.clock.advance(1000 + i)
          const name = MEMBERS[o.op === 'capacity' ? 0 : o.who] ?? '甲'
          if (o.op === 'signup') {
            if (bot.say(name, o.people === 1 ? '报名' : `报名 ${o.people}人`) === 'handled') live.add(name)
          } else if (o.op === 'cancel') {
            if (bot.say(name, '取消报名') === 'handled') {
              live.delete(name)
              for (const g of [...live]) if (g.startsWith(`${name}的客人`)) live.delete(g)
            }
          } else if (o.op === 'proxy') {
            const guest = `${name}的客人${o.guest}`
            if (bot.say(name, `代报名 ${guest}`) === 'handled') live.add(guest)
          } else {
            bot.say('周会长', `#修改 1 名额：${o.to ?? '不限'}`)
          }
          checkInvariants(bot.store.db, live)
        }
      } finally {
        bot.close()
      }
    }), { numRuns: 60 })
  })
})

function checkInvariants (db: ReturnType<typeof createTestBot>['store']['db'], expectedLive: Set<string>): void {
  const activity = db.select().from(activities).where(eq(activities.id, 1)).get()
  const capacity = activity?.capacity ?? null
  const rows = db.select().from(signups).where(and(eq(signups.activityId, 1), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.queuedAt), asc(signups.id)).all()
  const roster: RosterEntry[] = rows.map(r => ({ id: r.id, seats: 1 + r.companions, status: r.status as RosterEntry['status'], queuedAt: r.queuedAt }))
  const taken = seatsTaken(roster)
  // never more confirmed people than seats
  if (capacity !== null) expect(taken).toBeLessThanOrEqual(capacity)
  // nobody twice
  const keys = rows.map(r => (r.memberId !== null ? `m${r.memberId}` : `g${r.guestName}`))
  expect(new Set(keys).size).toBe(keys.length)
  // nobody waiting fits the seats left (otherwise they would have been admitted or promoted)
  for (const e of waitlist(roster)) expect(capacity !== null && e.seats > capacity - taken).toBe(true)
  // every acknowledged sign-up is there, and nothing else
  expect(rows.length).toBe(expectedLive.size)
  // the activity's counters agree with its sign-ups
  expect({ taken: activity?.seatsTaken, waiting: activity?.waiting }).toEqual({ taken, waiting: waitlist(roster).length })
}
