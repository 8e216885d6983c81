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

describe('ArrivalOrder with asynchronous handlings (a database that answers later)', () => {
  const later = (ran: string[], name: string, ms: number) => () => new Promise<void>(resolve => setTimeout(() => { ran.push(name); resolve() }, ms))

  it('starts nothing else until an asynchronous handling settles, then goes on in order (an unnumbered delivery as soon as it may)', async () => {
    const order = new ArrivalOrder()
    const ran: string[] = []
    for (const id of ['a', 'b', 'c']) order.arrived(id)
    order.done('a', later(ran, 'a', 30))
    order.done('c', () => { ran.push('c') })
    order.done('b', later(ran, 'b', 1))
    order.done('unnumbered', () => { ran.push('z') })
    expect(ran).toEqual([])
    expect(order.waiting).toBe(3)
    await new Promise(resolve => setTimeout(resolve, 80))
    expect(ran).toEqual(['a', 'z', 'b', 'c'])
    expect(order.waiting).toBe(0)
  })

  it('goes on after an asynchronous handling fails', async () => {
    const errors: unknown[] = []
    const order = new ArrivalOrder(2000, err => errors.push(err))
    const ran: string[] = []
    order.arrived('a')
    order.arrived('b')
    order.done('a', () => Promise.reject(new Error('connection lost')))
    order.done('b', () => { ran.push('b') })
    await new Promise(resolve => setTimeout(resolve, 10))
    expect(ran).toEqual(['b'])
    expect(errors).toHaveLength(1)
  })
})
