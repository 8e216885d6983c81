// Table tests for durations as people and config files write them (reminder offsets, 2小时后).
import { describe, expect, it } from 'vitest'
import { parseDuration, parseOffsets } from '../../../src/domain/durations.js'

const MIN = 60_000
const HOUR = 60 * MIN

describe('parseDuration', () => {
  it.each([
    ['24h', 24 * HOUR], ['1.5h', 90 * MIN], ['90s', 90_000], ['30m', 30 * MIN], ['1天', 24 * HOUR], ['2小时', 2 * HOUR],
    ['30分钟', 30 * MIN], ['半小时', 30 * MIN], ['半个小时', 30 * MIN], ['两个小时', 2 * HOUR], ['二十四小时', 24 * HOUR],
    ['一个半小时', 90 * MIN], ['两个半钟头', 150 * MIN], ['十五分钟', 15 * MIN], ['３０分钟', 30 * MIN],
    ['廿分钟', 20 * MIN], ['一百二十分钟', 120 * MIN], ['半天', 12 * HOUR],
  ])('「%s」 → %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', '0小时', '三五分钟', '小时', '两个', 'soon', '-1h'])('「%s」 is unreadable', text => {
    expect(parseDuration(text)).toBeNull()
  })
})

describe('parseOffsets', () => {
  it('reads a list longest first, in Chinese numerals too', () => {
    expect(parseOffsets('两小时、一天，三十分钟')).toEqual([24 * HOUR, 2 * HOUR, 30 * MIN])
    expect(parseOffsets('不提醒')).toEqual([])
    expect(parseOffsets('一天, 好久')).toBeNull()
  })
})
