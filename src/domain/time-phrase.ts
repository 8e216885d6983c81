// Reads the activity times Chinese organisers type (下周六下午两点, 12.5 14:00-16:00) into instants in the group's zone.
// only the zh locale: the package root loads every language chrono knows (three times the start-up cost)
import * as zh from 'chrono-node/zh'
import type { ParsedComponents, Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node'
import { parseDuration } from './durations.js'
import { HOLIDAY_WORDS, holidayDate } from './holidays.js'
import { readZhNumber, ZH_NUMERAL_CHARS, zhNumeralsToDigits } from './zh-numerals.js'
import { addDays, daysInMonth, fromWall, toWall, weekdayOf, weekdayZh } from './zoned-time.js'

/**
 * `dated`: the phrase named a day (明天, 周六, 12月5日, 2小时后); 下午3点 alone did not, so it means today or tomorrow.
 * `startMinutes`: the start's clock as written, in minutes after midnight (晚上12点 = 1440, the midnight ending that day).
 * `rest`: the words after the time that were left unread ('' unless `trailingWords` was asked for): 理论授课, 签到,
 * 在同心荟举行, 前向秘书处报名. A time in them is never read; what they say about the time (签到, 前) is the caller's.
 */
export interface TimeSpan { start: number; end: number | null; hasTime: boolean; dated: boolean; startMinutes: number; rest: string }
export type TimeParseResult = { ok: true, value: TimeSpan } | { ok: false, error: string }

export interface PhraseOptions {
  /**
   * A notice's line may go on after its time (上午九点至十一点半 理论授课, 下午2:30 签到): read the time it starts with and
   * return the words after it as `rest`. Without it (a `时间：` field) every word must be understood, as before.
   */
  trailingWords?: boolean
}

interface CalendarDate { year: number; month: number; day: number }

/** A wall-clock reading. hour 24 is the midnight that ends the day: 晚上12点. */
/** An hour and minute of the day as written (not the time source: that is core/clock.ts). */
interface TimeOfDay { hour: number; minute: number }

type DayPart = 'early' | 'morning' | 'noon' | 'afternoon' | 'evening'

/** What the text says about the day, before it is pinned to a date relative to now. Weekdays are ISO (Monday = 1). */
type DaySpec =
  | { kind: 'date', date: CalendarDate, weekday: number | null } // 明天, 下周六, 2026年12月6日, 下个月3号
  | { kind: 'monthDay', month: number, day: number, weekday: number | null } // 11月28日: the year follows from now
  | { kind: 'dayOfMonth', day: number, weekday: number | null } // 30号: the month follows from now
  | { kind: 'weekday', weekday: number } // 周六: the next such day
  | { kind: 'none' } // 下午3点: today or tomorrow

/** One side of a phrase: its start, or the end of a range. */
interface Side {
  day: DaySpec
  /** As written: a bare 2点 is still 02:00 here (see assumeAfternoon). */
  clock: TimeOfDay | null
  dayPart: DayPart | null
  /** The hour was written with a leading zero (02:00): the 24-hour clock, never moved to the afternoon. */
  zeroPadded: boolean
}

/** The instant the organiser typed, and where. */
interface Anchor { now: number; timeZone: string; today: CalendarDate }

/**
 * Reads one phrase typed at `now` (epoch ms), all wall times in `timeZone`. A date alone gives its 00:00 with hasTime
 * false; past times are returned as read (the caller refuses them). Any text gets an answer, never an exception.
 */
export function parseTimePhrase (text: string, now: number, timeZone: string, options: PhraseOptions = {}): TimeParseResult {
  const written = text.trim()
  if (written === '') return { ok: false, error: '没有写时间' }
  if (/周末|週末/.test(written)) return { ok: false, error: '「周末」是周六还是周日？请写明是哪一天，例如「周六下午2点」' }
  try {
    refuseUndecided(written)
    const wall = toWall(now, timeZone)
    const today = { year: wall.year, month: wall.month, day: wall.day }
    const relative = readRelative(normalise(written, today), now, timeZone)
    if (relative !== null) return { ok: true, value: relative }
    try {
      return { ok: true, value: { ...readSpan(normalise(written, today), written, now, timeZone), rest: '' } }
    } catch (e) {
      if (!options.trailingWords || !(e instanceof UnreadableError)) throw e
      // The line goes on after its time: the longest reading up to the first word that is no time (or a comma before
      // it) wins; a reading that is wrong rather than unread (周日 on a Saturday) is the answer, not a shorter one.
      for (const cut of trailingCuts(written).filter(cut => cut <= LONGEST_PHRASE).slice(0, 6)) {
        const head = written.slice(0, cut).trim()
        try {
          return { ok: true, value: { ...readSpan(normalise(head, today), head, now, timeZone), rest: written.slice(cut).replace(/^[\s，,；;、。]+/, '').trim() } }
        } catch (shorter) {
          if (!(shorter instanceof UnreadableError)) throw shorter
        }
      }
      throw e
    }
  } catch (e) {
    if (e instanceof PhraseError) return { ok: false, error: e.message }
    throw e
  }
}

/** No time is written in more characters than this (2027 年 10 月 16 日（星期六）上午 9 时 30 分—11 时 30 分 is 44). */
const LONGEST_PHRASE = 80

/** A sentence for the organiser; anything else thrown is a bug. */
class PhraseError extends Error {}
/** The words were not understood, as opposed to understood and wrong (a weekday that is not the date's). */
class UnreadableError extends PhraseError {}

function fail (message: string): never {
  throw new PhraseError(message)
}

function failUnreadable (written: string): never {
  throw new UnreadableError(`看不懂时间「${written}」`)
}

/** Words saying the time is not fixed yet: nothing is read from such a phrase, whatever time it also names. */
const UNDECIDED = /另行通知|另行告知|另行安排|另行确定|另定(?![于於])|再定(?![于於])|待定|未定|待通知|再通知|尚未确定|暂未确定|视[^，,。；;]{1,8}[而再]定/g
/** 地点另行通知, 具体议程待定: what is not fixed is something else than the time (视场地情况待定 is the time). */
const OTHER_SUBJECT = /(?:地点|地址|场地|会场|议程|内容|名单|费用|嘉宾|主讲人?|座位|路线|车辆|分组|人员|名额|报名方式|形式)\s*(?:将|会|需|也)?\s*$/
/** Two times offered (12月12日或13日, 下午或晚上): a choice still to be made. */
const ALTERNATIVE = new RegExp(`(或者?|或是|还是)\\s*(?=[\\d０-９${ZH_NUMERAL_CHARS}]|[周週星礼禮]|下[周週午个個月]|本周|这周|明|今|后天|大后天|上午|中午|晚上?|早上|凌晨|傍晚)`)

/** Refuses, with what to do, a phrase that leaves its time open: 另行通知, 待定, 12月12日或13日. */
function refuseUndecided (written: string): void {
  for (const undecided of written.matchAll(UNDECIDED)) {
    const clause = written.slice(0, undecided.index).split(/[，,；;。\n]/).at(-1) ?? ''
    if (OTHER_SUBJECT.test(clause)) continue
    fail(`时间还没有定（「${undecided[0]}」），定下来后请写明哪天几点`)
  }
  const alternative = ALTERNATIVE.exec(written)
  if (alternative) fail(`写了不止一个时间（「${alternative[1]}」），请只写定下来的那一个`)
}

/**
 * 2小时后, 半小时后, 30分钟后, 一个半小时后: an instant counted from now (to the minute). null when the phrase is not
 * such a count; 3天后 and 两周后 name a day and are read as dates.
 */
function readRelative (phrase: string, now: number, timeZone: string): TimeSpan | null {
  const relative = /^(?:约|大约)?\s*(\S{1,8}?(?:小时|钟头|分钟|分))\s*(?:之|以)?后\s*(?:开始|举行)?$/.exec(phrase)
  const ms = relative ? parseDuration(relative[1] ?? '') : null
  if (ms === null) return null
  const start = Math.floor((now + ms) / 60_000) * 60_000
  const wall = toWall(start, timeZone)
  return { start, end: null, hasTime: true, dated: true, startMinutes: wall.hour * 60 + wall.minute, rest: '' }
}

/** Characters and words a time phrase is made of; the first thing outside them starts the words after the time. */
const TIME_WORD = new RegExp([
  '\\s+', '[\\p{P}\\p{S}]', '[0-9０-９]+', `[${ZH_NUMERAL_CHARS}]+`, '[ap]\\.?\\s?m\\.?(?![a-z])',
  ...HOLIDAY_WORDS, '元旦', '平安夜', '正月', '初', '节', '節',
  '年', '月', '日', '号', '號', '点', '點', '时', '時', '分钟', '分鐘', '分', '秒', '半', '刻', '整', '钟', '鐘', '小时', '小時', '钟头', '鐘頭',
  '周', '週', '星期', '礼拜', '禮拜', '天', '上午', '下午', '中午', '晚上', '晚', '早上', '早晨', '早', '凌晨', '淩晨', '清晨', '夜里', '夜晚',
  '夜間', '夜间', '夜', '傍晚', '午后', '午後', '今', '明', '后', '後', '昨', '前', '大', '本', '这', '這', '个', '個', '下', '上', '次日',
  '第', '隔天', '翌日', '至', '到', '起', '从', '從', '由', '自', '于', '於', '定于', '定於', '拟于', '擬於', '暂定', '暫定', '准时', '準時',
  '开始', '開始', '举行', '舉行', '左右', '差',
].join('|'), 'iuy')

const NUMBER_WORD = new RegExp(`^(?:\\d+|[${ZH_NUMERAL_CHARS}]+)$`)
/** A number that counts something other than time: 3楼, 二层, 5号楼, 201室, 30人. */
const COUNTED_PLACE = new RegExp(`^(?:\\d+|[${ZH_NUMERAL_CHARS}]+)\\s*号?\\s*[楼层室栋幢座馆厅门区路街期届人名位间排组]`)

/**
 * Where the words after a time may begin, latest first: the first word that is no time word, and each comma or
 * semicolon before it (14:00～17:00，13:30签到 is read up to its comma, so 13:30 is never the start).
 */
function trailingCuts (written: string): number[] {
  const commas: number[] = []
  const words: Array<{ at: number, word: string }> = []
  let at = 0
  while (at < written.length) {
    TIME_WORD.lastIndex = at
    const word = TIME_WORD.exec(written)
    if (word === null) break
    if (/^[，,；;。、]$/.test(word[0]) && at > 0) commas.push(at)
    words.push({ at, word: word[0] })
    at += word[0].length
  }
  if (at === 0 || at === written.length) return commas.reverse()
  // 下午2点 3楼, 下午2点二楼会议室, 3号楼: a number counting floors, rooms or people belongs to its word; chrono would read
  // it as the minutes (14:02). The cut goes before it.
  const numberAt = words.findLastIndex(w => NUMBER_WORD.test(w.word))
  const counted = words[numberAt]
  if (counted && words.slice(numberAt + 1).every(w => w.word === '号') && !/[:.]$/.test(written.slice(0, counted.at)) &&
    COUNTED_PLACE.test(written.slice(counted.at))) {
    return [counted.at, ...commas.filter(cut => cut < counted.at).reverse()]
  }
  // 下午2点半 上课, 9:00前往: the words 上课 and 前往 begin with a time word; step back over at most two such words
  // (never over digits, so 13:30开课 is not cut inside 13:30)
  const backOff = words.slice(-2).reverse().filter(w => /^\p{Script=Han}+$/u.test(w.word))
  const steps = [at]
  for (const w of backOff) {
    if (w.at !== (steps.at(-1) ?? at) - w.word.length) break
    steps.push(w.at)
  }
  return [...steps.filter(cut => cut > 0), ...commas.filter(cut => cut < at).reverse()]
}

/** Further ahead than this an activity's year is surely mistyped (9999-12-05). */
const MAX_YEARS_AHEAD = 2
/** An end that names its own date lies at most this many days after the start; further, its date is surely wrong. */
const MAX_SPAN_DAYS = 7
const DAY_MS = 24 * 3600_000

function readSpan (phrase: string, written: string, now: number, timeZone: string): Omit<TimeSpan, 'rest'> {
  const wall = toWall(now, timeZone)
  const anchor: Anchor = { now, timeZone, today: { year: wall.year, month: wall.month, day: wall.day } }
  const [startText, endText] = splitRange(phrase, written)

  const start = assumeAfternoon(readSide(startText, anchor.today, written))
  const startDate = pinDate(start, anchor, written)
  const { today } = anchor
  if (compareDates(startDate, { ...today, year: today.year + MAX_YEARS_AHEAD }) > 0) {
    fail(`${startDate.year}年${startDate.month}月${startDate.day}日太远了，只能写${MAX_YEARS_AHEAD}年之内的时间`)
  }
  const startAt = instantOf(startDate, start.clock ?? { hour: 0, minute: 0 }, timeZone)
  const dated = start.day.kind !== 'none'
  const startMinutes = start.clock === null ? 0 : start.clock.hour * 60 + start.clock.minute
  if (endText === undefined) return { start: startAt, end: null, hasTime: start.clock !== null, dated, startMinutes }

  // 到次日凌晨1点, 至第二天中午12点: the end is on the day after the start, whatever its hour
  const nextDayWords = /^(?:次日|第二天|隔天|翌日)\s*/
  const nextDay = nextDayWords.test(endText)
  const end = readSide(endText.replace(nextDayWords, ''), anchor.today, written)
  if (start.clock === null || end.clock === null) fail('时间段要写明从几点到几点')
  // The end shares the start's date unless it names its own; then its clock is its own too (12月2日10:00), and a day
  // that depends on when it is said (周日, 1月1日) is counted from the start: 周六14:00到周日12:00.
  const sameDay = end.day.kind === 'none'
  const timedEnd = { ...end, clock: end.clock }
  // 23:00-01:00, 晚上10点到凌晨1点: an evening that ends in the small hours ends the next day
  const smallHours = sameDay && start.clock.hour >= 18 && end.clock.hour < 9 && (
    end.dayPart === 'early' || end.dayPart === 'morning' || (end.dayPart === null && (end.clock.hour < 6 || end.zeroPadded)))
  const clock = smallHours || (nextDay && sameDay) ? end.clock : sameDay ? endClock({ ...start, clock: start.clock }, timedEnd) : assumeAfternoon(timedEnd).clock
  const endDate = smallHours || (nextDay && sameDay)
    ? addDays(startDate, 1)
    : sameDay ? startDate : pinDate({ ...end, clock }, { now: startAt, timeZone, today: startDate }, written)
  const endAt = instantOf(endDate, clock, timeZone)
  if (endAt < startAt) fail('结束时间早于开始时间')
  if (endAt === startAt) fail('结束时间和开始时间相同')
  if (endAt - startAt > MAX_SPAN_DAYS * DAY_MS) {
    // 12月5日14:00-12月4日16:00 pins the end to next December: the organiser wrote a backwards range, not a year-long one.
    fail(writtenBeforeStart(end.day, startDate)
      ? '结束时间早于开始时间'
      : `结束时间${endDate.month}月${endDate.day}日离开始时间超过${MAX_SPAN_DAYS}天，请检查日期`)
  }
  return { start: startAt, end: endAt, hasTime: true, dated, startMinutes }
}

/** Whether an end's year-less date, read in the start's year (and month, for 3号), falls before the start's date. */
function writtenBeforeStart (day: DaySpec, startDate: CalendarDate): boolean {
  if (day.kind === 'monthDay') return compareDates({ ...startDate, month: day.month, day: day.day }, startDate) < 0
  if (day.kind === 'dayOfMonth') return day.day < startDate.day
  return false
}

function compareDates (a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

// ---------------------------------------------------------------------------------------------
// Normalisation: rewrite what chrono misses into forms it reads.

const NUMERAL = ZH_NUMERAL_CHARS

/** A date as written inside brackets: 11月28日, 2026年11月28日, 11.28, 11/28, 28号, 二十八号. */
const BRACKETED_DATE = `(?:\\d{4}\\s*[年./-]\\s*)?[\\d${NUMERAL}]{1,3}\\s*(?:月|[./-])\\s*[\\d${NUMERAL}]{1,3}\\s*[日号]?|[\\d${NUMERAL}]{1,3}\\s*[日号]`

const DIGIT_WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日']

/**
 * 九点差一刻 → 08点45分; the text as written when it does not name a time (差五分零点). The half of the day is the
 * written hour's: 七点差一刻 is 06:45 as 七点 is 07:00 (zero-padded, so not moved to the afternoon), 两点差一刻 is
 * 1点45分 and so 13:45 as 两点 is 14:00, 一点差一刻 is 12:45.
 */
function minutesBefore (written: string, hourText: string, beforeText: string): string {
  const hour = readZhNumber(hourText) ?? NaN
  const before = beforeText === '一刻' ? 15 : beforeText === '三刻' ? 45 : readZhNumber(beforeText.replace(/\s*分钟?$/, '')) ?? NaN
  if (!(hour >= 1 && hour <= 24) || !(before >= 1 && before <= 59)) return written
  const minute = 60 - before
  if (hour === 1) return `12点${minute}分`
  if (hour <= 6) return `${hour - 1}点${minute}分`
  return `${String(hour - 1).padStart(2, '0')}点${minute}分`
}

/** Traditional characters of the time vocabulary, and the two ratio colons (9∶00), as the simplified text reads them. */
const SIMPLIFIED: Record<string, string> = {
  時: '时', 點: '点', 鐘: '钟', 號: '号', 週: '周', 禮: '礼', 後: '后', 這: '这', 個: '个', 兩: '两', 間: '间', 開: '开',
  舉: '举', 於: '于', 準: '准', 淩: '凌', 節: '节', 陽: '阳', 國: '国', 慶: '庆', 聖: '圣', 誕: '诞', 兒: '儿', 婦: '妇',
  勞: '劳', 動: '动', 軍: '军', 師: '师', 擬: '拟', 從: '从', 頭: '头', 暫: '暂', 來: '来', 裡: '里', 裏: '里',
  '∶': ':', '︰': ':',
}
const TRADITIONAL = new RegExp(`[${Object.keys(SIMPLIFIED).join('')}]`, 'g')

/** The unit a numeral counts, just after it: 十二月, 廿六日, 九点, 三十分, 两个小时, 三天. */
const COUNTED_UNIT = /^\s*(?:年|月|日|号|点|时|分|秒|个?\s*(?:小时|钟头|星期|礼拜|月)|天|周)/

/**
 * 二〇二七年十二月廿六日下午三点二十 → 2027年12月26日下午3点20: a numeral counting a unit, or minutes after 点/时,
 * in digits. Weekdays (周六, 星期日), 初八, 第二天 and quarter hours (一刻) keep their characters.
 */
function numeralsInDigits (text: string): string {
  const weekdaysApart = text.replace(new RegExp(`((?:周|星期|礼拜)[一二三四五六日天])(?=\\s*[${ZH_NUMERAL_CHARS}])`, 'g'), '$1 ')
  return zhNumeralsToDigits(weekdaysApart, ({ index, text: numeral }, whole) => {
    const before = whole.slice(0, index)
    const after = whole.slice(index + numeral.length)
    if (/(?:周|星期|礼拜|初|第)$/.test(before) || /^\s*刻/.test(after)) return false
    return COUNTED_UNIT.test(after) || /[点时]$/.test(before)
  })
}

/**
 * 5:30am, 6:00 AM, 5:30 a.m., 8:30pm, 8:30 P.M., 5pm: the half of the day in words, so the afternoon default for a
 * bare 1–6 never overrides an explicit am. 14:30pm needs no pm; 14:30am and 下午5:30am contradict themselves.
 */
function meridiemInWords (written: string, dayPart: string | undefined, hourText: string, minuteText: string | undefined, meridiem: string): string {
  const hour = Number(hourText)
  const minute = minuteText ?? '00'
  const pm = meridiem.toLowerCase() === 'p'
  const saidPm = dayPart !== undefined && /下午|晚上|傍晚/.test(dayPart)
  const saidAm = dayPart !== undefined && /上午|早上|凌晨/.test(dayPart)
  if (hour > 23 || (pm ? saidAm || hour === 0 : saidPm || hour > 12)) fail(`「${written.trim()}」是上午还是下午？请写清楚，例如「上午9:30」或「下午2:30」`)
  if (pm) return hour === 12 ? `中午12:${minute}` : hour > 12 ? `${hour}:${minute}` : `${dayPart ?? '下午'}${hour}:${minute}`
  return hour === 12 || hour === 0 ? `凌晨0:${minute}` : `${dayPart ?? '上午'}${hour}:${minute}`
}

const REWRITES: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  [/(上午|下午|早上|晚上|中午|凌晨|傍晚)?\s*(?<![\d:])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?![a-z])/gi,
    (m, dayPart: string | undefined, hour: string, minute: string | undefined, meridiem: string) => meridiemInWords(m, dayPart, hour, minute, meridiem)],
  // PM2:30, AM 9:00: the same, written before the time
  [/(上午|下午|早上|晚上|中午|凌晨|傍晚)?\s*(?<![a-z])([ap])\.?m\.?\s*(\d{1,2})(?::(\d{2}))?(?![\d:.])/gi,
    (m, dayPart: string | undefined, meridiem: string, hour: string, minute: string | undefined) => meridiemInWords(m, dayPart, hour, minute, meridiem)],
  // 元月 is January.
  [/元月/g, '1月'],
  // 周6, 星期7: weekdays in digits.
  [/(周|星期|礼拜)([1-7])(?![\d.:点时])/g, (_, week: string, n: string) => `${week}${DIGIT_WEEKDAY[Number(n)]}`],
  // 2点钟 is 2点.
  [/点钟/g, '点'],
  // 差一刻九点, 九点差一刻, 九点差五分: so many minutes before the hour.
  [new RegExp(`差\\s*(一刻|三刻|(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*分钟?)\\s*(\\d{1,2}|[${NUMERAL}]{1,3})\\s*点`, 'g'), (m, before: string, hour: string) => minutesBefore(m, hour, before)],
  [new RegExp(`(\\d{1,2}|[${NUMERAL}]{1,3})\\s*点\\s*差\\s*(一刻|三刻|(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*分钟?)`, 'g'), (m, hour: string, before: string) => minutesBefore(m, hour, before)],
  // 下周周六, 这周星期三: the week said twice.
  [/(下下|下|本|这|上)个?(?:周|星期|礼拜)的?\s*((?:周|星期|礼拜)[一二三四五六日天1-7])/g, '$1$2'],
  // 元旦 is the first of January (the next one, as any year-less date); 平安夜 before 夜晚 below reads it as 晚上.
  [/元旦(?:节)?/g, '1月1日'],
  [new RegExp(`平安夜(?=\\s*[\\d${NUMERAL}])`, 'g'), '12月24日晚上'],
  [/平安夜/g, '12月24日'],
  // Every dash and tilde organisers use between a start and an end becomes one separator.
  [/[‐‑‒–—―−〜~]+/g, '-'],
  // 12月5日(六): a bracketed bare weekday after a date is that date's weekday.
  [/(?<=[\d日号]\s*)\(\s*([一二三四五六日天])\s*\)/g, '(周$1)'],
  // 12月5日(下周六): so is a bracketed weekday with its week; the date says which week.
  [/(?<=[\d日号]\s*)\(\s*(?:下下|下|本|这|上)个?((?:周|星期|礼拜)[一二三四五六日天])\s*\)/g, '($1)'],
  // 下周六(11月28日), 周六(28号): the bracketed date is what was meant; the weekday, moved after it, only annotates it
  // and is checked against it.
  [new RegExp(`(?:下下|下|本|这|上)?个?((?:周|星期|礼拜)[一二三四五六日天])\\s*\\(\\s*(${BRACKETED_DATE})\\s*\\)`, 'g'), '$2 $1 '],
  // 下午两点（1点半签到）: a bracketed note of what happens before is not the time.
  [/\([^()]*(?:签到|报到|入场|集合|开门|到场)[^()]*\)/g, ' '],
  // Brackets and commas would stop chrono merging 11月28日(周六)下午2点 into one result.
  [/[()[\]【】,，、;；。!！?？]/g, ' '],
  [/\s+/g, ' '],
  // 12月5日 14.30, 12.5（周六）14.30 (its brackets are spaces by now), 2026.12.5 14.30-16.30: after a date, a dotted
  // pair is the time, and so is the end of a range that starts with one (12.5 14:00-12.6 12:00 keeps its dotted date).
  [/(?<=(?:[日号]|(?<![\d.])(?:\d{4}[./])?\d{1,2}[./]\d{1,2})\s*(?:(?:周|星期|礼拜)[一二三四五六日天]\s*)?)([01]?\d|2[0-3])\.([0-5]\d)(?:\s*(-|到|至)\s*([01]?\d|2[0-3])\.([0-5]\d))?(?![\d.])/g,
    (_, h: string, m: string, to?: string, h2?: string, m2?: string) => `${h}:${m}${to ? `${to}${h2}:${m2}` : ''}`],
  // Numeric dates chrono's zh parser does not know become the 年月日 form it does: 2026-12-06, 2026.12.6, 12.5, 12/6.
  [/(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/g, '$1年$2月$3日'],
  [/(?<![\d.:/])(\d{1,2})[./](\d{1,2})(?![\d.:/点时])/g, '$1月$2日'],
  // 12-05 15:00: a dash between two numbers is a date only when a time follows (2-4点 stays a range).
  [/(?<![\d.:/-])(\d{1,2})-(\d{1,2})(?!\d)(?=\s*(?:\d{1,2}\s*[:点时]|上午|下午|中午|晚上|早上|凌晨))/g, '$1月$2日 '],
  // 下午2点 三楼: chrono would read a number after 点 and a space as its minutes (14:03); 2点 30分 keeps them.
  [new RegExp(`([点时])\\s+(?=(?:\\d{1,2}|[${NUMERAL}]+)(?![\\d${NUMERAL}]|\\s*分))`, 'g'), '$1 | '],
  // 12月12日由上午九时起, 自14:00起: 由, 自 and 从 say "from", which chrono does not expect between a date and its time.
  [/(?:由|自|从)(?=\s*(?:上午|下午|中午|晚上|早上|凌晨|傍晚|\d))/g, ' '],
  // Day parts chrono has no word for.
  [/(今|明)晨/g, '$1早'],
  [/今夜/g, '今晚'],
  [/早晨|清晨|清早/g, '早上'],
  [/午后/g, '下午'],
  [/傍晚|夜里|夜晚|夜间|晚间/g, '晚上'],
  // chrono reads 明早8点 but not a bare 早8点 / 晚8点.
  [new RegExp(`(?<![今明昨前后])早(?=\\s*[\\d${NUMERAL}])`, 'g'), '早上'],
  [new RegExp(`(?<![今明昨前后])晚(?=\\s*[\\d${NUMERAL}])`, 'g'), '晚上'],
  // 中午 alone is twelve o'clock (12月10日中午); 中午1点 keeps its hour.
  [new RegExp(`中午(?!\\s*[\\d${NUMERAL}])`, 'g'), '中午12点'],
  // Quarter hours.
  [/点\s*一刻/g, '点15分'],
  [/点\s*三刻/g, '点45分'],
  // 下午2-4点: the start hour borrows the 点 so each side reads as a time.
  [new RegExp(`(?<![\\d:周期拜])(\\d{1,2}|[${NUMERAL}]{1,3})\\s*(-|到|至)\\s*(?=(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*[点时])`, 'g'), '$1点$2'],
  // Without a gap chrono reads 周六两点 as "六两点" (8点) and loses the weekday.
  [/((?:周|星期|礼拜)[一二三四五六日天])/g, '$1 '],
  // 12月5日 下午3点（周六）: a weekday written after the time still annotates the date.
  [/^(.*?\d{1,2}月\d{1,2}[日号])(.+?)\s*((?:周|星期|礼拜)[一二三四五六日天])\s*$/, '$1 $3 $2'],
]

/**
 * Half-width (NFKC: １４：００（周六）～ → 14:00(周六)~), one kind of dash, chrono-readable dates and day parts; 今年 and
 * 明年 become the year they name (`year` is the organiser's).
 */
function normalise (text: string, today: CalendarDate): string {
  const simplified = text.normalize('NFKC').replace(TRADITIONAL, ch => SIMPLIFIED[ch] ?? ch)
  const { year } = today
  const years = numeralsInDigits(simplified).replace(/今年/g, `${year}年`).replace(/明年/g, `${year + 1}年`)
  const days = years.replace(RELATIVE_DAY_WITH_DATE, (_, word: string, date: string, weekday?: string) => relativeDayAsDate(today, word, date, weekday))
  return REWRITES.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement as string), days).trim()
}

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 }
/** 今天（6月18日，周五）, 明天(12.6): a day word with its date in brackets, and perhaps the weekday too. */
const RELATIVE_DAY_WITH_DATE = new RegExp(`(${Object.keys(RELATIVE_DAYS).join('|')})\\s*\\(\\s*(${BRACKETED_DATE})\\s*[,、]?\\s*((?:周|星期|礼拜)[一二三四五六日天])?\\s*\\)`, 'g')

/** The bracketed date, once checked to be the day the word names: 今天（6月18日） written on 6月17日 is refused. */
function relativeDayAsDate (today: CalendarDate, word: string, date: string, weekday: string | undefined): string {
  const meant = addDays(today, RELATIVE_DAYS[word] ?? 0)
  const written = /(?:(\d{4})\s*[年./-]\s*)?(?:(\d{1,2})\s*(?:月|[./-])\s*)?(\d{1,2})\s*[日号]?$/.exec(date)
  const year = written?.[1] === undefined ? meant.year : Number(written[1])
  const month = written?.[2] === undefined ? meant.month : Number(written[2])
  const day = Number(written?.[3])
  if (year !== meant.year || month !== meant.month || day !== meant.day) {
    fail(`${word}是${meant.month}月${meant.day}日，不是${date.replace(/\s+/g, '')}`)
  }
  return ` ${meant.year}年${meant.month}月${meant.day}日 ${weekday ?? ''} `
}

/** `14:00-16:00` → [`14:00`, `16:00`]; each side is read on its own so the end can inherit from the start. */
function splitRange (phrase: string, written: string): [string] | [string, string] {
  const sides = phrase.split(/-|到|至/).map(s => s.trim())
  const [start, end] = sides
  if (start === undefined || start === '' || sides.length > 2 || end === '') failUnreadable(written)
  return end === undefined ? [start] : [start, end]
}

// ---------------------------------------------------------------------------------------------
// chrono, extended: Monday-first weeks, 30号 / 下个月3号, weekday annotations after a date.

const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

/** How many weeks from this (Monday-first) week 本周X, 下周X … mean. */
const WEEK_SHIFT: Record<string, number> = { 上: -1, 本: 0, 这: 0, 下: 1, 下下: 2 }

/** The organiser's date, as the local fields of chrono's reference (see chronoReference). */
function referenceDay (context: ParsingContext): CalendarDate {
  const d = context.refDate
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() }
}

function nextMonth (date: CalendarDate): CalendarDate {
  return date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { year: date.year, month: date.month + 1, day: 1 }
}

/** Replaces chrono's zh weekday parsers, which count weeks from Sunday and pick the nearest such day, even a past one. */
const mondayWeekParser: Parser = {
  pattern: () => /(下下|下|本|这|上)?个?(?:周|星期|礼拜)([一二三四五六日天])/,
  extract: (context, match) => {
    const weekday = WEEKDAY_NUMBER[match[2] ?? '']
    if (weekday === undefined) return null
    const result = context.createParsingResult(match.index ?? 0, match[0])
    result.start.assign('weekday', weekday % 7) // chrono counts Sunday as 0
    const shift = WEEK_SHIFT[match[1] ?? '']
    if (shift !== undefined) {
      const today = referenceDay(context)
      const monday = addDays(today, 1 - weekdayOf(today))
      const date = addDays(monday, 7 * shift + weekday - 1)
      result.start.assign('year', date.year).assign('month', date.month).assign('day', date.day)
    }
    // An unqualified 周六 keeps only its weekday: which 周六 depends on the time, decided in pinDate.
    return result
  },
}

/** 30号, 二十八号, 下个月3号, 本月20号: chrono's zh parser needs a 月 before the day. */
const dayOfMonthParser: Parser = {
  pattern: () => new RegExp(`(?<![\\d年月${NUMERAL}])(下个?月|本月|这个?月)?(\\d{1,2}|[${NUMERAL}]{1,3})[号日]`),
  extract: (context, match) => {
    const day = readZhNumber(match[2] ?? '')
    if (day === null) return null
    const result = context.createParsingResult(match.index ?? 0, match[0])
    result.start.assign('day', day)
    const prefix = match[1]
    if (prefix !== undefined) {
      const today = referenceDay(context)
      const month = prefix.startsWith('下') ? nextMonth(today) : today
      result.start.assign('year', month.year).assign('month', month.month)
    }
    return result
  },
}

/** 3天后, 两周后, 一个星期后: counted in days from the organiser's today (2小时后 stays unread: see REPLACED_PARSERS). */
const daysLaterParser: Parser = {
  pattern: () => new RegExp(`(\\d{1,3}|[${NUMERAL}]{1,3})\\s*个?\\s*(天|日|周|星期|礼拜)\\s*(?:之|以)?后`),
  extract: (context, match) => {
    const count = readZhNumber(match[1] ?? '')
    if (count === null) return null
    const date = addDays(referenceDay(context), count * (match[2] === '天' || match[2] === '日' ? 1 : 7))
    return context.createParsingResult(match.index ?? 0, match[0], { year: date.year, month: date.month, day: date.day })
  },
}

/** 国庆节, 元宵节晚上7点, 中秋, 正月初八: the holiday's date (see holidays.ts), the next one on or after today. */
const holidayParser: Parser = {
  pattern: () => new RegExp(`(?<![\\d${NUMERAL}])(?:(\\d{4})\\s*年\\s*)?((?:正月|大年)初[一二三四五六七八九十]|${HOLIDAY_WORDS.join('|')})节?(?![\\d${NUMERAL}])`),
  extract: (context, match) => {
    const date = holidayDate(match[2] ?? '', referenceDay(context), match[1] ? Number(match[1]) : undefined)
    if (date === null) return null
    return context.createParsingResult(match.index ?? 0, match[0], { ...(date.year ? { year: date.year } : {}), month: date.month, day: date.day })
  },
}

/** chrono merges 周六 11月28日 but not 11月28日 周六; merging the annotation lets pinned dates be checked against it. */
const weekdayAnnotationRefiner: Refiner = {
  refine: (context, results) => {
    const merged: ParsingResult[] = []
    for (const result of results) {
      const date = merged.at(-1)
      const between = date === undefined ? '' : context.text.slice(date.index + date.text.length, result.index)
      const annotates = date !== undefined && date.start.isCertain('day') && !date.start.isCertain('hour') &&
        result.start.isOnlyWeekdayComponent() && !result.start.isCertain('hour') && between.trim() === ''
      if (date !== undefined && annotates) {
        date.text = date.text + between + result.text
        date.start.assign('weekday', result.start.get('weekday') ?? 0)
      } else {
        merged.push(result)
      }
    }
    return merged
  },
}

/** chrono's own parts that this module replaces, by class name since chrono does not export them. */
const REPLACED_PARSERS = new Set([
  'ZHHansWeekdayParser',
  'ZHHansRelationWeekdayParser',
  // 2小时后, 3天前 are measured from chrono's reference instant, which here is a stand-in noon; nobody dates an
  // activity that way, so such phrases are refused rather than misread.
  'ZHHansDeadlineFormatParser',
  'ZHHansAgoFormatParser',
])
const REPLACED_REFINERS = new Set([
  // It silently drops 11月31日 and 13月5日; pinDate says what is wrong with them instead.
  'UnlikelyFormatFilter',
  // It would take 14:00 EST as US time; the group's zone is configured, so a written zone is left unread and refused.
  'ExtractTimezoneAbbrRefiner',
])

function buildZhChrono (): zh.Chrono {
  const config = zh.hans.createCasualConfiguration()
  const parsers = config.parsers.filter(p => !REPLACED_PARSERS.has(p.constructor.name))
  const refiners = config.refiners.filter(r => !REPLACED_REFINERS.has(r.constructor.name))
  const mergeDateTime = refiners.findIndex(r => r.constructor.name === 'ZHHansMergeDateTimeRefiner')
  // Fail at load, not by misreading, if a chrono upgrade renames what we rely on.
  if (parsers.length !== config.parsers.length - REPLACED_PARSERS.size ||
    refiners.length !== config.refiners.length - REPLACED_REFINERS.size || mergeDateTime < 0) {
    throw new Error('chrono-node zh configuration changed; review src/domain/time-phrase.ts')
  }
  refiners.splice(mergeDateTime, 0, weekdayAnnotationRefiner) // the annotated date must still merge with its time
  return new zh.hans.Chrono({ parsers: [...parsers, mondayWeekParser, dayOfMonthParser, daysLaterParser, holidayParser], refiners })
}

const zhChrono = buildZhChrono()

/**
 * chrono does its calendar arithmetic (明天, 后天) on the machine's local calendar. A local Date that reads the
 * organiser's date — at noon, which every zone's day has — makes that arithmetic happen in the organiser's calendar
 * whatever the machine's TZ. Its hour is a stand-in: only dates are read back from chrono, never instants.
 */
function chronoReference (today: CalendarDate): Date {
  return new Date(today.year, today.month - 1, today.day, 12)
}

// ---------------------------------------------------------------------------------------------
// Reading one side from chrono's components.

const FILLER = /开始|起|整|左右|前后|举行|从|由|自|兹|定于|暂定|拟定|拟于|计划于|准时|于|全天|全日/g

/** chrono sets `现在` to its reference instant, which here is a stand-in; not an activity time anyway. */
const NOW_WORDS = /现在|立刻|立即|即刻|马上/

function readSide (text: string, today: CalendarDate, written: string): Side {
  const results = zhChrono.parse(text, chronoReference(today))
  const result = results.length === 1 ? results[0] : undefined
  // chrono leaves `end` null rather than undefined; a range cannot survive splitRange, but is refused, not truncated.
  if (result === undefined || result.end != null || NOW_WORDS.test(text)) failUnreadable(written)
  const rest = text.slice(0, result.index) + text.slice(result.index + result.text.length)
  // Refuse rather than guess: everything but filler and punctuation must have been understood.
  // (emoji and symbols are no words: ⏰ 晚上7点, 📆12月5日)
  if (rest.replace(FILLER, '').replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/gu, '') !== '') failUnreadable(written)

  const c = result.start
  const dayPart = dayPartOf(result.text)
  return {
    day: daySpecOf(c, result.text),
    clock: clockOf(c, dayPart, result.text, written),
    dayPart,
    zeroPadded: /(?<!\d)0\d\s*[:点时]/.test(result.text),
  }
}

function dayPartOf (text: string): DayPart | null {
  if (/晚|夜/.test(text)) return 'evening'
  if (/下午/.test(text)) return 'afternoon'
  if (/中午/.test(text)) return 'noon'
  if (/凌晨/.test(text)) return 'early'
  if (/上午|早/.test(text)) return 'morning'
  return null
}

const certain = (c: ParsedComponents, component: 'year' | 'month' | 'day' | 'weekday' | 'hour'): number | null =>
  c.isCertain(component) ? c.get(component) : null

function daySpecOf (c: ParsedComponents, text: string): DaySpec {
  const chronoWeekday = certain(c, 'weekday')
  const weekday = chronoWeekday === null ? null : chronoWeekday === 0 ? 7 : chronoWeekday
  const day = certain(c, 'day')
  const month = certain(c, 'month')
  const year = certain(c, 'year')
  if (day !== null) {
    if (month === null) return { kind: 'dayOfMonth', day, weekday }
    if (year === null) return { kind: 'monthDay', month, day, weekday }
    return { kind: 'date', date: { year: year < 100 ? 2000 + year : year, month, day }, weekday }
  }
  if (month !== null) fail(`「${text}」没说是哪一天`)
  return weekday === null ? { kind: 'none' } : { kind: 'weekday', weekday }
}

function clockOf (c: ParsedComponents, dayPart: DayPart | null, text: string, written: string): TimeOfDay | null {
  let hour = certain(c, 'hour')
  if (hour === null) {
    // 下午, 今晚, 明天上午: a day part is not a time, and 00:00 of that day would be wrong.
    if (dayPart !== null) fail(`「${text}」没说是几点`)
    return null
  }
  const pm = dayPart === 'afternoon' || dayPart === 'evening'
  if (hour > 24 && pm) hour -= 12 // 下午14:00: chrono adds 12 to an hour already on the 24-hour clock
  const minute = c.get('minute') ?? 0
  // 24:00 is the midnight that ends the day (截止：12月10日24:00)
  if ((hour > 23 && !(hour === 24 && minute === 0)) || minute > 59) failUnreadable(written)
  return { hour: hourInDayPart(hour, dayPart), minute }
}

/**
 * chrono already moves 下午/晚上 hours past noon; this adds what it lacks (中午1点 = 13:00; 晚上12点 = the midnight ending
 * that evening, 24:00, rather than chrono's noon) and applies a day part inherited by a range's end.
 */
function hourInDayPart (hour: number, dayPart: DayPart | null): number {
  if (dayPart === 'evening' && hour === 12) return 24
  if ((dayPart === 'afternoon' || dayPart === 'evening') && hour < 12) return hour + 12
  if (dayPart === 'noon' && hour < 11) return hour + 12
  return hour
}

/**
 * No organiser schedules an activity at 2 a.m.: an hour of 1–6 written with no day part (周六两点, 2:00, 3点一刻) is
 * the afternoon. 7–12 and 0 stay as written; 凌晨2点 and a zero-padded 02:00 say a.m. themselves.
 */
function assumeAfternoon<S extends Side> (side: S): S {
  const { clock } = side
  if (clock === null || side.dayPart !== null || side.zeroPadded || clock.hour < 1 || clock.hour > 6) return side
  return { ...side, clock: { hour: clock.hour + 12, minute: clock.minute } }
}

/**
 * 下午2点到4点 = 14:00–16:00, 晚上10点到12点 ends at midnight: an end on the start's day without its own 上午/下午 takes
 * the start's. Only 13–23 settle am/pm by themselves; a bare 12点 is noon or midnight depending on the start. An end
 * that says nothing of its half of the day and would come before the start is in the afternoon: 上午11点到1点, 9点到4点.
 */
function endClock (start: Side & { clock: TimeOfDay }, end: Side & { clock: TimeOfDay }): TimeOfDay {
  if (end.dayPart !== null || end.clock.hour > 12) return end.clock
  const startPart = start.dayPart ?? (start.clock.hour >= 18 ? 'evening' : start.clock.hour >= 12 ? 'afternoon' : null)
  const { minute } = end.clock
  if (startPart !== null) {
    const hour = hourInDayPart(end.clock.hour, startPart)
    return hour < 12 && isBefore({ hour, minute }, start.clock) ? { hour: hour + 12, minute } : { hour, minute }
  }
  // A morning start written without a day part (9点, 09:00): the end is read on its own, then kept after the start.
  const clock = assumeAfternoon(end).clock
  return !end.zeroPadded && clock.hour < 12 && isBefore(clock, start.clock) ? { hour: clock.hour + 12, minute } : clock
}

const isBefore = (a: TimeOfDay, b: TimeOfDay): boolean => a.hour < b.hour || (a.hour === b.hour && a.minute < b.minute)

// ---------------------------------------------------------------------------------------------
// Pinning a side to a date and an instant.

function pinDate (side: Side, { now, timeZone, today }: Anchor, written: string): CalendarDate {
  const spec = side.day
  const date = ((): CalendarDate => {
    switch (spec.kind) {
      case 'date':
        return spec.date
      case 'monthDay': {
        // This year if the date is today or later (a past hour today is the caller's to refuse), else next year; 2月29日
        // is the next February that has one.
        assertPossible(spec.month, spec.day)
        const passed = spec.month < today.month || (spec.month === today.month && spec.day < today.day)
        let year = passed ? today.year + 1 : today.year
        while (spec.day > daysInMonth(year, spec.month)) year += 1
        return { year, month: spec.month, day: spec.day }
      }
      case 'dayOfMonth': {
        // This month if the day is today or later, else the next month that has it: 31号 on 11月30日 is 12月31日.
        if (spec.day < 1 || spec.day > 31) fail(`没有${spec.day}号`)
        let month = spec.day >= today.day ? today : nextMonth(today)
        while (spec.day > daysInMonth(month.year, month.month)) month = nextMonth(month)
        return { ...month, day: spec.day }
      }
      case 'weekday': {
        // The next such day whose time is still ahead; with no time, today counts.
        const soonest = addDays(today, (spec.weekday - weekdayOf(today) + 7) % 7)
        return side.clock !== null && instantOf(soonest, side.clock, timeZone) <= now ? addDays(soonest, 7) : soonest
      }
      case 'none':
        if (side.clock === null) return failUnreadable(written)
        return instantOf(today, side.clock, timeZone) > now ? today : addDays(today, 1)
    }
  })()
  // 2027年2月29日: a written year is part of what is wrong
  assertExists(date, spec.kind === 'date' && /\d{4}|年/.test(written))
  if (spec.kind !== 'none' && spec.weekday !== null && weekdayOf(date) !== spec.weekday) {
    fail(`${date.month}月${date.day}日是${weekdayZh(weekdayOf(date))}，不是${weekdayZh(spec.weekday)}`)
  }
  return date
}

/** A month and day that no year has (2月30日, 11月31日) is an error whatever the year. */
function assertPossible (month: number, day: number): void {
  const LEAP_YEAR = 2024
  if (month < 1 || month > 12) fail(`没有${month}月`)
  if (day < 1 || day > daysInMonth(LEAP_YEAR, month)) fail(`${month}月没有${day}号`)
}

/** A day that does not exist is an error, never rolled over into the next month; `withYear` names its year. */
function assertExists ({ year, month, day }: CalendarDate, withYear = false): void {
  if (month < 1 || month > 12) fail(`没有${month}月`)
  if (day < 1 || day > daysInMonth(year, month)) fail(`${withYear ? `${year}年` : ''}${month}月没有${day}号`)
}

function instantOf (date: CalendarDate, clock: TimeOfDay, timeZone: string): number {
  const day = clock.hour === 24 ? addDays(date, 1) : date
  return fromWall({ ...day, hour: clock.hour % 24, minute: clock.minute }, timeZone)
}

/**
 * 28, 二十八, 十五, 两; NaN for anything else. Kept for callers written before zh-numerals.ts, which is the one reader
 * of numerals now: new code calls readZhNumber.
 */
export function chineseNumber (text: string): number {
  return readZhNumber(text) ?? NaN
}
