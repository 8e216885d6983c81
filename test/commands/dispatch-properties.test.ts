// Property tests on dispatch: whatever anyone types, the bot never fails inside; chatter changes
// nothing and gets no reply; input limits are refused with the limit.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commands } from '../../commands/index.js'
import { outbox } from '../../src/db/schema.js'
import { createTestBot } from '../helpers/core.js'

const words = commands.flatMap(c => [c.name, ...(c.aliases ?? [])])
const pieces = ['报名', '+1', '-1', '取消报名', '签到', '代报名', '#接龙', '\n1. ', '主题：', '时间：', '名额：', '；', '12月5日', '下午3点', '-', '到', '人', '#', '＃', '1', '2', '99999999999', '「', '」', '\n- - - - - -\n', '【活动 #1】', '@', ' ', '\u200b', '：', '备注', '实到', '2026-11', '无', '不限']

const textArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map(p => p.join('')),
  fc.tuple(fc.constantFrom('#', '/', '＃', '@新联小助手 '), fc.constantFrom(...words), fc.array(fc.constantFrom(...pieces), { maxLength: 8 })).map(([p, w, rest]) => `${p}${w}${rest.join('')}`),
)

describe('dispatch of arbitrary text', () => {
  it('never fails inside, whoever sends it and whatever it says', () => {
    const bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00；名额：3')
    bot.say('周会长', '#活动 主题：讲座；时间：11月21日 14:00')
    try {
      fc.assert(fc.property(fc.constantFrom('周会长', '林律师', '王会计'), textArb, fc.boolean(), (who, text, inRoom) => {
        const outcome = bot.say(who, text, inRoom ? {} : { room: null })
        expect(['chatter', 'handled', 'refused', 'duplicate', 'disabled']).toContain(outcome)
      }), { numRuns: 1500 })
    } finally {
      bot.close()
    }
  })

  it('changes nothing and says nothing for chatter', () => {
    const bot = createTestBot()
    bot.say('周会长', '#活动 主题：沙龙；时间：11月20日 14:00')
    try {
      fc.assert(fc.property(fc.string({ maxLength: 200 }).filter(s => !/^[\s\u200b]*[#＃/@「]/.test(s)), text => {
        // some short strings are replies now (+, 1, 到): compare with what was there just before this one
        const before = bot.store.db.select().from(outbox).all().length
        const outcome = bot.say('林律师', text)
        if (outcome === 'chatter') expect(bot.store.db.select().from(outbox).all().length).toBe(before)
      }), { numRuns: 500 })
    } finally {
      bot.close()
    }
  })
})

describe('input limits', () => {
  it('refuse an overlong command with the limit', async () => {
    const bot = createTestBot()
    expect(bot.say('周会长', `#活动 主题：沙龙；时间：11月20日 14:00；说明：${'很长'.repeat(35_000)}`)).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('最多60000字')
    expect(bot.say('林律师', `${'报名'.repeat(40_000)}`)).toBe('chatter')
    // a 说明 over its own limit is refused by the field, with its limit
    expect(bot.say('周会长', `#活动 主题：沙龙；时间：11月20日 14:00；说明：${'很长'.repeat(15_000)}`)).toBe('refused')
    expect((await bot.take())[0]?.text).toContain('「说明」太长了（最多500个字）')
    bot.close()
  })

  // Linear-time reading of long messages: runs of newlines, closing punctuation and separator lines
  // under the length limit each took tens of seconds when a pattern anchored at the end backtracked
  // over the whole text. No duration is asserted; the timeout (far above the milliseconds these
  // take now) is what the quadratic path would hit.
  it('reads long messages without backtracking over them', () => {
    const bot = createTestBot()
    for (const text of [
      `今天${'\n'.repeat(59_000)}好`,
      `「${'\n'.repeat(59_000)}」`,
      `「引用」\n${'- - -\n'.repeat(9_800)}`,
      `报名${'！'.repeat(59_000)}x`,
      `+1${' '.repeat(59_000)}.x`,
    ]) expect(bot.say('林律师', text)).toBe('chatter')
    bot.close()
  }, 30_000)
})
