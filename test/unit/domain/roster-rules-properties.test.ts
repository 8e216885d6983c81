// Property tests of the pure roster rules: whatever the roster, promotions never overfill, go in
// arrival order and leave no one waiting who fits the seats left; a newcomer is confirmed exactly
// when the party fits. (The same invariants through the whole command path: test/commands/roster-invariants-properties.test.ts.)
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { admit, promotions, seatsTaken, waitlist, type RosterEntry } from '../../../src/domain/roster.js'

describe('roster rules (pure)', () => {
  const entryArb = fc.record({ seats: fc.integer({ min: 1, max: 4 }), waiting: fc.boolean(), queuedAt: fc.nat(1000) })
  it('promotions never overfill, go in arrival order, and leave no one waiting who fits the seats left', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 20 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }), (raw, capacity) => {
      const roster: RosterEntry[] = raw.map((e, id) => ({ id, seats: e.seats, status: e.waiting ? 'waitlisted' : 'confirmed', queuedAt: e.queuedAt }))
      const taken = seatsTaken(roster)
      const promoted = promotions(roster, capacity)
      const after = roster.map(e => (promoted.includes(e.id) ? { ...e, status: 'confirmed' as const } : e))
      if (capacity !== null) expect(seatsTaken(after) <= Math.max(capacity, taken)).toBe(true)
      // in queue order, and each one promoted fitted the seats the ones before it left
      const queue = waitlist(roster)
      expect(promoted).toEqual(queue.filter(e => promoted.includes(e.id)).map(e => e.id))
      let free = capacity === null ? Infinity : capacity - taken
      for (const e of queue) {
        if (promoted.includes(e.id)) {
          expect(e.seats).toBeLessThanOrEqual(free)
          free -= e.seats
        } else {
          // skipped only because it did not fit what was left at its turn
          expect(e.seats).toBeGreaterThan(free)
        }
      }
      if (capacity === null) expect(waitlist(after)).toEqual([])
    }))
  })

  it('a newcomer is confirmed exactly when the party fits the seats left', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 10 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 4 }), (raw, capacity, seats) => {
      const roster: RosterEntry[] = raw.map((e, id) => ({ id, seats: e.seats, status: e.waiting ? 'waitlisted' : 'confirmed', queuedAt: e.queuedAt }))
      expect(admit(roster, capacity, seats)).toBe(seatsTaken(roster) + seats <= capacity ? 'confirmed' : 'waitlisted')
    }))
  })
})
