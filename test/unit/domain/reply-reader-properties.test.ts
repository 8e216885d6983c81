// Properties of the reply reader: it never throws, and every way of writing the same reply (full-width,
// traditional characters, zero-width characters, emoji variation selectors) reads the same.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeReply, readReply } from '../../../src/domain/reply-reader.js'

// what members write, and what they write around it
const REPLIES = ['+1', '报名', '+2', '加一', '十1', '报名，带孩子', '我参加', '算我一个', '报名张三', '报名 读书会', '取消报名',
  '临时加班，取消报名', '-1', '取消', '不去了', '到了', '签到', '1', '我和爱人报名', '报名 2大1小', '+3 一家三口', '收到', '好的',
  '期待', '几点开始？', '代报名 张三 李四', '我的报名', '报名 4 3人', '谢谢组织', '顶', '辛苦了']
const TAILS = ['', '！', '。', '～', ' 👍', '🙏', '(๑•̀ㅂ•́)و✧', '，谢谢', '，辛苦了', '，顶', '[强]', '!!!', '😭']

const TO_TRADITIONAL: Record<string, string> = { 报: '報', 参: '參', 签: '簽', 个: '個', 来: '來', 带: '帶', 属: '屬', 爱: '愛', 谢: '謝', 顶: '頂', 两: '兩', 时: '時', 临: '臨', 书: '書', 读: '讀', 会: '會', 织: '織', 组: '組', 几: '幾', 点: '點', 开: '開' }
const fullWidth = (s: string): string => s.replace(/[!-~]/g, ch => String.fromCharCode(ch.charCodeAt(0) + 0xFEE0)).replace(/ /g, '\u3000')
const traditional = (s: string): string => s.replace(/./gu, ch => TO_TRADITIONAL[ch] ?? ch)

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...REPLIES), fc.constantFrom(...TAILS)).map(([r, t]) => r + t),
  fc.array(fc.constantFrom('+', '1', '加', '一', '报名', '取消', '带', '孩子', '人', '，', ' ', '😀', '?', '-', '十', '2', '大', '小', '我', '参加'), { maxLength: 12 }).map(a => a.join('')),
)

/** The text with zero-width characters put in at the given places (every other place keeps its character). */
const withInvisible = (s: string, seed: number[]): string => {
  const chars = [...s]
  return chars.map((c, i) => (seed[i % seed.length] ?? 0) % 3 === 0 ? `\u200B${c}` : (seed[i % seed.length] ?? 0) % 3 === 1 ? `${c}\uFE0F` : c).join('')
}

describe('readReply properties', () => {
  it('never throws and always gives a reason', () => {
    fc.assert(fc.property(text, s => {
      const r = readReply(s)
      expect(typeof r.reason).toBe('string')
    }), { numRuns: 3000 })
  })

  it('normalising twice is normalising once, and the reading of the normalised text is the same', () => {
    fc.assert(fc.property(text, s => {
      const n = normalizeReply(s)
      expect(normalizeReply(n)).toBe(n)
      expect(readReply(n)).toEqual(readReply(s))
    }), { numRuns: 3000 })
  })

  it('full-width, traditional characters and zero-width characters do not change the reading', () => {
    fc.assert(fc.property(text, fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }), (s, seed) => {
      const plain = readReply(s)
      expect(readReply(fullWidth(s))).toEqual(plain)
      expect(readReply(traditional(s))).toEqual(plain)
      expect(readReply(withInvisible(s, seed))).toEqual(plain)
    }), { numRuns: 2000 })
  })

  it('an emoji or a kaomoji after a reply that acts keeps it the same act', () => {
    fc.assert(fc.property(fc.constantFrom(...REPLIES), fc.constantFrom('👍', '🙏🙏', '😊', '(๑•̀ㅂ•́)و✧', '[强]', '～～'), (reply, tail) => {
      const plain = readReply(reply)
      fc.pre(plain.outcome === 'act')
      // the reason may name the other path (as written / a tail dropped); what is done is the same
      const { reason: _a, ...done } = plain
      const { reason: _b, ...withTail } = readReply(reply + tail)
      expect(withTail).toEqual(done)
    }))
  })

  it('never a party larger than 20 people from a reply that is not refused for it, and never one from a plus of another sign', () => {
    fc.assert(fc.property(fc.integer({ min: -100000, max: 100000 }), n => {
      const r = readReply(`+${n}`)
      if (n < 1) expect(r.outcome).toBe('chatter')
      else if (r.outcome === 'act' && r.reply.kind === 'signup') expect(r.reply.people ?? 1).toBe(n)
    }))
  })
})
