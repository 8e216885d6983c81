// Handling in arrival order, whatever order Wechaty finishes its look-ups in.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ArrivalOrder } from '../../../src/chat/arrival-order.js'

afterEach(() => { vi.useRealTimers() })

describe('ArrivalOrder', () => {
  it('runs handlings in the order the messages arrived', () => {
    const order = new ArrivalOrder()
    const ran: string[] = []
    for (const id of ['a', 'b', 'c', 'd']) order.arrived(id)
    order.done('c', () => ran.push('c'))
    order.done('b', () => ran.push('b'))
    expect(ran).toEqual([])
    order.done('a', () => ran.push('a'))
    expect(ran).toEqual(['a', 'b', 'c'])
    order.done('d', () => ran.push('d'))
    expect(ran).toEqual(['a', 'b', 'c', 'd'])
  })

  it('numbers duplicate deliveries separately, and runs unnumbered ones at once', () => {
    const order = new ArrivalOrder()
    const ran: string[] = []
    order.arrived('x')
    order.arrived('y')
    order.arrived('x')
    order.done('x', () => ran.push('x1'))
    order.done('x', () => ran.push('x2'))
    order.done('never-numbered', () => ran.push('z'))
    expect(ran).toEqual(['x1', 'z'])
    order.done('y', () => ran.push('y'))
    expect(ran).toEqual(['x1', 'z', 'y', 'x2'])
  })

  it('goes on without a delivery that never reaches the plugin', () => {
    vi.useFakeTimers()
    const order = new ArrivalOrder(2000)
    const ran: string[] = []
    order.arrived('lost')
    order.arrived('b')
    order.done('b', () => ran.push('b'))
    expect(ran).toEqual([])
    vi.advanceTimersByTime(2000)
    expect(ran).toEqual(['b'])
    expect(order.waiting).toBe(0)
  })

  it('keeps going when one handling throws', () => {
    const errors: unknown[] = []
    const order = new ArrivalOrder(2000, err => errors.push(err))
    const ran: string[] = []
    order.arrived('a')
    order.arrived('b')
    order.done('b', () => ran.push('b'))
    order.done('a', () => { throw new Error('bug') })
    expect(ran).toEqual(['b'])
    expect(errors).toHaveLength(1)
  })
})
