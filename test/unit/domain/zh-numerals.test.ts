// Table tests for the one reader of Chinese numerals (time phrases, durations, report periods and member replies use it).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findZhNumbers, readZhNumber, zhNumeralsToDigits } from '../../../src/domain/zh-numerals.js'

describe('readZhNumber: a whole string as a count', () => {
  it.each([
    ['0', 0], ['3', 3], ['30', 30], ['３０', 30], ['１２０', 120], [' 12 ', 12],
    ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['俩', 2], ['倆', 2], ['三', 3], ['仨', 3], ['九', 9],
    ['十', 10], ['十二', 12], ['一十二', 12], ['二十', 20], ['二十八', 28], ['三十一', 31], ['九十九', 99],
    ['廿', 20], ['廿六', 26], ['廿八', 28], ['卅', 30], ['卅一', 31], ['卌', 40],
    ['一百', 100], ['两百', 200], ['一百二十', 120], ['一百零五', 105], ['一百二', 120], ['二百五', 250],
    ['一千零五十', 1050], ['两千五', 2500], ['三万五千', 35000], ['拾', 10], ['壹', null],
    ['二〇二七', 2027], ['二零二六', 2026], ['一九九八', 1998],
  ])('「%s」 → %s', (raw, value) => {
    expect(readZhNumber(raw)).toBe(value)
  })

  it.each([
    ['', '空'], ['三五', 'a few (三五个人), not 35'], ['十几', 'more than ten'], ['一二三', 'digits without units, too short for a year'],
    ['二〇', 'two digits'], ['十十', 'a unit doubled'], ['百', 'a unit alone'], ['一百零', 'a 零 waiting for its digit'],
    ['廿十', 'tens twice'], ['半', 'a half is not a count'], ['3.5', 'not whole'], ['-2', 'negative'], ['十二月', 'a word after it'],
    ['二十8', 'mixed'], ['两个', 'a measure word'],
  ])('「%s」 is no number (%s)', raw => {
    expect(readZhNumber(raw)).toBeNull()
  })

  it('reads every number from 0 to 99 written the usual way', () => {
    const ones = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    const written = (n: number): string => n < 10 ? (n === 0 ? '零' : ones[n] ?? '') : `${n < 20 ? '' : ones[Math.floor(n / 10)]}十${ones[n % 10]}`
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), n => readZhNumber(written(n)) === n))
  })
})

describe('numerals inside text', () => {
  it('finds each one and where it stands', () => {
    expect(findZhNumbers('我们三个人，加上家属共十二位')).toEqual([
      { index: 2, text: '三', value: 3 },
      { index: 11, text: '十二', value: 12 },
    ])
    expect(findZhNumbers('名额30人（含2名工作人员）')).toEqual([
      { index: 2, text: '30', value: 30 },
      { index: 7, text: '2', value: 2 },
    ])
    expect(findZhNumbers('没有数字')).toEqual([])
  })

  it('writes in digits the numerals a caller accepts', () => {
    expect(zhNumeralsToDigits('二〇二七年十二月廿六日')).toBe('2027年12月26日')
    expect(zhNumeralsToDigits('三五个人')).toBe('三五个人') // no number: left as written
    const beforeDian = (m: { index: number, text: string }, text: string): boolean => text.slice(m.index + m.text.length).startsWith('点')
    expect(zhNumeralsToDigits('星期六下午两点', beforeDian)).toBe('星期六下午2点')
    expect(zhNumeralsToDigits('十二点半 第二场', beforeDian)).toBe('12点半 第二场')
  })
})
