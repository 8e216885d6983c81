// Message normalisation: full-width folding, zero-width characters, WeChat's odd spaces.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cleanText, normalizeText, splitLeadingId, toHalfWidth } from '../../../src/domain/normalize.js'

describe('normalizeText', () => {
  it.each([
    ['＃活动　主题：沙龙；名额：１２', '#活动 主题:沙龙;名额:12'],
    ['报\u200b名', '报名'],
    ['\ufeff+1', '+1'],
    ['@新联小助手\u2005帮助', '@新联小助手 帮助'],
    ['  报名   4  ', '报名 4'],
    ['＋１', '+1'],
    ['#活动\r\n主题：a  b\r\n\r\n时间：明天', '#活动\n主题:a b\n\n时间:明天'],
    ['（周六）', '(周六)'],
    ['，', ','],
    // control characters and half surrogate pairs are nothing anyone typed; a whole pair (emoji) stays
    ['报名\u0000', '报名'],
    ['主题：a\u0007b\u0008c', '主题:abc'],
    ['刘\u001b一\u0085', '刘一'],
    ['\ud800沙龙\udc00', '沙龙'],
    ['报名🙏', '报名🙏'],
    ['a\tb', 'a b'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('keeps what people wrote in the clean layer', () => {
    expect(cleanText('主题：同心大讲堂：民营经济　促进法')).toBe('主题：同心大讲堂：民营经济 促进法')
  })

  it('has both layers the same length, so positions carry over', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), s => {
      const clean = cleanText(s)
      expect(toHalfWidth(clean)).toHaveLength(clean.length)
    }))
  })

  it('is idempotent and never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
      const once = normalizeText(s)
      expect(normalizeText(once)).toBe(once)
    }))
  })

  it('finds a leading activity id', () => {
    expect(splitLeadingId('＃４ 场地冲突')).toEqual({ id: 4, rest: '场地冲突' })
    expect(splitLeadingId('12')).toEqual({ id: 12, rest: '' })
    expect(splitLeadingId('场地')).toEqual({ id: null, rest: '场地' })
  })
})
