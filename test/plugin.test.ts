// The Wechaty plugin on the mock: what it ignores (its own messages, messages from before it
// started, non-text), how a message becomes a record (room, names, mentions of the bot).
import { describe, expect, it } from 'vitest'
import { play } from './helpers/sim.js'

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
      { type: 'message', at: '2026-11-02T09:02:00+08:00', from: '林律师', text: '你好' },
    ])
    expect(out.map(o => o.at)).toEqual(['2026-11-02T09:00:00+08:00', '2026-11-02T09:01:00+08:00'])
    for (const o of out) expect(o.text).toContain('近期')
  })
})
