// Table tests for reading organisers' time phrases: the shared corpus, every rule of the contract, and properties.
import { readFileSync } from 'node:fs'
import { PUBLIC_EXAMPLES } from './helpers/public.js'
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseTimePhrase, type TimeParseResult } from '../src/domain/time-phrase.js'
import { daysInMonth, formatIso, toWall, weekdayOf } from '../src/domain/zoned-time.js'

const SHANGHAI = 'Asia/Shanghai'
const NEW_YORK = 'America/New_York'
const SUNDAY = '2026-11-22T10:00:00+08:00' // a Sunday: weeks start on Monday, so 下周六 is six days away
const WEDNESDAY = '2026-11-25T15:00:00+08:00'

/** The outcome as a person would check it: wall times with the zone's offset, or the sentence shown. */
function shown (result: TimeParseResult, timeZone: string): unknown {
  if (!result.ok) return { error: result.error }
  const { start, end, hasTime } = result.value
  return { start: formatIso(start, timeZone), end: end === null ? null : formatIso(end, timeZone), hasTime }
}

interface CorpusRow { now: string, text: string, start: string | null, end: string | null, hasTime?: boolean }

function readCorpus (path: string): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '' && !line.trim().startsWith('//'))
    .map(line => JSON.parse(line) as CorpusRow)
}

/** A corpus as a table: every phrase at its `now` gives exactly its start and end; a null start must be refused. */
function corpusTable (title: string, path: string, size: number): void {
  describe(title, () => {
    const corpus = readCorpus(path)

    it(`has its ${size} phrases`, () => {
      expect(corpus).toHaveLength(size)
    })

    it.each(corpus)('$now 「$text」', ({ now, text, start, end, hasTime }) => {
      const result = parseTimePhrase(text, Date.parse(now), SHANGHAI)
      if (start === null) {
        expect(result.ok, JSON.stringify(result)).toBe(false)
        return
      }
      expect(result.ok && { start: result.value.start, end: result.value.end, hasTime: result.value.hasTime })
        .toEqual({ start: Date.parse(start), end: end === null ? null : Date.parse(end), hasTime: hasTime ?? true })
    })
  })
}

corpusTable('the shared corpus (../shared/examples/time-phrases.jsonl)', `${PUBLIC_EXAMPLES}time-phrases.jsonl`, 25)
// month and year ends, February 2027 and leap 2028, 00:30 on a Sunday: written from the contract's rules by an independent tester
corpusTable('a second corpus at other dates (test/fixtures/time-phrases-more.jsonl)', new URL('./fixtures/time-phrases-more.jsonl', import.meta.url).pathname, 246)
// notices as written: 定于…准时开始, 3天后, 两周后, 九点差一刻, 12月5日(下周六), 中午, 24:00, 14:30pm; also by an independent tester
corpusTable('a third corpus of notice wording (test/fixtures/time-phrases-round3.jsonl)', new URL('./fixtures/time-phrases-round3.jsonl', import.meta.url).pathname, 210)
// issue 14: am/pm never overridden, 9∶00, 廿/卅, 時/點/禮拜, 由…起, 2小时后; refusals of 或 / 另行通知 / a wrong weekday
corpusTable('a fourth corpus of times as notices write them (test/fixtures/time-phrases-notices.jsonl)', new URL('./fixtures/time-phrases-notices.jsonl', import.meta.url).pathname, 119)

interface Accepted { now: string, text: string, start: string, end?: string, hasTime?: boolean, zone?: string }

/** Expected instants are written as formatIso renders them in the row's zone (Shanghai unless given). */
const accepted: Record<string, Accepted[]> = {
  holidays: [
    { now: SUNDAY, text: '元宵节晚上7点', start: '2027-02-20T19:00:00+08:00' },
    { now: SUNDAY, text: '除夕下午3点', start: '2027-02-05T15:00:00+08:00' },
    { now: SUNDAY, text: '春节上午10点', start: '2027-02-06T10:00:00+08:00' },
    { now: SUNDAY, text: '正月初八下午2点', start: '2027-02-13T14:00:00+08:00' },
    { now: SUNDAY, text: '端午节上午9点', start: '2027-06-09T09:00:00+08:00' },
    { now: SUNDAY, text: '中秋节晚上7点', start: '2027-09-15T19:00:00+08:00' },
    { now: SUNDAY, text: '2028年中秋节晚上7点', start: '2028-10-03T19:00:00+08:00' },
    { now: SUNDAY, text: '重阳节上午9点', start: '2027-10-08T09:00:00+08:00' },
    { now: SUNDAY, text: '清明节上午9点', start: '2027-04-05T09:00:00+08:00' },
    { now: SUNDAY, text: '国庆节上午9点', start: '2027-10-01T09:00:00+08:00' },
    { now: SUNDAY, text: '五一上午9点', start: '2027-05-01T09:00:00+08:00' },
    { now: SUNDAY, text: '平安夜晚上7点', start: '2026-12-24T19:00:00+08:00' },
    { now: SUNDAY, text: '圣诞节下午3点-5点', start: '2026-12-25T15:00:00+08:00', end: '2026-12-25T17:00:00+08:00' },
    // on the day itself, the day counts
    { now: '2026-09-25T10:00:00+08:00', text: '中秋节晚上7点', start: '2026-09-25T19:00:00+08:00' },
  ],
  'explicit dates': [
    { now: SUNDAY, text: '11月28日 14:00', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28号 9:30', start: '2026-11-28T09:30:00+08:00' },
    { now: SUNDAY, text: '12.5 下午3点', start: '2026-12-05T15:00:00+08:00' },
    { now: SUNDAY, text: '11.28 14:00', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '12/6 15:00', start: '2026-12-06T15:00:00+08:00' },
    { now: SUNDAY, text: '2026-12-06 15:00', start: '2026-12-06T15:00:00+08:00' },
    { now: SUNDAY, text: '2026/12/06 9:00', start: '2026-12-06T09:00:00+08:00' },
    { now: SUNDAY, text: '12月5日 14.30', start: '2026-12-05T14:30:00+08:00' }, // a dotted pair after a date is the time
    { now: SUNDAY, text: '12月5日下午两点（1点半签到）', start: '2026-12-05T14:00:00+08:00' }, // a note of what comes before is not the time
    // a range over two days with dotted dates keeps its dotted end date; a dotted time after a weekday or a full date
    { now: SUNDAY, text: '11.28 14:00-11.29 12:00', start: '2026-11-28T14:00:00+08:00', end: '2026-11-29T12:00:00+08:00' },
    { now: SUNDAY, text: '12月28日 14:00-12.29 12:00', start: '2026-12-28T14:00:00+08:00', end: '2026-12-29T12:00:00+08:00' },
    { now: SUNDAY, text: '12月5日（周六）14.30', start: '2026-12-05T14:30:00+08:00' },
    { now: SUNDAY, text: '2026.12.5 14.30', start: '2026-12-05T14:30:00+08:00' },
    // 差: the half of the day is the written hour's
    { now: SUNDAY, text: '明天七点差一刻', start: '2026-11-23T06:45:00+08:00' },
    { now: SUNDAY, text: '明天两点差一刻', start: '2026-11-23T13:45:00+08:00' },
    { now: SUNDAY, text: '明天一点差一刻', start: '2026-11-23T12:45:00+08:00' },
    { now: SUNDAY, text: '平安夜7点', start: '2026-12-24T19:00:00+08:00' },
    { now: SUNDAY, text: '五一劳动节上午9点', start: '2027-05-01T09:00:00+08:00' },
    { now: SUNDAY, text: '12.5 14.30-16.30', start: '2026-12-05T14:30:00+08:00', end: '2026-12-05T16:30:00+08:00' },
    { now: SUNDAY, text: '2026年12月6日下午2点', start: '2026-12-06T14:00:00+08:00' },
    { now: SUNDAY, text: '2026.12.6 14:00', start: '2026-12-06T14:00:00+08:00' },
    { now: SUNDAY, text: '十二月五日下午三点', start: '2026-12-05T15:00:00+08:00' },
    { now: SUNDAY, text: '十一月二十八日上午十点半', start: '2026-11-28T10:30:00+08:00' },
    { now: SUNDAY, text: '二十八号 14:00', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28日', start: '2026-11-28T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '12-05 15:00', start: '2026-12-05T15:00:00+08:00' },
    { now: SUNDAY, text: '12-5 下午3点', start: '2026-12-05T15:00:00+08:00' },
    { now: SUNDAY, text: '1-10 9:30', start: '2027-01-10T09:30:00+08:00' },
    { now: SUNDAY, text: '12-05 15:00-17:00', start: '2026-12-05T15:00:00+08:00', end: '2026-12-05T17:00:00+08:00' },
    { now: SUNDAY, text: '12月5日 下午3点（周六）', start: '2026-12-05T15:00:00+08:00' },
  ],
  'years and months that follow from now': [
    { now: SUNDAY, text: '1月10日 9:00', start: '2027-01-10T09:00:00+08:00' },
    { now: SUNDAY, text: '11月22日 9:00', start: '2026-11-22T09:00:00+08:00' }, // today, already past: the caller refuses it
    { now: SUNDAY, text: '11月22日', start: '2026-11-22T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '30号下午2点半', start: '2026-11-30T14:30:00+08:00' },
    { now: SUNDAY, text: '5号 14:00', start: '2026-12-05T14:00:00+08:00' },
    { now: '2026-12-22T10:00:00+08:00', text: '5日', start: '2027-01-05T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '22号 18:00', start: '2026-11-22T18:00:00+08:00' },
    { now: SUNDAY, text: '下个月3号下午2点', start: '2026-12-03T14:00:00+08:00' },
    { now: '2026-12-10T10:00:00+08:00', text: '下月3号', start: '2027-01-03T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '本月20号 10:00', start: '2026-11-20T10:00:00+08:00' },
    { now: SUNDAY, text: '这个月30号', start: '2026-11-30T00:00:00+08:00', hasTime: false },
  ],
  'weekdays, Monday-first': [
    { now: SUNDAY, text: '下周六下午两点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '下周6下午两点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '12月31日 23:00-01:00', start: '2026-12-31T23:00:00+08:00', end: '2027-01-01T01:00:00+08:00' },
    { now: SUNDAY, text: '周六晚上10点到凌晨1点', start: '2026-11-28T22:00:00+08:00', end: '2026-11-29T01:00:00+08:00' },
    { now: SUNDAY, text: '周六晚上10点到早上6点', start: '2026-11-28T22:00:00+08:00', end: '2026-11-29T06:00:00+08:00' },
    { now: SUNDAY, text: '周六 23:00-06:00', start: '2026-11-28T23:00:00+08:00', end: '2026-11-29T06:00:00+08:00' },
    // 次日 / 第二天 put the end on the day after the start, whatever its hour
    { now: SUNDAY, text: '周六晚上8点到次日凌晨1点', start: '2026-11-28T20:00:00+08:00', end: '2026-11-29T01:00:00+08:00' },
    { now: SUNDAY, text: '12月12日下午2点至次日中午12点', start: '2026-12-12T14:00:00+08:00', end: '2026-12-13T12:00:00+08:00' },
    { now: SUNDAY, text: '周六9:00-第二天17:00', start: '2026-11-28T09:00:00+08:00', end: '2026-11-29T17:00:00+08:00' },
    // the week said twice, and 元旦
    { now: SUNDAY, text: '下周周六下午2点', start: '2026-11-28T14:00:00+08:00' },
    { now: WEDNESDAY, text: '这周星期五 14:00', start: '2026-11-27T14:00:00+08:00' },
    { now: SUNDAY, text: '元旦上午9点', start: '2027-01-01T09:00:00+08:00' },
    { now: SUNDAY, text: '星期6 2点钟', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '周7 9:00', start: '2026-11-29T09:00:00+08:00' },
    { now: '2026-12-20T10:00:00+08:00', text: '明年1月3日下午2点', start: '2027-01-03T14:00:00+08:00' },
    { now: '2026-12-20T10:00:00+08:00', text: '今年12月26日 9:30', start: '2026-12-26T09:30:00+08:00' },
    { now: SUNDAY, text: '下周六', start: '2026-11-28T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '周六', start: '2026-11-28T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '周日 11:00', start: '2026-11-22T11:00:00+08:00' },
    { now: SUNDAY, text: '周日 9:00', start: '2026-11-29T09:00:00+08:00' },
    { now: SUNDAY, text: '本周五', start: '2026-11-20T00:00:00+08:00', hasTime: false },
    { now: WEDNESDAY, text: '周三晚上7点', start: '2026-11-25T19:00:00+08:00' },
    { now: WEDNESDAY, text: '周二 19:30', start: '2026-12-01T19:30:00+08:00' },
    { now: WEDNESDAY, text: '下周六', start: '2026-12-05T00:00:00+08:00', hasTime: false },
    { now: WEDNESDAY, text: '下周一 9:00', start: '2026-11-30T09:00:00+08:00' },
    { now: WEDNESDAY, text: '本周五', start: '2026-11-27T00:00:00+08:00', hasTime: false },
    { now: WEDNESDAY, text: '这周一 9:00', start: '2026-11-23T09:00:00+08:00' },
    { now: WEDNESDAY, text: '下下周三 14:00', start: '2026-12-09T14:00:00+08:00' },
    { now: WEDNESDAY, text: '星期天下午3点', start: '2026-11-29T15:00:00+08:00' },
    { now: WEDNESDAY, text: '礼拜六上午10点', start: '2026-11-28T10:00:00+08:00' },
    { now: WEDNESDAY, text: '周六两点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28日(周六)下午2点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28日 周六 14:00', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '周六 11月28日', start: '2026-11-28T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '明天(周一)9点', start: '2026-11-23T09:00:00+08:00' },
  ],
  'times without a date: today if still ahead, else tomorrow': [
    { now: SUNDAY, text: '下午3点', start: '2026-11-22T15:00:00+08:00' },
    { now: WEDNESDAY, text: '下午2点', start: '2026-11-26T14:00:00+08:00' },
    { now: WEDNESDAY, text: '15:00', start: '2026-11-26T15:00:00+08:00' }, // exactly now is not ahead
    { now: WEDNESDAY, text: '20:00', start: '2026-11-25T20:00:00+08:00' },
    { now: SUNDAY, text: '2点', start: '2026-11-22T14:00:00+08:00' }, // a bare 1–6点 is the afternoon
    { now: SUNDAY, text: '14点', start: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '2点半', start: '2026-11-22T14:30:00+08:00' },
    { now: SUNDAY, text: '下午2点15分', start: '2026-11-22T14:15:00+08:00' },
    { now: SUNDAY, text: '下午2点15', start: '2026-11-22T14:15:00+08:00' },
    { now: SUNDAY, text: '下午3点一刻', start: '2026-11-22T15:15:00+08:00' },
    { now: SUNDAY, text: '下午3点三刻', start: '2026-11-22T15:45:00+08:00' },
    { now: SUNDAY, text: '两点', start: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '十点半', start: '2026-11-22T10:30:00+08:00' },
    { now: SUNDAY, text: '十二点', start: '2026-11-22T12:00:00+08:00' },
    { now: SUNDAY, text: '下午三点二十', start: '2026-11-22T15:20:00+08:00' },
    { now: SUNDAY, text: '下午14:00', start: '2026-11-22T14:00:00+08:00' },
  ],
  'qualifiers': [
    { now: SUNDAY, text: '凌晨2点', start: '2026-11-23T02:00:00+08:00' },
    { now: SUNDAY, text: '早上8点', start: '2026-11-23T08:00:00+08:00' },
    { now: SUNDAY, text: '早8点', start: '2026-11-23T08:00:00+08:00' },
    { now: SUNDAY, text: '早晨7点半', start: '2026-11-23T07:30:00+08:00' },
    { now: SUNDAY, text: '上午11点', start: '2026-11-22T11:00:00+08:00' },
    { now: SUNDAY, text: '中午12点半', start: '2026-11-22T12:30:00+08:00' },
    { now: SUNDAY, text: '中午1点', start: '2026-11-22T13:00:00+08:00' },
    { now: SUNDAY, text: '午后3点', start: '2026-11-22T15:00:00+08:00' },
    { now: SUNDAY, text: '傍晚6点', start: '2026-11-22T18:00:00+08:00' },
    { now: SUNDAY, text: '晚上9点', start: '2026-11-22T21:00:00+08:00' },
    { now: SUNDAY, text: '晚8点', start: '2026-11-22T20:00:00+08:00' },
    { now: SUNDAY, text: '夜里11点', start: '2026-11-22T23:00:00+08:00' },
    { now: SUNDAY, text: '晚上12点', start: '2026-11-23T00:00:00+08:00' }, // the midnight ending that evening
  ],
  'day words': [
    { now: SUNDAY, text: '今天下午4点', start: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '今日 16:00', start: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '明天', start: '2026-11-23T00:00:00+08:00', hasTime: false },
    { now: SUNDAY, text: '明日上午9点', start: '2026-11-23T09:00:00+08:00' },
    { now: SUNDAY, text: '后天上午9点', start: '2026-11-24T09:00:00+08:00' },
    { now: SUNDAY, text: '大后天 10:00', start: '2026-11-25T10:00:00+08:00' },
    { now: SUNDAY, text: '今晚八点', start: '2026-11-22T20:00:00+08:00' },
    { now: SUNDAY, text: '明晚7点半', start: '2026-11-23T19:30:00+08:00' },
    { now: SUNDAY, text: '明早9点', start: '2026-11-23T09:00:00+08:00' },
    { now: SUNDAY, text: '明晨8点', start: '2026-11-23T08:00:00+08:00' },
    { now: SUNDAY, text: '今早11点', start: '2026-11-22T11:00:00+08:00' },
  ],
  'ranges and end times': [
    { now: SUNDAY, text: '14:00-16:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '14:00~16:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '14:00–16:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '14:00—16:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '14:00至17:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T17:00:00+08:00' },
    { now: SUNDAY, text: '14:00到17:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T17:00:00+08:00' },
    { now: SUNDAY, text: '下午2点到4点', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '下午2点-4点', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '下午2-4点', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '2点-4点', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '9:00-11:30', start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T11:30:00+08:00' },
    { now: SUNDAY, text: '上午9点到下午5点', start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T17:00:00+08:00' },
    { now: SUNDAY, text: '上午10点到12点', start: '2026-11-23T10:00:00+08:00', end: '2026-11-23T12:00:00+08:00' },
    { now: SUNDAY, text: '晚上7点到9点', start: '2026-11-22T19:00:00+08:00', end: '2026-11-22T21:00:00+08:00' },
    { now: SUNDAY, text: '晚上10点到12点', start: '2026-11-22T22:00:00+08:00', end: '2026-11-23T00:00:00+08:00' },
    { now: SUNDAY, text: '中午12点到2点', start: '2026-11-22T12:00:00+08:00', end: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '12月1日14:00-17:00', start: '2026-12-01T14:00:00+08:00', end: '2026-12-01T17:00:00+08:00' },
    { now: SUNDAY, text: '12月5日下午2点到4点', start: '2026-12-05T14:00:00+08:00', end: '2026-12-05T16:00:00+08:00' },
    { now: SUNDAY, text: '12月1日14:00-12月2日10:00', start: '2026-12-01T14:00:00+08:00', end: '2026-12-02T10:00:00+08:00' },
    { now: SUNDAY, text: '周六14:00到周日12:00', start: '2026-11-28T14:00:00+08:00', end: '2026-11-29T12:00:00+08:00' },
    { now: SUNDAY, text: '今晚8点到明天凌晨1点', start: '2026-11-22T20:00:00+08:00', end: '2026-11-23T01:00:00+08:00' },
  ],
  'a bare hour of 1–6 is the afternoon; 7–12, 0, day parts and 02:00 are as written': [
    { now: SUNDAY, text: '周六两点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '明天3点', start: '2026-11-23T15:00:00+08:00' },
    { now: SUNDAY, text: '两点', start: '2026-11-22T14:00:00+08:00' },
    { now: WEDNESDAY, text: '两点', start: '2026-11-26T14:00:00+08:00' }, // 14:00 has passed: tomorrow
    { now: SUNDAY, text: '1点', start: '2026-11-22T13:00:00+08:00' },
    { now: SUNDAY, text: '六点', start: '2026-11-22T18:00:00+08:00' },
    { now: SUNDAY, text: '2:00', start: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '6:30', start: '2026-11-22T18:30:00+08:00' },
    { now: SUNDAY, text: '两点半', start: '2026-11-22T14:30:00+08:00' },
    { now: SUNDAY, text: '3点一刻', start: '2026-11-22T15:15:00+08:00' },
    { now: SUNDAY, text: '下周六2点半', start: '2026-11-28T14:30:00+08:00' },
    { now: SUNDAY, text: '12月5日3点', start: '2026-12-05T15:00:00+08:00' },
    { now: SUNDAY, text: '今天(周日)3点', start: '2026-11-22T15:00:00+08:00' },
    { zone: NEW_YORK, now: '2026-10-31T12:00:00-04:00', text: '明天1:30', start: '2026-11-01T13:30:00-05:00' },
    { now: SUNDAY, text: '7点', start: '2026-11-23T07:00:00+08:00' },
    { now: SUNDAY, text: '12月5日 7点', start: '2026-12-05T07:00:00+08:00' },
    { now: SUNDAY, text: '12点', start: '2026-11-22T12:00:00+08:00' },
    { now: SUNDAY, text: '0点', start: '2026-11-23T00:00:00+08:00' },
    { now: SUNDAY, text: '19:00', start: '2026-11-22T19:00:00+08:00' },
    { now: SUNDAY, text: '02:00', start: '2026-11-23T02:00:00+08:00' },
    { now: SUNDAY, text: '06:30', start: '2026-11-23T06:30:00+08:00' },
    { now: SUNDAY, text: '凌晨2点', start: '2026-11-23T02:00:00+08:00' },
    { now: SUNDAY, text: '早上6点', start: '2026-11-23T06:00:00+08:00' },
    { now: SUNDAY, text: '上午6点', start: '2026-11-23T06:00:00+08:00' },
    { now: SUNDAY, text: '明早5点半', start: '2026-11-23T05:30:00+08:00' },
    { now: SUNDAY, text: '今晚6点', start: '2026-11-22T18:00:00+08:00' },
    { now: SUNDAY, text: '下周六两点到四点', start: '2026-11-28T14:00:00+08:00', end: '2026-11-28T16:00:00+08:00' },
    { now: SUNDAY, text: '周六2点-4点', start: '2026-11-28T14:00:00+08:00', end: '2026-11-28T16:00:00+08:00' },
    { now: SUNDAY, text: '12月5日 2:00-4:00', start: '2026-12-05T14:00:00+08:00', end: '2026-12-05T16:00:00+08:00' },
    { now: SUNDAY, text: '6点到8点', start: '2026-11-22T18:00:00+08:00', end: '2026-11-22T20:00:00+08:00' },
    { now: SUNDAY, text: '凌晨1点到5点', start: '2026-11-23T01:00:00+08:00', end: '2026-11-23T05:00:00+08:00' },
    { now: SUNDAY, text: '12月5日 02:00-04:00', start: '2026-12-05T02:00:00+08:00', end: '2026-12-05T04:00:00+08:00' },
    { now: SUNDAY, text: '下午2:00-04:00', start: '2026-11-22T14:00:00+08:00', end: '2026-11-22T16:00:00+08:00' },
    { now: SUNDAY, text: '周六14:00到周日2点', start: '2026-11-28T14:00:00+08:00', end: '2026-11-29T14:00:00+08:00' },
    { now: SUNDAY, text: '周六14:00到周六4点', start: '2026-11-28T14:00:00+08:00', end: '2026-11-28T16:00:00+08:00' },
  ],
  'an end earlier than its start, with no day part of its own, is the afternoon': [
    { now: SUNDAY, text: '12月5日 9点到4点', start: '2026-12-05T09:00:00+08:00', end: '2026-12-05T16:00:00+08:00' },
    { now: SUNDAY, text: '上午11点到1点', start: '2026-11-22T11:00:00+08:00', end: '2026-11-22T13:00:00+08:00' },
    { now: SUNDAY, text: '12月5日上午11点到1点', start: '2026-12-05T11:00:00+08:00', end: '2026-12-05T13:00:00+08:00' },
    { now: SUNDAY, text: '上午9点到4点半', start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T16:30:00+08:00' },
    { now: SUNDAY, text: '11点到1点', start: '2026-11-22T11:00:00+08:00', end: '2026-11-22T13:00:00+08:00' },
    { now: SUNDAY, text: '8点到7点', start: '2026-11-23T08:00:00+08:00', end: '2026-11-23T19:00:00+08:00' },
    { now: SUNDAY, text: '9:00-11:30', start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T11:30:00+08:00' },
    { now: SUNDAY, text: '7点到9点', start: '2026-11-23T07:00:00+08:00', end: '2026-11-23T09:00:00+08:00' },
    { now: SUNDAY, text: '12点到2点', start: '2026-11-22T12:00:00+08:00', end: '2026-11-22T14:00:00+08:00' },
  ],
  'a day this month or year lacks: the next month or year that has it': [
    { now: '2026-11-30T10:00:00+08:00', text: '31号下午2点', start: '2026-12-31T14:00:00+08:00' },
    { now: SUNDAY, text: '31号', start: '2026-12-31T00:00:00+08:00', hasTime: false },
    { now: '2027-01-31T10:00:00+08:00', text: '30号下午2点', start: '2027-03-30T14:00:00+08:00' },
    { now: '2028-02-28T10:00:00+08:00', text: '30号下午2点', start: '2028-03-30T14:00:00+08:00' },
    { now: '2028-02-28T10:00:00+08:00', text: '29号下午2点', start: '2028-02-29T14:00:00+08:00' },
    { now: '2027-01-10T10:00:00+08:00', text: '2月29日下午2点', start: '2028-02-29T14:00:00+08:00' },
    { now: SUNDAY, text: '2月29日', start: '2028-02-29T00:00:00+08:00', hasTime: false },
    { now: '2028-02-10T10:00:00+08:00', text: '2月29日下午2点', start: '2028-02-29T14:00:00+08:00' },
    { now: '2026-12-30T10:00:00+08:00', text: '30号下午2点', start: '2026-12-30T14:00:00+08:00' },
    { now: '2026-12-30T10:00:00+08:00', text: '2号下午2点', start: '2027-01-02T14:00:00+08:00' },
  ],
  'a weekday with its date in brackets: the date wins, the weekday is checked': [
    { now: SUNDAY, text: '下周六（11月28日）下午2点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '下周六(28号)下午2点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '下周六（11.28）下午2点', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '周六（11月28日）14:00', start: '2026-11-28T14:00:00+08:00' },
    { now: WEDNESDAY, text: '下周六(11月28日)下午2点', start: '2026-11-28T14:00:00+08:00' }, // the date, not the 下周六 of 12月5日
    { now: SUNDAY, text: '12月5日（六）下午2点', start: '2026-12-05T14:00:00+08:00' },
    { now: SUNDAY, text: '12月5日(周六)下午2点', start: '2026-12-05T14:00:00+08:00' },
    { now: SUNDAY, text: '12.5(六) 14:00', start: '2026-12-05T14:00:00+08:00' },
    { now: SUNDAY, text: '29号（日）下午2点', start: '2026-11-29T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28日(周六)下午2点', start: '2026-11-28T14:00:00+08:00' },
  ],
  'an end with its own date: the first such date from the start\'s, within 7 days': [
    { now: SUNDAY, text: '12月31日20:00-1月1日16:00', start: '2026-12-31T20:00:00+08:00', end: '2027-01-01T16:00:00+08:00' },
    { now: SUNDAY, text: '12月5日14:00-12月12日14:00', start: '2026-12-05T14:00:00+08:00', end: '2026-12-12T14:00:00+08:00' },
    { now: '2026-11-30T10:00:00+08:00', text: '30号14:00-1号10:00', start: '2026-11-30T14:00:00+08:00', end: '2026-12-01T10:00:00+08:00' },
    { now: SUNDAY, text: '2028-11-22 14:00', start: '2028-11-22T14:00:00+08:00' }, // two years ahead, to the day
  ],
  'filler, full-width and spacing': [
    { now: SUNDAY, text: '下午3点开始', start: '2026-11-22T15:00:00+08:00' },
    { now: SUNDAY, text: '14:00整', start: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '下午2点左右', start: '2026-11-22T14:00:00+08:00' },
    { now: SUNDAY, text: '明天下午2点举行', start: '2026-11-23T14:00:00+08:00' },
    { now: SUNDAY, text: '  11月28日，下午2点起  ', start: '2026-11-28T14:00:00+08:00' },
    { now: SUNDAY, text: '11月28日（星期六）１４：００～１６：００', start: '2026-11-28T14:00:00+08:00', end: '2026-11-28T16:00:00+08:00' },
    { now: SUNDAY, text: '１２／６\u3000１５：００', start: '2026-12-06T15:00:00+08:00' },
  ],
  'the configured zone, not the machine\'s (US daylight saving ends 2026-11-01 02:00)': [
    { zone: NEW_YORK, now: '2026-10-31T12:00:00-04:00', text: '明天下午3点', start: '2026-11-01T15:00:00-05:00' },
    { zone: NEW_YORK, now: '2026-10-31T12:00:00-04:00', text: '明天01:30', start: '2026-11-01T01:30:00-04:00' }, // the first 1:30
    { zone: NEW_YORK, now: '2026-11-01T00:30:00-04:00', text: '下午3点', start: '2026-11-01T15:00:00-05:00' },
    { zone: NEW_YORK, now: '2026-10-31T12:00:00-04:00', text: '11月1日 9:00-11:00', start: '2026-11-01T09:00:00-05:00', end: '2026-11-01T11:00:00-05:00' },
    { zone: NEW_YORK, now: '2026-10-30T12:00:00-04:00', text: '周日上午9点', start: '2026-11-01T09:00:00-05:00' },
    // 02:00Z is Sunday 10:00 in Shanghai but still Saturday evening in New York: 明天 differs.
    { zone: NEW_YORK, now: '2026-11-22T02:00:00Z', text: '明天', start: '2026-11-22T00:00:00-05:00', hasTime: false },
    { zone: SHANGHAI, now: '2026-11-22T02:00:00Z', text: '明天', start: '2026-11-23T00:00:00+08:00', hasTime: false },
  ],
}

describe.each(Object.entries(accepted))('%s', (_, rows) => {
  it.each(rows)('$now 「$text」', ({ now, text, start, end, hasTime, zone }) => {
    const timeZone = zone ?? SHANGHAI
    expect(shown(parseTimePhrase(text, Date.parse(now), timeZone), timeZone))
      .toEqual({ start, end: end ?? null, hasTime: hasTime ?? true })
  })
})

const refused: Array<{ now?: string, text: string, error: string }> = [
  { text: '找个周末', error: '「周末」是周六还是周日？请写明是哪一天，例如「周六下午2点」' },
  { text: '本周末下午2点', error: '「周末」是周六还是周日？请写明是哪一天，例如「周六下午2点」' },
  { text: '下午', error: '「下午」没说是几点' },
  { text: '明天下午', error: '「明天下午」没说是几点' },
  { text: '今晚', error: '「今晚」没说是几点' },
  { text: '明天左右吧我再看看', error: '看不懂时间「明天左右吧我再看看」' },
  { text: 'abc', error: '看不懂时间「abc」' },
  { text: '', error: '没有写时间' },
  { text: '   ', error: '没有写时间' },
  { text: '13月5日', error: '没有13月' },
  { text: '25点', error: '看不懂时间「25点」' },
  { text: '24:30', error: '看不懂时间「24:30」' },
  { text: '12月', error: '「12月」没说是哪一天' },
  { text: '11月31日 14:00', error: '11月没有31号' },
  { text: '32号', error: '没有32号' }, // no month has it: refused, not rolled on
  { text: '0号 14:00', error: '没有0号' },
  { text: '2月30日', error: '2月没有30号' },
  { text: '2月30日下午2点', error: '2月没有30号' },
  { now: '2027-01-10T10:00:00+08:00', text: '2027年2月29日', error: '2027年2月没有29号' }, // its year is written, and said
  { text: '本月31号', error: '11月没有31号' }, // so is its month
  { now: '2029-03-01T10:00:00+08:00', text: '2月29日下午2点', error: '2032年2月29日太远了，只能写2年之内的时间' },
  { now: '2027-01-10T10:00:00+08:00', text: '下个月31号', error: '2月没有31号' },
  { text: '11月28日(周五)', error: '11月28日是周六，不是周五' },
  { text: '11月28日 星期五 下午2点', error: '11月28日是周六，不是周五' },
  { text: '明天(周二)', error: '11月23日是周一，不是周二' },
  { text: '下午4点到2点', error: '结束时间早于开始时间' },
  { text: '下午4点到下午2点', error: '结束时间早于开始时间' },
  { text: '16:00-14:00', error: '结束时间早于开始时间' },
  { text: '09:00-02:00', error: '结束时间早于开始时间' }, // 02:00 is written on the 24-hour clock
  { text: '晚上10点到9点', error: '结束时间早于开始时间' },
  { text: '下周六（11月27日）下午2点', error: '11月27日是周五，不是周六' },
  { text: '下周六(29号)下午2点', error: '11月29日是周日，不是周六' },
  { text: '12月5日（日）下午2点', error: '12月5日是周六，不是周日' },
  { text: '12月5日(周五)下午2点', error: '12月5日是周六，不是周五' },
  { text: '12月5日14:00-12月4日16:00', error: '结束时间早于开始时间' }, // not 2027-12-04
  { text: '12月5日14:00-12月5日10:00', error: '结束时间早于开始时间' },
  { now: '2026-11-30T10:00:00+08:00', text: '30号14:00-29号10:00', error: '结束时间早于开始时间' },
  { text: '12月5日14:00-12月12日14:01', error: '结束时间12月12日离开始时间超过7天，请检查日期' },
  { text: '12月5日14:00-12月20日16:00', error: '结束时间12月20日离开始时间超过7天，请检查日期' },
  { text: '2026-12-05 14:00-2027-12-04 16:00', error: '结束时间12月4日离开始时间超过7天，请检查日期' },
  { text: '9999-12-05 14:00', error: '9999年12月5日太远了，只能写2年之内的时间' },
  { text: '2028-11-23 14:00', error: '2028年11月23日太远了，只能写2年之内的时间' },
  { text: '14:00-14:00', error: '结束时间和开始时间相同' },
  { text: '12月1日-12月3日', error: '时间段要写明从几点到几点' },
  { text: '14:00-16:00-18:00', error: '看不懂时间「14:00-16:00-18:00」' },
  { text: '现在', error: '看不懂时间「现在」' },
  { text: '11.28 14:00-11.29', error: '时间段要写明从几点到几点' }, // not 11.29 read as 23:29
  { now: '2036-12-01T10:00:00+08:00', text: '中秋节晚上7点', error: '看不懂时间「中秋节晚上7点」' }, // beyond the table: not guessed
  { text: '中秋节（周五）晚上7点', error: '9月15日是周三，不是周五' }, // a holiday's weekday is checked as a date's
  { text: '14:00 EST', error: '看不懂时间「14:00 EST」' },
  { text: '明天 后天', error: '看不懂时间「明天 后天」' },
  { text: '下午3点报到', error: '看不懂时间「下午3点报到」' },
]

describe('refused, never guessed', () => {
  it.each(refused)('「$text」', ({ now, text, error }) => {
    expect(parseTimePhrase(text, Date.parse(now ?? SUNDAY), SHANGHAI)).toEqual({ ok: false, error })
  })
})

describe('properties', () => {
  const anyNow = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map(d => d.getTime())
  const pad = (n: number): string => String(n).padStart(2, '0')

  it('never throws, and answers with finite instants or a sentence', () => {
    const phraseChars = fc.constantFrom(...'0123456789:.-/~ 年月日号点时分半刻周星期礼拜天上下午中晚早凌晨今明后大本这个整起一二两三四五六七八九十()（）：'.split(''))
    const text = fc.oneof(fc.string(), fc.string({ unit: phraseChars, maxLength: 24 }))
    fc.assert(fc.property(text, anyNow, (phrase, now) => {
      const result = parseTimePhrase(phrase, now, SHANGHAI)
      if (result.ok) {
        const { start, end } = result.value
        return Number.isFinite(start) && (end === null || (Number.isFinite(end) && end > start))
      }
      return typeof result.error === 'string' && result.error.length > 0
    }), { numRuns: 2000 })
  })

  it('reads M月D日 HH:mm as that wall time, this year unless the date has passed (2月29日: the next leap year)', () => {
    const parts = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    fc.assert(fc.property(anyNow, parts, (now, { month, day, hour, minute }) => {
      const today = toWall(now, SHANGHAI)
      const passed = month < today.month || (month === today.month && day < today.day)
      let year = passed ? today.year + 1 : today.year
      const result = parseTimePhrase(`${month}月${day}日 ${pad(hour)}:${pad(minute)}`, now, SHANGHAI)
      if (day > daysInMonth(2024, month)) {
        expect(result).toEqual({ ok: false, error: `${month}月没有${day}号` })
        return
      }
      while (day > daysInMonth(year, month)) year += 1
      const tooFar = year > today.year + 2 || (year === today.year + 2 && (month > today.month || (month === today.month && day > today.day)))
      if (tooFar) {
        expect(result).toEqual({ ok: false, error: `${year}年${month}月${day}日太远了，只能写2年之内的时间` })
        return
      }
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(toWall(result.value.start, SHANGHAI)).toMatchObject({ year, month, day, hour, minute, second: 0 })
      expect(result.value).toMatchObject({ end: null, hasTime: true })
    }), { numRuns: 1000 })
  })

  it('reads a bare HH:mm as the next such time, within a day; 1:00–6:59 without a leading zero in the afternoon', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean())
    fc.assert(fc.property(anyNow, clock, (now, [hour, minute, zeroPadded]) => {
      const result = parseTimePhrase(`${zeroPadded ? pad(hour) : hour}:${pad(minute)}`, now, SHANGHAI)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.value.start).toBeGreaterThan(now)
      expect(result.value.start).toBeLessThanOrEqual(now + 24 * 3600_000)
      const afternoon = !zeroPadded && hour >= 1 && hour <= 6
      expect(toWall(result.value.start, SHANGHAI)).toMatchObject({ hour: afternoon ? hour + 12 : hour, minute })
    }), { numRuns: 500 })
  })

  it('reads 周X HH:mm as the next such weekday and time, within a week', () => {
    const weekdays = ['一', '二', '三', '四', '五', '六', '日']
    const input = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    fc.assert(fc.property(anyNow, input, (now, [weekday, hour, minute]) => {
      const result = parseTimePhrase(`周${weekdays[weekday - 1]} ${pad(hour)}:${pad(minute)}`, now, SHANGHAI)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const wall = toWall(result.value.start, SHANGHAI)
      expect(weekdayOf(wall)).toBe(weekday)
      expect(wall).toMatchObject({ hour, minute })
      expect(result.value.start).toBeGreaterThan(now)
      expect(result.value.start).toBeLessThanOrEqual(now + 7 * 24 * 3600_000)
    }), { numRuns: 500 })
  })
})
