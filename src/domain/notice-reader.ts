// Reads an activity notice as organizers write it for the group (a title line, numbered or emoji-marked fields, headings
// with the value below, prose such as 定于…在…举行) into the fields of #活动, and says plainly when it cannot: no start,
// two dates, or a time still open. Pure: the text, `now` and the zone in; a result out.
import { Refusal } from './refusal.js'
import { toHalfWidth } from './normalize.js'
import { LIMITS, checkActivity, readFields, settleDeadline, type ActivityFields, type RawFields } from './activity-fields.js'
import { inferActivityType, type ActivityType } from './activity-type.js'
import { chineseNumber, parseTimePhrase } from './time-phrase.js'
import { addDays, formatDateTimeZh, fromWall, toWall, weekdayOf } from './zoned-time.js'

/** What a notice's label means. `gatherTime`/`gatherPlace`: an outing's 集合; `aside`: kept in the description as written. */
export type NoticeKey = 'title' | 'time' | 'date' | 'timePlace' | 'place' | 'gatherTime' | 'gatherPlace' | 'capacity' | 'deadline'
  | 'signup' | 'type' | 'remind' | 'description' | 'aside'

export interface NoticeReading {
  title: string
  start: number
  end: number | null
  location: string | null
  capacity: number | null
  deadline: number
  type: ActivityType
  remindOffsets?: number[]
  description: string | null
  /** the fields as read from the notice (raw text), for the card and for #修改 */
  raw: RawFields
  /** what the reader did that the organizer may want to know (签到 time kept in the description, a cut description) */
  notes: string[]
}

export type NoticeProblem = 'no-start' | 'two-dates' | 'time-open' | 'no-title' | 'invalid' | 'recurring'
export interface NoticeError { kind: NoticeProblem, message: string, example: string }
export type NoticeResult = { ok: true, value: NoticeReading } | { ok: false, error: NoticeError }

// ---- labels ---------------------------------------------------------------------------------------------------------

const EXACT: Record<string, NoticeKey> = {
  主题: 'title', 标题: 'title', 名称: 'title', 题目: 'title', 活动主题: 'title', 活动名称: 'title', 会议主题: 'title', 会议名称: 'title',
  讲座主题: 'title', 沙龙主题: 'title', 培训主题: 'title', 活动题目: 'title', 讲座题目: 'title', 分享主题: 'title', 活动: 'title',
  时间: 'time', 活动时间: 'time', 会议时间: 'time', 举办时间: 'time', 举行时间: 'time', 开始时间: 'time', 培训时间: 'time', 讲座时间: 'time',
  沙龙时间: 'time', 服务时间: 'time', 开课时间: 'time', 上课时间: 'time', 具体时间: 'time', 活动具体时间: 'time', 时段: 'time',
  日期: 'date', 活动日期: 'date', 会议日期: 'date', 举办日期: 'date',
  时间地点: 'timePlace', 时间及地点: 'timePlace', 时间和地点: 'timePlace', 活动时间及地点: 'timePlace', 活动时间地点: 'timePlace',
  会议时间及地点: 'timePlace', 时间与地点: 'timePlace', '时间、地点': 'timePlace',
  地点: 'place', 地址: 'place', 活动地点: 'place', 会议地点: 'place', 举办地点: 'place', 举行地点: 'place', 场地: 'place', 活动场地: 'place',
  会场: 'place', 活动地址: 'place', 培训地点: 'place', 讲座地点: 'place', 服务地点: 'place', 上课地点: 'place',
  集合时间: 'gatherTime', 集中时间: 'gatherTime', 集合地点: 'gatherPlace', 集中地点: 'gatherPlace', 集合地: 'gatherPlace',
  名额: 'capacity', 人数: 'capacity', 参加人数: 'capacity', 参会人数: 'capacity', 招募人数: 'capacity', 活动人数: 'capacity', 限额: 'capacity',
  限报: 'capacity', 名额限制: 'capacity', 人数限制: 'capacity', 限定人数: 'capacity', 志愿者招募人数: 'capacity', 招募名额: 'capacity',
  报名名额: 'capacity', 活动名额: 'capacity', 规模: 'capacity', 参与人数: 'capacity',
  截止: 'deadline', 截止时间: 'deadline', 报名截止: 'deadline', 报名截止时间: 'deadline', 截止日期: 'deadline', 报名截止日期: 'deadline',
  报名期限: 'deadline', 报名时间: 'signup', 报名: 'signup', 报名方式: 'signup', 报名办法: 'signup', 报名要求: 'signup', 报名须知: 'signup',
  类型: 'type', 类别: 'type', 活动类型: 'type', 提醒: 'remind',
  说明: 'description', 备注: 'description', 内容: 'description', 活动内容: 'description', 简介: 'description', 介绍: 'description',
  活动简介: 'description', 会议内容: 'description', 活动说明: 'description',
}

/** Labels kept in the description as they are written (参加对象：…). Unknown labels are kept too; these make a heading. */
const ASIDE = /^(参加对象|参会对象|参加人员|参会人员|活动对象|招募对象|服务对象|对象|费用|活动费用|收费|主办|主办单位|承办|承办单位|协办|协办单位|指导单位|主讲|主讲人|主讲嘉宾|嘉宾|分享嘉宾|领读人|讲师|主持|主持人|联系人|联系方式|联系电话|咨询电话|电话|注意事项|温馨提示|备注说明|其他|其它|议程|活动议程|会议议程|日程|流程|活动流程|安排|活动安排|具体安排|形式|活动形式|要求|参会要求|着装|签到|签到时间|报到|报到时间|入场|入场时间|出发时间|返回时间|乘车|交通|参观点|参观地点|走访单位|走访对象|服务内容|宣讲内容|培训内容|讲座内容|主要内容|活动亮点|亮点|福利|奖品|主播|领队|带队|物品|携带物品|背景|目的|活动目的|活动意义|链接|报名链接|直播链接|二维码)$/

/** Emoji and symbols that stand for a label in WeChat posts (📆 12月5日, 📍 同心荟). */
const EMOJI_KEY: ReadonlyArray<[RegExp, NoticeKey]> = [
  [/^(📆|📅|🗓)/u, 'date'],
  [/^(⏰|[\u{1F550}-\u{1F567}]|⌚|⏱|🕰|⏲)/u, 'time'],
  [/^(📍|🏠|🏢|🏛|🗺|🏫|🏡|📌)/u, 'place'],
  [/^(👥|👫|🙋)/u, 'capacity'],
]

const TRADITIONAL: Record<string, string> = {
  時: '时', 間: '间', 點: '点', 額: '额', 題: '题', 報: '报', 動: '动', 辦: '办', 會: '会', 議: '议', 參: '参', 數: '数',
  與: '与', 內: '内', 說: '说', 對: '对', 費: '费', 聯: '联', 週: '周', 號: '号', 場: '场', 關: '关', 舉: '举', 開: '开',
  單: '单', 簡: '简', 紹: '绍', 項: '项', 員: '员', 講: '讲', 題目: '题目', 結: '结', 束: '束', 後: '后', 從: '从', 至: '至',
}
/** 時間 → 时间: labels and times are read in simplified characters (the text itself is kept as written). */
export function simplified (text: string): string {
  return text.replace(/[時間點額題報動辦會議參數與內說對費聯週號場關舉開單簡紹項員講結後從]/g, ch => TRADITIONAL[ch] ?? ch)
}

function labelKey (label: string): NoticeKey | undefined {
  const bare = simplified(label.replace(/\s+/g, ''))
  const exact = EXACT[bare]
  if (exact) return exact
  if (ASIDE.test(bare)) return 'aside'
  if (bare.length > 8) return undefined
  // 报告时间, 讲座地点, 报告题目: a label by what it ends with
  if (/签到|报到|入场|出发|返回|返程|结束|散会|咨询|服务|开放|营业/.test(bare)) return /时间|日期/.test(bare) ? 'aside' : undefined
  // 活动报名时间, 回执提交时间: when sign-ups (not the activity) happen
  if (/报名|回执|提交|报送|反馈|缴费|申报|投稿/.test(bare)) return /截止|截至/.test(bare) ? 'deadline' : 'signup'
  if (/^(集合|集中)/.test(bare)) return /时间/.test(bare) ? 'gatherTime' : /地/.test(bare) ? 'gatherPlace' : undefined
  if (/截止|截至/.test(bare)) return 'deadline'
  if (/^报名/.test(bare)) return 'signup'
  if (/日期$/.test(bare)) return 'date'
  if (/时间$/.test(bare)) return 'time'
  if (/(地点|地址|场地|会场)$/.test(bare)) return 'place'
  if (/(主题|题目|名称|标题)$/.test(bare)) return 'title'
  if (/(人数|名额|限额)$/.test(bare)) return 'capacity'
  return undefined
}

// ---- lines ----------------------------------------------------------------------------------------------------------

const NUMBERING = /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[、.．]?|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、．]|\d{1,2}\.(?!\d)|[(（]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[)）]|[①-⑳]|第[一二三四五六七八九十]{1,3}[、，,.]?)\s*/
const MARKS = /^[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3▼▽▶►▸◀◁▲△◆◇■□●○◎◉★☆※✔✅☑✨✦✧❖♦➤➢➜·•\-*>→☞👉＊]+\s*/u
const COLON = /^([^:：∶]{1,12}?)\s*[:：∶]\s*/

interface Line {
  /** the line as written (trimmed) */
  text: string
  /** the value after the marker and label, as written */
  value: string
  key?: NoticeKey
  /** the label as written (for the description) */
  label?: string
  /** the key an emoji marker gave, when there was no label */
  emojiKey?: NoticeKey
  /** a label on its own: the value is on the next lines */
  heading: boolean
  used: boolean
}

function stripMarks (text: string): { rest: string, emoji: NoticeKey | undefined } {
  let rest = text
  let emoji: NoticeKey | undefined
  for (let i = 0; i < 3; i++) {
    const mark = MARKS.exec(rest)
    if (mark) {
      emoji ??= EMOJI_KEY.find(([re]) => re.test(mark[0]))?.[1]
      rest = rest.slice(mark[0].length)
      continue
    }
    const num = NUMBERING.exec(rest)
    if (num && num[0].length < rest.length) { rest = rest.slice(num[0].length); continue }
    break
  }
  return { rest, emoji }
}

/** Reads one line's label: 【时间】…, 时间：…, 时间 …, or 时间 alone (a heading). */
function readLine (text: string): Line {
  const { rest, emoji } = stripMarks(text)
  const line: Line = { text, value: rest, heading: false, used: false }
  if (emoji) line.emojiKey = emoji
  const bracket = /^[【[]([^】\]]{1,12})[】\]]\s*[:：∶]?\s*/.exec(rest)
  if (bracket) {
    const key = labelKey(bracket[1] ?? '')
    if (key) return { ...line, key, label: bracket[1], value: rest.slice(bracket[0].length), heading: rest.length === bracket[0].length }
    return line
  }
  const colon = COLON.exec(rest)
  if (colon) {
    const key = labelKey(colon[1] ?? '')
    if (key) return { ...line, key, label: colon[1]?.trim(), value: rest.slice(colon[0].length), heading: rest.length === colon[0].length }
  }
  const alone = labelKey(rest.replace(/[:：∶]$/, ''))
  if (alone) return { ...line, key: alone, label: rest.replace(/[:：∶]$/, ''), value: '', heading: true }
  const spaced = /^(\S{1,8})\s+(\S[\s\S]*)$/.exec(rest)
  if (spaced) {
    const key = labelKey(spaced[1] ?? '')
    // 时间 12月5日, 地点 同心荟: a label, a space, the value (not 报名 群内接龙, which is prose)
    if (key && key !== 'aside') return { ...line, key, label: spaced[1], value: spaced[2] ?? '' }
  }
  return line
}

/** 集合时间：8:20；集合地点：…, 集合时间：7:40，出发时间：8:00: one line that carries several labels. */
function splitLabelled (text: string): string[] {
  const parts: string[] = []
  let start = 0
  const cut = /[;；,，。]\s*|\s+/g
  for (const m of text.matchAll(cut)) {
    const after = text.slice(m.index + m[0].length)
    const colon = COLON.exec(after)
    const key = colon ? labelKey(colon[1] ?? '') : undefined
    // only a label that starts a field of its own cuts: 集合时间：8:20；集合地点：…, 时间：12月5日 14:00 地点：同心荟
    if (colon && key && key !== 'description' && (m[0].trim() !== '' ? true : key !== 'aside') && (colon[1] ?? '').trim().length >= 2) {
      parts.push(text.slice(start, m.index))
      start = m.index + m[0].length
    }
  }
  parts.push(text.slice(start))
  return parts.map(p => p.trim()).filter(p => p !== '')
}

// ---- times ----------------------------------------------------------------------------------------------------------

const CN = '〇零一二三四五六七八九十两廿卅'
const DATE_CORE = new RegExp(
  `(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号]` +
  '|\\d{4}\\s*[.\\-/]\\s*\\d{1,2}\\s*[.\\-/]\\s*\\d{1,2}(?!\\d)', 'g')
/** 12/16, 12.5: only in a field that holds a time */
const DATE_SHORT = /(?<![\d.:/])\d{1,2}[./]\d{1,2}(?![\d.:/%])/g
const DAY_ONLY = new RegExp(`(?<![\\d月${CN}])(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号](?![\\d])`, 'g')
/** 12月12日或13日, 周六或周日: two days offered for one activity */
const OR_DAYS = new RegExp(`[日号六日天一二三四五]\\s*[)）]?\\s*(?:或者?|还是|/)\\s*(?:(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号月]|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月|(?:本|这|下)?(?:周|星期|礼拜)[一二三四五六日天])`)
const WEEKDAY = '(?:本|这|下|下个)?(?:周|星期|礼拜)[一二三四五六日天]'
const RELATIVE_DAY = new RegExp(`今天|今日|明天|明日|后天|今晚|明晚|今早|明早|${WEEKDAY}`, 'g')
const DAYPART = '(?:上午|下午|晚上|早上|中午|傍晚|凌晨|夜里|晚间|早晨|清晨|午后|夜晚|晚|早)'
const CLOCK = `(?:\\d{1,2}\\s*[:：∶]\\s*\\d{2}|(?:\\d{1,2}|[零一二三四五六七八九十两]{1,3})\\s*[点時时](?:\\s*(?:\\d{1,2}|[零一二三四五六七八九十]{1,3})\\s*分?|半|一刻|三刻|整)?)(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?`
const AMPM = '(?:am|pm|a\\.m\\.|p\\.m\\.)'
const SESSION = new RegExp(`(?:(?:${DAYPART}|${AMPM})\\s*)?${CLOCK}(?:\\s*(?:[-~～—–－]+|至|到)\\s*(?:(?:${DAYPART}|${AMPM})\\s*)?${CLOCK})?`, 'gi')
const SESSION_AT_START = new RegExp(`^\\s*(?:由|从|自)?\\s*${SESSION.source}`, 'i')

interface DateHit { text: string, index: number, end: number }

/** The explicit dates in a text (12月5日, 2026.12.20), each with a weekday written next to it. */
function datesIn (text: string, short: boolean): DateHit[] {
  const hits: DateHit[] = []
  for (const m of text.matchAll(DATE_CORE)) hits.push({ text: m[0], index: m.index, end: m.index + m[0].length })
  if (short && hits.length === 0) for (const m of text.matchAll(DATE_SHORT)) hits.push({ text: m[0], index: m.index, end: m.index + m[0].length })
  // 23日上午8时30分, 28号 9:30: the month follows from now
  if (short && hits.length === 0) for (const m of text.matchAll(DAY_ONLY)) hits.push({ text: m[0], index: m.index, end: m.index + m[0].length })
  if (hits.length === 0) {
    for (const m of text.matchAll(RELATIVE_DAY)) hits.push({ text: m[0], index: m.index, end: m.index + m[0].length })
    return hits.slice(0, 1)
  }
  return hits.map(h => {
    // a weekday right after (（周六）, 周六, ，周五）) or right before (本周六（1月23日）)
    const after = new RegExp(`^\\s*[(（]?\\s*[,，]?\\s*(${WEEKDAY})\\s*[)）]?`).exec(text.slice(h.end))
    if (after) return { text: `${h.text}(${after[1]})`, index: h.index, end: h.end + after[0].length }
    const before = new RegExp(`(${WEEKDAY})\\s*[(（]\\s*$`).exec(text.slice(0, h.index))
    const close = /^\s*[)）]/.exec(text.slice(h.end))
    if (before && close) return { text: `${h.text}(${before[1]})`, index: h.index - before[0].length, end: h.end + close[0].length }
    return h
  })
}

const dayKey = (hit: DateHit): string => hit.text.replace(/\(.*\)$/, '').replace(/\s+/g, '')

function sessionsIn (text: string): string[] {
  return [...text.matchAll(SESSION)].map(m => m[0].trim()).filter(s => !/^\d{1,2}\s*[点时]$/.test(s) || /[点时]/.test(s))
}

type When =
  | { kind: 'ok', start: number, end: number | null, phrase: string }
  | { kind: 'none' }
  | { kind: 'no-clock', date: string }
  | { kind: 'two-dates', dates: string[] }
  | { kind: 'error', message: string }

/** 12月19日-20日, 12月12日、19日, 26日至27日: more than one day. */
const MULTI_DAY = new RegExp(`(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号]\\s*(?:[(（][^)）]{0,6}[)）])?\\s*(?:[-~～—–－]+|至|到|[、,，/&]|和|及|与)\\s*(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*)?(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号]`)

const pad = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Pieces of one time (a field's value and the lines under it): the date once, the first session's start, the last one's end. */
function readWhen (pieces: readonly string[], now: number, timeZone: string, dateHint: string | null): When {
  const text = simplified(pieces.join('\n'))
  if (OR_DAYS.test(text)) return { kind: 'two-dates', dates: [text.replace(/\s+/g, ' ').slice(0, 30)] }
  // 12月19日-20日 9:00-17:00, 12月26日至12月27日: more than one day, asked rather than read as the first
  const span = MULTI_DAY.exec(toHalfWidth(text))
  if (span) return { kind: 'two-dates', dates: [span[0].replace(/\s+/g, '')] }
  const dates = datesIn(text, true)
  const distinct = [...new Set(dates.map(dayKey))]
  if (distinct.length > 1) return { kind: 'two-dates', dates: distinct }
  const date = dates[0]?.text ?? dateHint
  let rest = text
  for (const d of dates) rest = rest.replace(text.slice(d.index, d.end), ' ')
  const parts = rest.split(/\n|[,，;；、]|(?=[(（])/)
  let sessions = parts.filter(p => !/签到|报到|入场|集合|出发/.test(p)).flatMap(sessionsIn)
  // 12月19日（周六）8:00出发: an outing's only clock is when it leaves
  if (sessions.length === 0) sessions = parts.filter(p => /集合|出发/.test(p) && !/签到|报到|入场/.test(p)).flatMap(sessionsIn).slice(0, 1)
  if (sessions.length === 0) {
    // 今晚7点 keeps its evening in the date word
    if (date && /晚|早/.test(date)) return parseSpan([date], now, timeZone)
    return date ? { kind: 'no-clock', date } : { kind: 'none' }
  }
  if (!date) return { kind: 'none' }
  // 日期：12月12日 晚上 / 时间：7:00: a part of the day written apart from the clock still holds
  const loose = [...rest.matchAll(new RegExp(`${DAYPART}(?!\\s*(?:\\d|[一二三四五六七八九十两]))`, 'g'))].map(m => m[0])
  const bareFirst = !new RegExp(`^(?:${DAYPART}|${AMPM})`, 'i').test(sessions[0] ?? '')
  if (bareFirst && new Set(loose).size === 1) sessions[0] = `${loose[0]}${sessions[0]}`
  const first = `${date} ${sessions[0]}`
  if (sessions.length === 1) return parseSpan([first], now, timeZone)
  return parseSpan([first, `${date} ${sessions.at(-1)}`], now, timeZone)
}

function parseSpan (phrases: readonly string[], now: number, timeZone: string): When {
  const spans = []
  for (const phrase of phrases) {
    const p = parseTimePhrase(pad(phrase), now, timeZone)
    if (!p.ok) return { kind: 'error', message: p.error }
    if (!p.value.hasTime) return { kind: 'no-clock', date: phrase }
    spans.push(p.value)
  }
  const first = spans[0]
  const last = spans.at(-1)
  if (!first || !last) return { kind: 'none' }
  // sessions (上午…，下午…): the last one's end; a session without an end leaves the end open
  const end = spans.length === 1 ? first.end : (last.end ?? null)
  return { kind: 'ok', start: first.start, end: end !== null && end > first.start ? end : null, phrase: phrases.map(pad).join(' / ') }
}

/** 每周三晚7点, 每月第一个周六, 共8次: a series, not one activity. */
const RECURRING = /每(?:个)?(?:周|星期|礼拜|月|天|日|晚)|隔周|双周|共\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:次|期|节|课)/

const OPEN_TIME = /(?:时间|日期|具体时间|时间地点)[^。\n]{0,8}(?:另行通知|另外通知|另行告知|待定|另定|未定|待通知|再通知|定下来)|另行通知|待定/

/** 13:30 签到 / 14:00 开场致辞 (at least two lines that begin with a clock): the first item that is not 签到, or null. */
function agendaStart (lines: readonly Line[], timeText: string): { clock: string, line: Line } | null {
  const items = lines.flatMap(l => {
    if (l.key && !(l.key === 'aside' && /^\d{1,2}$/.test(l.label ?? ''))) return []
    const m = new RegExp(`^\\s*(${DAYPART})?\\s*(\\d{1,2}):(\\d{2})(?:\\s*[-~～—–－至到]+\\s*\\d{1,2}:\\d{2})?\\s*(\\S.*)$`).exec(toHalfWidth(stripMarks(l.text).rest).replace(/∶/g, ':'))
    return m ? [{ part: m[1], hour: Number(m[2]), clock: `${m[1] ?? ''}${m[2]}:${m[3]}`, what: m[4] ?? '', line: l }] : []
  })
  if (items.length < 2) return null
  const first = items.find(i => !/签到|报到|入场|候场|到场|集合/.test(i.what))
  // 2:30 彩排 with no part of the day could be night or afternoon: only 07:00–22:59 is read without one
  if (!first || (!first.part && (first.hour < 7 || first.hour > 22))) return null
  // 时间：12月17日 下午 and an agenda in the morning: asked, never one of them guessed
  const half = (part: string | undefined, hour: number): 'am' | 'pm' | null => part === undefined ? (hour < 12 ? 'am' : 'pm')
    : /上午|早|凌晨|清晨/.test(part) ? 'am' : /下午|晚|傍晚|午后|夜/.test(part) ? 'pm' : null
  const part = new RegExp(DAYPART).exec(timeText)?.[0]
  const said = part ? half(part, 0) : null
  const agenda = half(first.part, first.hour)
  if (said && agenda && said !== agenda) return null
  return { clock: first.clock, line: first.line }
}

// ---- the other fields -----------------------------------------------------------------------------------------------

/** 一百二十, 四十, 30. */
function countOf (text: string): number {
  const t = text.replace(/\s+/g, '')
  if (/^\d+$/.test(t)) return Number(t)
  const hundred = /^([一二两三四五六七八九])百(?:([零〇])?(.*))?$/.exec(t)
  if (hundred) {
    const h = chineseNumber(hundred[1] === '两' ? '二' : hundred[1] ?? '')
    const tail = hundred[3] ?? ''
    const rest = tail === '' ? 0 : hundred[2] ? chineseNumber(tail) : /十/.test(tail) ? chineseNumber(tail.length === 1 ? '一十' : tail) : chineseNumber(tail) * 10
    return h * 100 + rest
  }
  return chineseNumber(t.replace(/^两/, '二'))
}

const NUM = `(\\d{1,5}|[一二两三四五六七八九十百零〇]{1,6})`
const UNIT = '(?:人|名|位|个|组|户)'
/** Capacity written in a sentence, the strongest first: 限额40名 before 推荐5名. */
const CAPACITY_PROSE: readonly RegExp[] = [
  new RegExp(`(?:共限额|限额|限报|名额限|限定)\\s*[:：]?\\s*${NUM}\\s*${UNIT}?`),
  new RegExp(`(?:限|仅限)\\s*${NUM}\\s*${UNIT}`),
  new RegExp(`名额有限\\s*[(（]\\s*(?:共|仅|限|仅限)?\\s*${NUM}\\s*${UNIT}?\\s*[)）]`),
  new RegExp(`名额\\s*[:：为共有]?\\s*${NUM}\\s*${UNIT}?(?![\\d岁])`),
  new RegExp(`${NUM}\\s*${UNIT}\\s*(?:以内|之内|为限|封顶|额满即止|满即止)`),
  new RegExp(`招募[^\\d，。,；;]{0,6}?${NUM}\\s*(?:名|人|位)`),
  new RegExp(`(?:需|需要)[^\\d，。,；;]{0,8}?${NUM}\\s*(?:名|人|位)`),
]

/** The number a 名额 field gives: 30, 30人，额满即止, 限20人, 单身青年会员40人，男女各半; null when none is written. */
function capacityOfField (value: string): string | null {
  const v = toHalfWidth(value).trim()
  if (/^(无|不限|没有|暂无|不限人数|不限名额|-)$/.test(v)) return '不限'
  for (const re of CAPACITY_PROSE) {
    const m = re.exec(v)
    if (m) return String(countOf(m[1] ?? ''))
  }
  const bare = new RegExp(`^${NUM}\\s*${UNIT}?(?:$|[\\s,，;；(（。])`).exec(v) ?? new RegExp(`${NUM}\\s*${UNIT}(?![\\d岁])`).exec(v)
  return bare ? String(countOf(bare[1] ?? '')) : null
}

/** 20人左右, 约30人, 每个分会限报2人, 每单位3名: a rough or per-unit count, never the activity's limit. */
const ROUGH_COUNT = /各\s*(?:\d|[一二两三四五六七八九十])|(?:\d|[一二两三四五六七八九十百])\s*(?:人|名|位|个|组|户)?\s*(?:左右|上下|以上|不等)|(?:(?<![预签邀相公节])约|大约|大概|预计|若干|每(?:个|家|位|人|单位|支部|分会|组|队|户|所|校|院|部门)?[^\d，,。；;]{0,6}?(?:限报|限|报|推荐|选派|派)?)\s*(?:\d|[一二两三四五六七八九十])/

function capacityInProse (text: string): string | null {
  const v = toHalfWidth(text)
  for (const re of CAPACITY_PROSE) {
    const m = re.exec(v)
    // 每个分会限报2人 is per unit; 约30人 is rough: neither is the activity's limit
    const clause = m ? v.slice(0, m.index + m[0].length).split(/[，,。；;!！]/).at(-1) ?? '' : ''
    if (m && ROUGH_COUNT.test(clause)) continue
    if (m) {
      const n = countOf(m[1] ?? '')
      if (Number.isFinite(n) && n > 0) return String(n)
    }
  }
  return null
}

const DATE_TEXT = `(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:\\d{1,2}|[${CN}]{1,3})\\s*[日号]|\\d{4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}|\\d{1,2}/\\d{1,2}`
const DEADLINE_TEXT = `(?:${DATE_TEXT})(?:\\s*[(（][^)）]{1,6}[)）])?(?:\\s*(?:${DAYPART})?\\s*(?:${CLOCK}))?`
/** A deadline in a sentence: 请于12月9日前报名, 即日起至12月17日, 截止11月4日, 12月10日前报名. */
const DEADLINE_PROSE: readonly RegExp[] = [
  new RegExp(`即日起\\s*(?:至|到|—|-|~)\\s*(${DEADLINE_TEXT})`),
  new RegExp(`(?:请于|请在|于|在)\\s*(${DEADLINE_TEXT})\\s*(?:之前|以前|前)`),
  new RegExp(`(?:截止|截至)(?:到|至|日期|时间)?\\s*[:：为]?\\s*(${DEADLINE_TEXT})`),
  new RegExp(`(${DEADLINE_TEXT})\\s*(?:之前|以前|前)\\s*(?:报名|回复|报送|接龙|提交|截止)`),
  new RegExp(`(${DEADLINE_TEXT})\\s*(?:报名)?(?:截止|止)`),
]

function deadlineIn (text: string): string | null {
  const v = toHalfWidth(text)
  for (const re of DEADLINE_PROSE) {
    const m = re.exec(v)
    if (m) return (m[1] ?? '').trim()
  }
  return null
}

/** 报名时间：即日起至12月17日, 12月1日—12月10日: sign-ups end on the last day written. */
function signupDeadline (value: string): string | null {
  const v = toHalfWidth(value).trim()
  if (!/^(即日起|\d|[一二三四五六七八九十]+月|从|自)/.test(v)) return null
  const all = [...v.matchAll(new RegExp(DEADLINE_TEXT, 'g'))]
  const last = all.at(-1)
  return last && (all.length > 1 || /^即日起|^(从|自)?(今天|即日)/.test(v) || /止|截止|前/.test(v.slice((last.index ?? 0) + last[0].length, (last.index ?? 0) + last[0].length + 4))) ? last[0].trim() : null
}

/** The place in a sentence: 在同心荟举行, 地点在文化会客厅一楼. */
function placeInProse (text: string): string | null {
  const candidates = [
    ...text.matchAll(/地点(?:在|为|是|设在)\s*([^，,。；;]{2,60})/g),
    // 地点不变，仍在同心荟书房
    ...text.matchAll(/(?:仍在|仍然在|依然在|还是在|照常在)\s*([^，,。；;]{2,60})/g),
    ...text.matchAll(/(?:将在|在|于)\s*([^，,。；;在于]{2,60}?)\s*(?:举行|召开|举办|开展|进行|组织|集合|集中|开讲|开课|参观|共读|观影|相聚|聚会|聚餐)/g),
    // 在图书馆报告厅作题为《…》的学术讲座
    ...text.matchAll(/(?:将在|在|于)\s*([^，,。；;在于]{2,60}?)\s*(?:作|做)(?:题为|了?一场|一场|专题|主题|学术)/g),
  ]
  for (const m of candidates) {
    const place = m[1]?.trim()
    if (place && !new RegExp(DATE_TEXT).test(toHalfWidth(place)) && !/^(近期|本周|下周|今天|明天|群内|群里|线上|\d)/.test(place) && !SESSION_AT_START.test(toHalfWidth(place))) return place
  }
  return null
}

/** 同心读书会 12月12日…: the words in front of a date, when they are a name and not a sentence. */
function leadingTitle (text: string): string | null {
  const hit = datesIn(toHalfWidth(text), false)[0]
  if (!hit) return null
  const before = text.slice(0, hit.index).replace(/(?:定于|将于|拟于|于|在|时间|日期)?[\s:：,，(（]*$/, '').trim()
  if (/^(我们|我|大家|本会|现|兹|经研究|为|各位|原|因)/.test(before)) return null
  return before.length >= 2 && before.length <= 40 && !/[，,。；;]/.test(before) && /\p{Script=Han}/u.test(before) ? before : null
}

/** 12月12日下午2点 同心荟, …早上8点 景山公园门口集合: a short place after the time, set apart by a space or a comma. */
function trailingPlace (tail: string): string | null {
  // 本周六晚7点，同心荟客厅见，名额15人: what follows 见/集合 is another clause
  const m = /^\s*[\s,，]\s*(?:在|地点[:：]?)?\s*([^\s,，。；;!！]{2,30}?)\s*(?:(?:集合|集中|见)(?:[,，;；。!！].*)?|[。!！]?)$/.exec(tail)
  const place = m?.[1]
  return place && !/(报名|参加|欢迎|接龙|活动|请|准时)/.test(place) ? place : null
}

/** The title in a sentence: 召开新联会年度工作座谈会，举办“月圆同心”中秋茶话会. */
function titleInProse (text: string): string | null {
  // 原定12月12日的“冬日书香”读书会改期至…: what is moved
  const moved = /原(?:定|计划)[^，,。；;]*?的\s*([^，,。；;]{2,40}?)\s*(?:改期|延期|推迟|顺延|调整|改)/.exec(text)
  if (moved?.[1]) return moved[1].trim()
  for (const m of text.matchAll(/(?:举办|召开|举行|开展|组织)\s*([^，,。；;]{2,60})/g)) {
    const t = m[1]?.trim()
    if (t && !/^(的|了|活动$|过)/.test(t)) return t
  }
  return null
}

/** 下一期定于…在同心荟举行 after 沙龙反响热烈: the kind of activity the sentence names. */
function kindInProse (text: string): string | null {
  const kind = /(沙龙|讲座|讲堂|论坛|培训班|培训|座谈会|读书会|联谊会|茶话会|分享会|交流会|研讨会|年会|音乐会|晚会|运动会|义诊|志愿服务|走访|调研|参观)/.exec(text)
  return kind?.[1] ?? null
}

// ---- the title line -------------------------------------------------------------------------------------------------

const GENERIC = /^(改期通知|延期通知|变更通知|调整通知|时间调整|更正|通知|公告|重要通知|活动通知|会议通知|温馨提示|活动预告|预告|报名通知|招募|活动招募|邀请函|好消息|喜讯|最新活动|活动报名|紧急通知)$/
const GREETING = /^(各位|尊敬的|亲爱的|各分会|各会员|各支部|全体|大家好|各位好|致|各有关|各相关|各单位|各小组)/

function isGreeting (line: Line): boolean {
  const t = line.text.trim()
  if (line.key && !line.heading) return false
  if (/^(大家好|各位好|你好|您好)[!！。,，~]?$/.test(t)) return true
  if (/^(各位|亲爱的|尊敬的).{0,14}(好|们)[!！。,，~:：]?$/.test(t)) return true
  return /[:：]$/.test(t) && t.length <= 24 && (GREETING.test(t) || !line.key)
}

/** A first line without its wrapper: 关于举办…的通知, …活动预告, …报名通知, 【tag】title. */
function unwrapTitle (line: string): { title: string, wrapped: boolean } {
  let t = stripMarks(line).rest.trim().replace(/[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u, '').replace(/[:：。!！~]+$/, '')
  const about = /^关于(?:举办|开展|召开|举行|组织|参加|做好|进行)?\s*(.+?)\s*的\s*(?:报名)?(?:通知|公告|预告|启事)$/.exec(t)
  if (about?.[1]) return { title: about[1], wrapped: true }
  const whole = /^[【[]([^】\]]+)[】\]]$/.exec(t)
  if (whole?.[1]) return { title: whole[1], wrapped: false }
  const tagged = /^[【[]([^】\]]+)[】\]]\s*(.+)$/.exec(t)
  // 【法律咨询】律师分会…: the tag is a category; 【同心荟读书会】第九期…: the tag is the series, part of the title
  if (tagged?.[1] && tagged[2]) t = /^[《第“"(（]|^[^\p{Script=Han}]/u.test(tagged[2]) && !/^[“"]/.test(tagged[2]) ? `${tagged[1]}${tagged[2]}` : tagged[2]
  const notice = /^(.+?)(?:活动)?(?:预告|报名通知|通知|公告|启事|招募令|邀请函)$/.exec(t)
  if (notice?.[1] && notice[1].length >= 2) return { title: notice[1], wrapped: false }
  return { title: t, wrapped: false }
}

/** A line that is a title, not prose: short, no sentence punctuation, not a date on its own. */
function looksLikeTitle (text: string): boolean {
  const t = stripMarks(text).rest
  if (t.length < 2 || t.length > 70) return false
  if (/^https?:\/\//.test(t)) return false
  // 2026年12月3日 on a line of its own is when the notice was written
  if (new RegExp(`^(?:${DATE_TEXT})$`).test(toHalfWidth(t).trim())) return false
  if (/[，,。；;]/.test(t.replace(/“[^”]*”|《[^》]*》/g, ''))) return false
  if (datesIn(toHalfWidth(t), false).length > 0 && sessionsIn(toHalfWidth(t)).length > 0) return false
  return /\p{Script=Han}|[A-Za-z]{2}/u.test(t)
}

const unquoteBook = (s: string): string => s.trim().replace(/^《([^《》]+)》$/, '$1')

// ---- reading --------------------------------------------------------------------------------------------------------

function exampleOf (title: string | null, place: string | null, now: number, timeZone: string, date?: number): string {
  const when = date ?? now + 7 * 24 * 3600_000
  const w = toWall(when, timeZone)
  const lines = ['#活动', `主题：${title ?? '数字经济沙龙'}`, `时间：${w.month}月${w.day}日 14:30`]
  if (place) lines.push(`地点：${place}`)
  return lines.join('\n')
}

function problem (kind: NoticeProblem, message: string, example: string): NoticeResult {
  return { ok: false, error: { kind, message, example } }
}

const cut = (s: string, max: number): string => [...s].slice(0, max).join('')

/**
 * Reads a notice pasted after #活动 (or quoted): the title, the activity's own start (an outing's 集合 time), the end,
 * place, capacity, deadline and the rest as the description. Refuses rather than guesses a time.
 */
export function readNotice (text: string, now: number, timeZone: string): NoticeResult {
  // 定于本月19日（周六）, 下月3日: the month follows from now
  const thisMonth = toWall(now, timeZone).month
  text = text.replace(new RegExp(`(本|下)(?:个)?月\\s*(\\d{1,2}|[${CN}]{1,3})\\s*([日号])`, 'g'), (_, which: string, day: string, mark: string) =>
    `${which === '本' ? thisMonth : thisMonth % 12 + 1}月${day}${mark}`)
  const rawLines = text.split('\n').map(l => l.trim()).filter(l => l !== '' && !/^[-—_=~*·.。\s]+$/.test(l))
  if (rawLines.length > 400) rawLines.length = 400
  const lines: Line[] = rawLines.flatMap(splitLabelled).map(readLine).filter(l => l.key || /[\p{L}\p{N}]/u.test(l.value))
  if (lines.length === 0 || lines.every(l => /^https?:\/\/\S+$/.test(l.value.trim()))) {
    return problem('no-start', '只看到一个链接或表情，机器人打不开链接，这次没有创建活动。请把通知的文字粘贴过来，或按下面的格式写', exampleOf(null, null, now, timeZone))
  }
  const notes: string[] = []
  const valueOf = (l: Line): string => toHalfWidth(l.value).replace(/∶/g, ':')

  // headings take the lines below them until the next label
  const under = new Map<Line, Line[]>()
  lines.forEach((l, i) => {
    if (!l.heading && !(l.key && l.value.trim() !== '' && (l.key === 'time' || l.key === 'date'))) return
    const below: Line[] = []
    for (const next of lines.slice(i + 1)) {
      if (next.key || next.emojiKey || below.length >= (l.heading ? 6 : 3)) break
      if (!l.heading && sessionsIn(toHalfWidth(next.value)).length === 0) break
      below.push(next)
    }
    under.set(l, below)
  })
  const fieldText = (l: Line): string[] => [l.value, ...(under.get(l) ?? []).map(b => b.value)].filter(s => s.trim() !== '')
  const first = (key: NoticeKey): Line | undefined => lines.find(l => l.key === key && fieldText(l).length > 0) ??
    lines.find(l => !l.key && l.emojiKey === key && l.value.trim() !== '')
  const take = (l: Line | undefined): void => {
    if (!l) return
    l.used = true
    for (const b of under.get(l) ?? []) b.used = true
  }

  // the title line, after any greeting
  // a greeting, or the date the notice was written, comes before the title
  const before = (l: Line): boolean => isGreeting(l) || (!l.key && new RegExp(`^(?:${DATE_TEXT})$`).test(toHalfWidth(l.value).trim()))
  let titleIndex = lines.findIndex(l => !before(l))
  // 【通知】 or 活动预告 on a line of its own says what follows, it is not the title
  if (titleIndex >= 0 && GENERIC.test(stripMarks(lines[titleIndex]?.text ?? '').rest.replace(/[【】[\]:：!！\s]/g, ''))) {
    (lines[titleIndex] as Line).used = true
    titleIndex = lines.findIndex((l, i) => i > titleIndex && !before(l))
  }
  const titleLine = lines[titleIndex]
  let heading: { title: string, wrapped: boolean } | null = null
  if (titleLine && !titleLine.key && !titleLine.emojiKey && looksLikeTitle(titleLine.text) && titleIndex <= 2) {
    heading = unwrapTitle(titleLine.text)
    titleLine.used = true
  }
  for (const l of lines.slice(0, Math.max(0, titleIndex))) l.used = true

  // ---- time
  // 展览时间：12月15日—12月25日 and 开幕式时间：12月15日上午10:00: the opening is the gathering people sign up for
  const opening = lines.find(l => l.key === 'time' && /开幕|开班|开营|开赛|启动仪式|开园/.test(simplified(l.label ?? '')) && fieldText(l).length > 0)
  const timeField = opening ?? first('time')
  const dateField = first('date')
  const timePlaceField = first('timePlace')
  const gatherTime = first('gatherTime')
  const texts = lines.map(l => l.text).join('\n')
  let when: When = { kind: 'none' }
  let proseLine: Line | undefined
  let placeFromTime: string | null = null
  const dateHintOf = (l: Line | undefined): string | null => (l ? datesIn(fieldText(l).map(toHalfWidth).join('\n'), true)[0]?.text ?? null : null)
  if (timePlaceField) {
    const value = fieldText(timePlaceField).map(toHalfWidth).join('\n').replace(/∶/g, ':')
    const parts = value.split(/[，,;；]\s*|\s+(?=[^\d\s(（上下晚早中])/)
    const timeParts = parts.filter(p => datesIn(p, true).length > 0 || sessionsIn(p).length > 0)
    const placeParts = parts.filter(p => !timeParts.includes(p))
    placeFromTime = placeParts.length > 0 ? fieldText(timePlaceField).join(' ').slice(value.indexOf(placeParts[0] ?? '')).trim() : null
    when = readWhen(timeParts, now, timeZone, null)
    take(timePlaceField)
  }
  if (when.kind === 'none' && (timeField || dateField)) {
    const pieces = [...(dateField ? fieldText(dateField) : []), ...(timeField ? fieldText(timeField) : [])].map(toHalfWidth).map(s => s.replace(/∶/g, ':'))
    // 签到时间：8月7日 13:30 then 活动时间：14:00～17:00: the day is the one the other times of the notice name
    const sideDates = [...new Set(lines.filter(l => l.key === 'aside' && /签到|报到|入场|出发|集合/.test(l.label ?? ''))
      .flatMap(l => datesIn(toHalfWidth(l.value), false)).map(dayKey))]
    let hint = sideDates.length === 1 ? sideDates[0] ?? null : null
    // 本周六（12月12日）下午，市图书馆将邀请… then 讲座时间：下午2:30—4:00: a clock without a day takes the one day the prose names
    if (!hint && datesIn(simplified(pieces.join('\n')), true).length === 0) {
      const proseDays = [...new Set(lines.filter(l => !l.key && !isSignature(l, lines)).flatMap(l => {
        const v = toHalfWidth(l.value)
        return datesIn(v, false).filter(h => !isDeadlineAt(v, h) && /\d|月/.test(h.text))
      }).map(dayKey))]
      if (proseDays.length === 1) hint = proseDays[0] ?? null
    }
    when = readWhen(pieces, now, timeZone, hint)
    take(dateField)
    take(timeField)
  }
  // 时间：12月26日 with 议程 13:30 签到 / 14:00 开场致辞 …: the first item that is not 签到 starts it
  if (when.kind === 'no-clock' && !gatherTime) {
    const fromAgenda = agendaStart(lines, timeField ? fieldText(timeField).join(' ') : '')
    if (fromAgenda) {
      const a = readWhen([`${when.date} ${fromAgenda.clock}`], now, timeZone, null)
      if (a.kind === 'ok') { when = { ...a, end: null }; notes.push('通知没有写开始时间，按议程中签到之后的第一项为开始时间') }
    }
  }
  if (when.kind === 'none' && !timeField && !dateField && !timePlaceField) {
    // emoji lines with no label (📆 今天（6月18日）⏰ 晚上7点半): date and time lines side by side
    const dated = lines.filter(l => !l.key && (l.emojiKey === 'date' || l.emojiKey === 'time'))
    if (dated.length > 0) {
      when = readWhen(dated.map(valueOf), now, timeZone, null)
      for (const l of dated) l.used = true
    }
  }
  if (when.kind === 'none' && !timeField && !dateField && !timePlaceField) {
    // prose: 定于12月22日上午9时30分在…召开; the sessions may follow on their own lines
    // 温馨提示：本周日（12月13日）上午9点…: a sentence behind a label that only introduces it
    const candidates = lines.filter(l => (!l.key || (l.key === 'aside' && /提示|通知|公告/.test(l.label ?? ''))) && !l.used && datesIn(toHalfWidth(l.value), false).length > 0 && !isSignature(l, lines))
    const scored = candidates.map(l => {
      const v = toHalfWidth(l.value)
      // 原定12月12日…改期至12月19日: the old date is not the activity's
      const d = datesIn(v, false).filter(h => !isDeadlineAt(v, h) && !/(?:原定|原计划|原先|原本|本来)(?:于|在)?\s*$/.test(v.slice(0, h.index)))
      // 为庆祝12月4日宪法日，定于12月12日…: the date the activity is set for
      const set = d.find(h => /(?:改期|延期|推迟|顺延|调整|改|挪)(?:至|到|为|在)\s*$/.test(v.slice(0, h.index))) ??
        d.find(h => /(?:定于|将于|拟于|拟定于|计划于|兹定于|定在|安排在)\s*$/.test(v.slice(0, h.index))) ??
        d.find(h => /(?:于|在)\s*$/.test(v.slice(0, h.index)))
      return { l, d, v, hit: set ?? d[0], score: d.length === 0 ? -1 : set ? 2 : 1 }
    }).filter(c => c.score > 0).sort((a, b) => b.score - a.score)
    const pick = scored[0]
    if (pick) {
      proseLine = pick.l
      const d = pick.hit as DateHit
      const after = pick.v.slice(d.end)
      const adjacent = SESSION_AT_START.exec(after.replace(/^[\s,，的]+/, ''))
      const i = lines.indexOf(pick.l)
      const following = lines.slice(i + 1).filter((l, k, all) => !l.key && SESSION_AT_START.test(toHalfWidth(l.value)) && all.slice(0, k).every(p => !p.key && SESSION_AT_START.test(toHalfWidth(p.value))))
      if (pick.d.length > 1 && new Set(pick.d.map(dayKey)).size > 1 && /或|还是/.test(pick.v)) {
        when = { kind: 'two-dates', dates: pick.d.map(dayKey) }
      } else if (OR_DAYS.test(simplified(pick.v))) {
        when = { kind: 'two-dates', dates: pick.d.map(dayKey) }
      } else if (adjacent) {
        when = readWhen([`${d.text} ${adjacent[0]}`], now, timeZone, null)
      } else if (following.length > 0) {
        when = readWhen([d.text, ...following.map(valueOf)], now, timeZone, null)
      } else {
        when = { kind: 'no-clock', date: d.text }
      }
      placeFromTime = placeInProse(pick.l.value)
      if (adjacent && !placeFromTime) placeFromTime = trailingPlace(after.replace(/^[\s,，的]+/, '').slice(adjacent[0].length))
    }
  }
  // a field and a sentence (定于12月19日…) that name different days: asked, never one of them guessed
  if (when.kind === 'ok' && !proseLine) {
    const fieldStart = when.start
    const startDay = toWall(fieldStart, timeZone)
    for (const l of lines) {
      if (l.key) continue
      const v = toHalfWidth(l.value)
      for (const h of datesIn(v, false)) {
        if (!/(?:定于|将于|拟于|拟定于|兹定于|定在)\s*$/.test(v.slice(0, h.index)) || isDeadlineAt(v, h) || /^[^，,。]{0,8}(?:截止|报名)/.test(v.slice(h.end))) continue
        const p = parseTimePhrase(dayKey(h), now, timeZone)
        if (!p.ok) continue
        const d = toWall(p.value.start, timeZone)
        if (d.month !== startDay.month || d.day !== startDay.day) when = { kind: 'two-dates', dates: [formatDateOnly(fieldStart, timeZone), dayKey(h)] }
      }
    }
  }
  // an outing starts where people gather: 集合时间 7:40 on the activity's day
  let gatherUsed = false
  if (gatherTime) {
    const hint = when.kind === 'ok' ? formatDateOnly(when.start, timeZone) : when.kind === 'no-clock' ? when.date : dateHintOf(timeField) ?? dateHintOf(dateField)
    const g = readWhen(fieldText(gatherTime).map(toHalfWidth), now, timeZone, hint)
    if (g.kind === 'ok') {
      const end = when.kind === 'ok' ? (when.end ?? null) : null
      when = { kind: 'ok', start: g.start, end: end !== null && end > g.start ? end : g.end, phrase: g.phrase }
      gatherUsed = true
      take(gatherTime)
      if (when.kind === 'ok' && timeField) notes.push('出行活动以集合时间为开始时间')
    } else if (g.kind === 'error' || g.kind === 'two-dates') {
      when = g
    }
  }

  // an outing with only 出发时间：12月5日 7:30 starts when it leaves
  if (when.kind === 'none' || when.kind === 'no-clock') {
    const leave = lines.find(l => l.key === 'aside' && /^出发(时间)?$/.test(simplified(l.label ?? '')))
    if (leave) {
      const hint = when.kind === 'no-clock' ? when.date : null
      const g = readWhen([toHalfWidth(leave.value)], now, timeZone, hint)
      if (g.kind === 'ok') { when = g; leave.used = true; notes.push('以出发时间为开始时间') }
    }
  }

  // ---- title
  const titleField = first('title')
  let title: string | null = null
  let titleFromField = false
  const fieldTitle = titleField ? unquoteBook(fieldText(titleField).join(' ')) : null
  const proseTopic = /题目为\s*《([^》]+)》|主题为\s*[《“]([^》”]+)[》”]|题为\s*[《“]([^》”]+)[》”]/.exec(texts)
  const topic = fieldTitle ?? (proseTopic ? (proseTopic[1] ?? proseTopic[2] ?? proseTopic[3] ?? null) : null)
  take(titleField)
  if (heading && topic && !heading.wrapped && !topic.includes(heading.title) && !heading.title.includes(topic)) {
    title = `${heading.title}：${topic}`
    if ([...title].length > LIMITS.title) title = topic
  } else if (topic) {
    title = topic
    titleFromField = fieldTitle !== null
  } else if (heading) {
    title = heading.title
  } else if (proseLine) {
    // 同心读书会 12月12日下午2点 同心荟 (a 接龙 header): the words before the date name it
    title = titleInProse(proseLine.value) ?? leadingTitle(proseLine.value) ?? kindInProse(proseLine.value)
  }
  const openingWord = opening ? /开幕式|开班式|开营仪式|开幕|开班|开营|开赛|启动仪式|开园/.exec(simplified(opening.label ?? ''))?.[0] : undefined
  if (title && openingWord && !title.includes(openingWord.slice(0, 2))) title = `${title}${openingWord}`
  if (title && !titleFromField && [...title].length > LIMITS.title) {
    title = cut(title, LIMITS.title)
    notes.push(`主题太长，只取了前${LIMITS.title}个字`)
  }

  // ---- place
  const placeField = first('place')
  const gatherPlace = first('gatherPlace')
  const placeValue = (l: Line | undefined): string | null => (l ? fieldText(l).join(' ').replace(/[。；;]$/, '').trim() || null : null)
  let location: string | null = gatherUsed && gatherPlace ? placeValue(gatherPlace) : placeValue(placeField) ?? placeFromTime ?? placeValue(gatherPlace)
  if (gatherUsed && gatherPlace) take(gatherPlace)
  else if (placeField) take(placeField)
  else if (!placeFromTime) take(gatherPlace)
  if (location && /^(另行通知|待定|另行告知|稍后通知|待通知)/.test(location)) location = null
  if (location && [...location].length > LIMITS.location) {
    location = cut(location, LIMITS.location)
    notes.push(`地点太长，只取了前${LIMITS.location}个字`)
  }

  // ---- capacity
  const capacityField = first('capacity')
  let capacity: string | null = null
  if (capacityField) {
    const v = fieldText(capacityField).join(' ')
    // 20人左右, 每个支部限报3人: not a limit for the whole activity (限额40名（每个分会推荐5名） keeps its 40)
    const clauses = toHalfWidth(v).split(/[，,。；;()（）]/)
    const firm = clauses.filter(c => !ROUGH_COUNT.test(c)).join('，')
    if (firm.length < clauses.join('，').length && capacityOfField(firm) === null) {
      notes.push('名额写的是约数或每个单位的人数，没有设人数上限，需要时请用 #修改 设名额')
    } else if (firm.length < clauses.join('，').length) {
      capacity = capacityOfField(firm)
      take(capacityField)
    } else {
      capacity = capacityOfField(v)
      // 名额有限，先到先得: no number, so no limit is set; a number that cannot be read is refused by readFields
      if (capacity === null && /^(名额)?(有限|先到先得|先报先得|额满即止|满员即止|报满为止)/.test(v.trim())) notes.push('名额没有写人数，按不限人数')
      else if (capacity === null) capacity = v
      take(capacityField)
    }
  } else {
    for (const l of lines) {
      if (l.key && l.key !== 'aside' && l.key !== 'signup' && l.key !== 'description') continue
      const found = capacityInProse(l.text)
      if (found) { capacity = found; break }
    }
  }

  // ---- deadline
  const deadlineField = first('deadline')
  let deadline: string | null = null
  if (deadlineField) {
    deadline = fieldText(deadlineField).map(toHalfWidth).join(' ')
    // 12月16日（周三）下班前: no clock to read; the day is kept and the note says so
    if (/下班|工作时间内|当天/.test(deadline) && new RegExp(DATE_TEXT).test(deadline)) {
      deadline = deadline.replace(/\s*(?:下班|工作时间内|当天)\s*(?:之前|以前|前)?/, '')
      notes.push('截止写的是「下班前」，按当天结束计；需要精确到几点请用 #修改 改截止')
    }
    take(deadlineField)
  } else {
    for (const l of lines) {
      // 名额：限100人，报名截止12月21日17:00: a deadline written in the same line as another field
      if (l.key && l.key !== 'signup' && l.key !== 'aside' && l.key !== 'description' && l.key !== 'capacity') continue
      const found = l.key === 'signup' ? signupDeadline(l.value) ?? deadlineIn(l.text) : deadlineIn(l.text)
      if (found) { deadline = found; break }
    }
  }

  // ---- refusals: nothing created, the time asked for
  const ask = (date?: number): string => exampleOf(title, location, now, timeZone, date)
  if (OPEN_TIME.test(texts) && when.kind !== 'ok') return problem('time-open', '通知里说时间还没定（另行通知/待定），这次没有创建活动。时间定下来后，请再发一次并写明时间', ask())
  const whenText = [timeField, dateField, timePlaceField, proseLine].flatMap(l => (l ? fieldText(l) : [])).join(' ')
  // 12月19日（本周六） written on Monday 12月7日: the week word and the date disagree; asked, never one of them guessed
  if (when.kind === 'ok' && /(?:本|这)个?(?:周|星期|礼拜)[一二三四五六日天]/.test(simplified(whenText))) {
    const today = toWall(now, timeZone)
    const monday = addDays(today, 1 - weekdayOf(today))
    const from = fromWall({ ...monday, hour: 0, minute: 0 }, timeZone)
    const to = fromWall({ ...addDays(monday, 7), hour: 0, minute: 0 }, timeZone)
    if (when.start < from || when.start >= to) return problem('two-dates', `通知里写的「本周」和日期（${formatDateOnly(when.start, timeZone)}）对不上，不知道活动是哪一天，这次没有创建活动。请写明一个开始时间`, ask())
  }
  if (when.kind === 'ok' && RECURRING.test(simplified(toHalfWidth(whenText)))) return problem('recurring', '通知里写的是每周/每月重复的活动，机器人一次只登记一场，这次没有创建活动。请写明其中一场的具体日期和时间（每场各发一次）', ask())
  if (when.kind === 'two-dates') return problem('two-dates', `通知里写了不止一个日期（${when.dates.join('、')}），不知道活动是哪一天，这次没有创建活动。请写明一个开始时间`, ask())
  if (when.kind === 'error') return problem('invalid', `「时间」有误：${when.message}`, ask())
  if (when.kind === 'no-clock') return problem('no-start', `通知里有日期（${when.date.replace(/\(.*\)$/, '')}），但没有写几点开始，这次没有创建活动。请写明开始时间`, ask())
  if (when.kind === 'none') return problem('no-start', '没有从通知里读到活动的开始时间（几月几日几点），这次没有创建活动。请补上时间再发', ask())
  if (!title) return problem('no-title', '没有从通知里读到活动主题，这次没有创建活动。请在第一行写上主题', exampleOf(null, location, now, timeZone, when.start).replace(/时间：.*$/m, `时间：${formatDateTimeZh(when.start, timeZone).replace(/\(.+\)/, '')}`))

  // ---- description: every line not read into a field, with its label
  for (const l of lines) if (l.key === 'aside' && /签到|报到|入场/.test(l.label ?? '') && !notes.some(n => n.includes('签到'))) notes.push('签到/报到时间写进了说明')
  const typeField = first('type')
  const remindField = first('remind')
  take(typeField)
  take(remindField)
  const description = lines.filter(l => !l.used && !isSignature(l, lines)).map(l => l.text).join('\n')
  let desc = description.trim() === '' ? null : description
  if (desc && [...desc].length > LIMITS.description) {
    desc = cut(desc, LIMITS.description - 1) + '…'
    notes.push(`通知较长，说明只保存了前${LIMITS.description}个字`)
  }

  const raw: RawFields = { title, time: when.phrase }
  if (location) raw.location = location
  if (capacity) raw.capacity = capacity
  if (deadline) raw.deadline = deadline
  if (typeField) raw.type = fieldText(typeField).join(' ')
  if (remindField) raw.remind = fieldText(remindField).join(' ')
  if (desc) raw.description = desc

  try {
    const { time: _time, ...others } = raw
    const f: ActivityFields = readFields({ ...others, title: cut(title, LIMITS.title) }, now, timeZone)
    const start = when.start
    const end = when.end
    const finalDeadline = f.deadline === undefined ? start : settleDeadline(f.deadline, f.deadlineDateOnly, start, timeZone)
    checkActivity({ start, end, deadline: finalDeadline }, now, timeZone)
    if (finalDeadline <= now) throw new Refusal('「截止」已经过去了', `截止：${formatDateTimeZh(start, timeZone)}`)
    const value: NoticeReading = {
      title: f.title ?? title,
      start,
      end,
      location: f.location ?? null,
      capacity: f.capacity ?? null,
      deadline: finalDeadline,
      type: f.type ?? inferActivityType(title),
      description: f.description ?? null,
      raw,
      notes,
    }
    if (f.remindOffsets) value.remindOffsets = f.remindOffsets
    return { ok: true, value }
  } catch (e) {
    if (e instanceof Refusal) return problem('invalid', e.message, e.example ?? ask(when.start))
    throw e
  }
}

function formatDateOnly (at: number, timeZone: string): string {
  const w = toWall(at, timeZone)
  return `${w.year}年${w.month}月${w.day}日`
}

/** A date on its own line near the end (2026年12月3日 under the organisation's name) is when it was written, not the start. */
function isSignature (l: Line, all: readonly Line[]): boolean {
  if (l.key) return false
  const v = toHalfWidth(l.value).trim()
  if (!new RegExp(`^(?:${DATE_TEXT})$`).test(v) && !new RegExp(`^\\S{2,20}\\s+(?:${DATE_TEXT})$`).test(v)) return false
  return all.indexOf(l) >= all.length - 3
}

/** 请于12月9日前, 截止12月9日, 即日起至12月9日: a date that ends sign-ups, not the activity's. */
function isDeadlineAt (text: string, hit: DateHit): boolean {
  const before = text.slice(Math.max(0, hit.index - 6), hit.index)
  const after = text.slice(hit.end, hit.end + 12)
  // 改期至12月19日 moves the activity; it does not end sign-ups
  return /(?:请于|请在|截止|截至|即日起至|即日起到|(?<!改期|延期|推迟|顺延|调整|改|挪)(?:至|到))\s*$/.test(before) || new RegExp(`^\\s*(?:${DAYPART})?\\s*(?:${CLOCK})?\\s*(?:之前|以前|前|截止|止)`).test(after)
}

/**
 * The fields of #修改 written the way notices label them (会议地点：…, 人数：限30人，先报先得, 【时间】…): raw fields for
 * readFields, or null when a line is not a field the reader knows.
 */
export function noticeFields (body: string): RawFields | null {
  const parts = body.includes('\n') ? body.split('\n') : body.split(/[;；]/)
  const out: RawFields = {}
  for (const part of parts.flatMap(splitLabelled)) {
    if (part.trim() === '') continue
    const line = readLine(part.trim())
    const value = line.value.trim()
    if (!line.key || line.heading || value === '') return null
    const key = ({ title: 'title', time: 'time', date: 'time', gatherTime: 'time', place: 'location', gatherPlace: 'location', capacity: 'capacity', deadline: 'deadline', type: 'type', remind: 'remind', description: 'description' } as const)[line.key as string]
    if (!key) return null
    if (out[key] !== undefined) return null
    out[key] = key === 'capacity' ? capacityOfField(value) ?? value : key === 'title' ? unquoteBook(value) : value
  }
  return Object.keys(out).length > 0 ? out : null
}
