// The Wechaty plugin on the mock: what it ignores (its own messages, messages from before it
// started, non-text), how a message becomes a record (room, names, mentions of the bot).
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { ScanStatus, WechatyBuilder } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { createApp } from '../../src/app.js'
import { activityBot } from '../../src/chat/plugin.js'
import { FakeClock } from '../../src/core/clock.js'
import { openDb } from '../../src/db/open.js'
import { testSettings } from '../helpers/core.js'
import { play } from '../helpers/sim.js'

const ROOM = '鹿城新联会'
const setup = { type: 'setup', bot: '新联小助手', admins: ['周会长'], rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: ['周会长', '林律师'] }] }

describe('the Wechaty plugin', () => {
  it('ignores the bot’s own messages and messages sent before it started', async () => {
    const { out, sim } = await play([setup, { type: 'advance', to: '2026-11-02T09:00:00+08:00' }], { keepOpen: true })
    const now = sim.clock.now()
    await sim.deliver({ id: 'own', at: now, from: '新联小助手', room: ROOM, text: '#帮助' })
    await sim.deliver({ id: 'old', at: now - 3600_000, from: '林律师', room: ROOM, text: '#帮助' })
    await sim.deliver({ id: 'new', at: now, from: '林律师', room: ROOM, text: '#帮助' })
    await sim.finish()
    expect(out).toHaveLength(1)
  })

  it('answers when @mentioned by name or by a group nickname, and not in private chatter', async () => {
    const { out } = await play([
      setup,
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: ROOM, from: '林律师', text: '@新联小助手\u2005近期活动', mentions: ['新联小助手'] },
      { type: 'message', at: '2026-11-02T09:01:00+08:00', room: ROOM, from: '林律师', text: '@小助手 近期活动', mentions: ['新联小助手'] },
      { type: 'message', at: '2026-11-02T09:02:00+08:00', from: '林律师', text: '你好，明天见' },
    ])
    expect(out.map(o => o.at)).toEqual(['2026-11-02T09:00:00+08:00', '2026-11-02T09:01:00+08:00'])
    for (const o of out) expect(o.text).toContain('近期')
  })
})

describe('a burst of messages', () => {
  it('is handled in the order it arrived, so nobody’s 取消报名 overtakes their 报名', async () => {
    const crowd = Array.from({ length: 80 }, (_, i) => `成员${i + 1}`)
    const { sim } = await play([
      { ...setup, rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: ['周会长', ...crowd] }] },
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: ROOM, from: '周会长', text: '#活动 主题：沙龙；时间：11月7日 14:00；名额：40' },
    ], { keepOpen: true })
    const db = sim.currentCore.db
    const now = sim.clock.now()
    // everyone signs up and at once cancels, all delivered back to back without waiting
    crowd.forEach((name, i) => {
      sim.currentWorld.deliver({ id: `in-${i}`, at: now, from: name, room: ROOM, text: '报名', mentions: [] })
      sim.currentWorld.deliver({ id: `out-${i}`, at: now, from: name, room: ROOM, text: '取消报名', mentions: [] })
    })
    const handled = (): number => (db.$client.prepare('SELECT count(*) FROM handled_messages').pluck().get() as number)
    for (let i = 0; i < 200 && handled() < 161; i++) await new Promise(resolve => setTimeout(resolve, 50))
    const refusals = db.$client.prepare("SELECT count(*) FROM outbox WHERE body LIKE '%没有可以取消%'").pluck().get()
    const live = db.$client.prepare("SELECT count(*) FROM signups WHERE status <> 'cancelled'").pluck().get()
    const total = handled()
    await sim.finish()
    expect(total).toBe(161)
    expect(refusals).toBe(0)
    expect(live).toBe(0)
  }, 60_000)
})

describe('a slow message before a fast one', () => {
  it('keeps its place: the seat goes to whoever asked first', async () => {
    const crowd = Array.from({ length: 200 }, (_, i) => `成员${i + 1}`)
    const { sim } = await play([
      { ...setup, rooms: [{ topic: ROOM, owner: '周会长', enabled: true, members: ['周会长', '林律师', ...crowd] }] },
      { type: 'message', at: '2026-11-02T09:00:00+08:00', room: ROOM, from: '周会长', text: '#活动 主题：沙龙；时间：11月7日 14:00；名额：1' },
    ], { keepOpen: true })
    const db = sim.currentCore.db
    const now = sim.clock.now()
    // 代报名 needs the room's member list (a slow look-up); the 报名 right after it does not
    sim.currentWorld.deliver({ id: 'slow', at: now, from: '林律师', room: ROOM, text: '代报名 刘护士', mentions: [] })
    sim.currentWorld.deliver({ id: 'fast', at: now, from: '成员1', room: ROOM, text: '报名', mentions: [] })
    const handled = (): number => (db.$client.prepare('SELECT count(*) FROM handled_messages').pluck().get() as number)
    for (let i = 0; i < 200 && handled() < 3; i++) await new Promise(resolve => setTimeout(resolve, 25))
    const confirmed = db.$client.prepare("SELECT coalesce(guest_name, (SELECT name FROM members m WHERE m.id = member_id)) FROM signups WHERE status = 'confirmed'").pluck().all()
    await sim.finish()
    expect(confirmed).toEqual(['刘护士'])
  }, 60_000)
})

describe('logging in', () => {
  it('shows the QR code on the terminal and its URL in the log when WeChat asks for a scan', async () => {
    const logs: Array<Record<string, unknown>> = []
    const log = pino({ level: 'info' }, new Writable({ write (chunk, _enc, done) { logs.push(JSON.parse(String(chunk)) as Record<string, unknown>); done() } }))
    const store = openDb(':memory:')
    const mocker = new mock.Mocker()
    mocker.use(m => { m.scan('https://login.weixin.qq.com/l/abc123', ScanStatus.Waiting); return () => {} })
    const bot = WechatyBuilder.build({ name: 'scan-test', puppet: new PuppetMock({ mocker }) })
    bot.use(activityBot({ core: createApp({ db: store.db, clock: new FakeClock(Date.now()), log, settings: testSettings(), autoSend: false }), log }))
    const written: string[] = []
    const original = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string | Uint8Array) => { written.push(String(chunk)); return true }) as typeof process.stderr.write
    try {
      await bot.start()
      for (let i = 0; i < 50 && !logs.some(l => l['url']); i++) await new Promise(resolve => setTimeout(resolve, 20))
    } finally {
      process.stderr.write = original
      await bot.stop()
      store.close()
    }
    expect(logs.find(l => l['url'])?.['url']).toBe('https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc123')
    expect(written.join('')).toMatch(/[▄▀█]/)
  })
})
