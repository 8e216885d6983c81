// The outbox on a fake clock: one message per interval, long text split on lines, failed sends
// retried with backoff without holding up other rooms, stale messages dropped, nothing lost or
// repeated across a restart.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { eq } from 'drizzle-orm'
import { Outbox, type Destination, type Sender } from '../../src/chat/outbox.js'
import { createRenderer } from '../../src/chat/render.js'
import { MESSAGE_LIMIT, splitText } from '../../src/chat/split.js'
import { FakeClock } from '../../src/core/clock.js'
import type { Person } from '../../src/domain/records.js'
import { openDb, type OpenDb } from '../../src/db/open.js'
import { enqueueText } from '../../src/db/outbox-store.js'
import { ensureRoom } from '../../src/db/membership.js'
import { outbox } from '../../src/db/schema.js'
import { silentLogger } from '../../src/log.js'

class RecordingSender implements Sender {
  sent: Array<{ at: number, to: string, text: string, mentions: string[] }> = []
  failing = new Set<string>()
  attempts = 0
  constructor (private readonly clock: FakeClock) {}
  async sendText (to: Destination, text: string, mentions: readonly Person[]): Promise<void> {
    this.attempts++
    const name = to.kind === 'room' ? to.topic : to.name
    if (this.failing.has(name)) throw new Error(`puppet refused ${name}`)
    this.sent.push({ at: this.clock.now(), to: name, text, mentions: mentions.map(m => m.name) })
  }

  async sendFile (): Promise<void> {}
}

let store: OpenDb
afterEach(() => store?.close())

function setup (opts: { intervalMs?: number, maxAgeMs?: number, auto?: boolean } = {}) {
  const clock = new FakeClock(Date.parse('2026-11-02T09:00:00+08:00'))
  store = openDb(':memory:')
  const db = store.db
  const a = ensureRoom(db, { id: 'a@chatroom', topic: '甲群' }, clock.now())
  const b = ensureRoom(db, { id: 'b@chatroom', topic: '乙群' }, clock.now())
  const sender = new RecordingSender(clock)
  const make = (): Outbox => new Outbox({
    db, clock, log: silentLogger,
    render: createRenderer({ db, timeZone: 'Asia/Shanghai', defaultOffsets: [] }),
    intervalMs: opts.intervalMs ?? 1500,
    maxAgeMs: opts.maxAgeMs ?? 2 * 3600_000,
    auto: opts.auto,
  })
  const box = make()
  box.attach(sender)
  /** runs the outbox like the replay does, until `until` */
  const runUntil = async (o: Outbox, until: number): Promise<void> => {
    for (let i = 0; i < 10_000; i++) {
      const due = o.nextDue()
      if (due === null || due > until) break
      clock.set(Math.max(due, clock.now()))
      await o.pump(clock.now())
    }
  }
  return { clock, db, rooms: { a: a.id, b: b.id }, sender, box, make, runUntil }
}

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('报名成功')).toEqual(['报名成功'])
  })

  it('cuts long text on line boundaries, every part under the limit', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. 第${i + 1}位成员的名字和单位信息`)
    const parts = splitText(lines.join('\n'))
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT)
    expect(parts.join('\n')).toBe(lines.join('\n'))
  })

  it('never sends a heading alone, and cuts a long list of names after a name', () => {
    const names = Array.from({ length: 300 }, (_, i) => `窦菊国${i}·瓯海数字经济产业园`)
    const text = `【活动 #1】新联会年度联欢晚会\n报名成功（300人）：${names.join('、')}\n当前已报名300人`
    const parts = splitText(text)
    expect(parts[0]?.startsWith('【活动 #1】新联会年度联欢晚会\n报名成功（300人）：窦菊国0·')).toBe(true)
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT)
      // each part ends after a whole name (or is the last)
      if (p !== parts.at(-1)) expect(p.endsWith('、')).toBe(true)
    }
    expect(parts.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''))
  })

  it('cuts a single overlong line without losing characters', () => {
    const line = '很长的一句话，'.repeat(600)
    const parts = splitText(line, 1500)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1500)
    expect(parts.join('')).toBe(line)
  })
})

describe('Outbox', () => {
  it('sends at most one message per interval', async () => {
    const { clock, db, rooms, sender, box, runUntil } = setup()
    for (let i = 0; i < 4; i++) enqueueText(db, { roomId: rooms.a }, `消息${i}`, [], clock.now())
    await runUntil(box, clock.now() + 60_000)
    expect(sender.sent.map(s => s.text)).toEqual(['消息0', '消息1', '消息2', '消息3'])
    const gaps = sender.sent.slice(1).map((s, i) => s.at - (sender.sent[i]?.at ?? 0))
    expect(gaps).toEqual([1500, 1500, 1500])
  })

  it('splits a long message and keeps the mentions on the first part', async () => {
    const { clock, db, rooms, sender, box, runUntil } = setup()
    const text = Array.from({ length: 200 }, (_, i) => `${i + 1}. 成员${i + 1} 鹿城区某某律师事务所`).join('\n')
    enqueueText(db, { roomId: rooms.a }, text, [{ id: 'wxid_1', name: '林律师' }], clock.now())
    await runUntil(box, clock.now() + 60_000)
    expect(sender.sent.length).toBeGreaterThan(2)
    expect(sender.sent[0]?.mentions).toEqual(['林律师'])
    expect(sender.sent.slice(1).every(s => s.mentions.length === 0)).toBe(true)
    expect(sender.sent.map(s => s.text).join('\n')).toBe(text)
    for (const s of sender.sent) expect(s.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT)
  })

  it('retries a failed send with backoff without blocking another room, then gives up and logs', async () => {
    const { clock, db, rooms, sender, box, runUntil } = setup()
    sender.failing.add('甲群')
    const stuck = enqueueText(db, { roomId: rooms.a }, '甲群的消息', [], clock.now())
    enqueueText(db, { roomId: rooms.a }, '甲群的第二条', [], clock.now())
    enqueueText(db, { roomId: rooms.b }, '乙群的消息', [], clock.now())
    const start = clock.now()
    await runUntil(box, start + 10_000)
    expect(sender.sent.map(s => s.to)).toEqual(['乙群'])
    sender.failing.clear()
    await runUntil(box, start + 3600_000)
    expect(sender.sent.map(s => s.text)).toEqual(['乙群的消息', '甲群的消息', '甲群的第二条'])
    expect(db.select().from(outbox).where(eq(outbox.id, stuck)).get()?.attempts).toBeGreaterThan(0)

    sender.failing.add('乙群')
    const doomed = enqueueText(db, { roomId: rooms.b }, '永远失败', [], clock.now())
    await runUntil(box, clock.now() + 3600_000)
    expect(db.select().from(outbox).where(eq(outbox.id, doomed)).get()?.status).toBe('failed')
  })

  it('drops a message that became stale instead of sending it late', async () => {
    const { clock, db, rooms, sender, make } = setup({ maxAgeMs: 2 * 3600_000 })
    const id = enqueueText(db, { roomId: rooms.a }, '早就该发的', [], clock.now())
    clock.advance(3 * 3600_000)
    const late = make()
    late.attach(sender)
    await late.pump(clock.now())
    expect(sender.sent).toEqual([])
    expect(db.select().from(outbox).where(eq(outbox.id, id)).get()?.status).toBe('dropped')
  })

  it('after a restart sends what was decided but not sent, once', async () => {
    const { clock, db, rooms, sender, box, make, runUntil } = setup()
    for (let i = 0; i < 3; i++) enqueueText(db, { roomId: rooms.a }, `消息${i}`, [], clock.now())
    await box.pump(clock.now())
    expect(sender.sent).toHaveLength(1)
    box.detach() // the process dies here
    const again = make()
    again.attach(sender)
    await runUntil(again, clock.now() + 60_000)
    expect(sender.sent.map(s => s.text)).toEqual(['消息0', '消息1', '消息2'])
  })

  it('drains everything at shutdown without waiting for the clock', async () => {
    const { clock, db, rooms, sender, box } = setup()
    for (let i = 0; i < 5; i++) enqueueText(db, { roomId: rooms.b }, `消息${i}`, [], clock.now())
    await box.drain({ realTime: false })
    expect(sender.sent).toHaveLength(5)
  })

  describe('driving itself with timers (production)', () => {
    afterEach(() => vi.useRealTimers())

    it('wakes once per due time: a retry waiting in one room neither spins nor holds up another', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const { clock, db, rooms, sender, box } = setup({ auto: true })
      /** moves the fake clock and the timers together, in small steps as real time does */
      const advance = async (ms: number): Promise<void> => {
        for (let step = 0; step < ms; step += 100) {
          clock.advance(100)
          await vi.advanceTimersByTimeAsync(100)
        }
      }
      sender.failing.add('甲群')
      enqueueText(db, { roomId: rooms.a }, '甲群的消息', [], clock.now())
      enqueueText(db, { roomId: rooms.a }, '甲群的第二条', [], clock.now())
      box.wake()
      await advance(1000)
      expect(sender.attempts).toBe(1) // failed, retry in 5 s; the second row waits behind it
      // messages keep arriving (a wake each): nothing is due, so nothing is tried, nor even looked at
      const pumps = vi.spyOn(box, 'pump')
      for (let i = 0; i < 50; i++) box.wake()
      await advance(2000)
      expect(sender.attempts).toBe(1)
      expect(pumps.mock.calls.length).toBeLessThanOrEqual(1)
      enqueueText(db, { roomId: rooms.b }, '乙群的消息', [], clock.now())
      box.wake()
      await advance(500)
      expect(sender.sent.map(s => s.text)).toEqual(['乙群的消息'])
      sender.failing.clear()
      await advance(5000)
      expect(sender.sent.map(s => s.text)).toEqual(['乙群的消息', '甲群的消息', '甲群的第二条'])
      expect(sender.attempts).toBe(4)
      box.detach()
    })
  })
})
