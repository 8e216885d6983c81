// The fields of #活动 and #修改 (`主题：…`, one per line or `;`-separated on one line), read and
// checked into typed values. Every refusal names the field and shows a correct example.
import { z } from 'zod'
import { attempt, Refusal, type Result } from './refusal.js'
import { toHalfWidth } from './normalize.js'
import { ACTIVITY_TYPES, inferActivityType, isActivityType, type ActivityType } from './activity-type.js'
import { parseOffsets } from './durations.js'
import { parseTimePhrase } from './time-phrase.js'
import { formatDateTimeZh, fromWall, toWall } from './zoned-time.js'

export const LIMITS = {
  title: 60,
  location: 100,
  description: 500,
  capacity: 10_000,
} as const

export const ACTIVITY_EXAMPLE = '#活动\n主题：数字经济沙龙\n时间：下周六下午2点-4点\n地点：同心荟\n名额：30'

type FieldKey = 'title' | 'time' | 'location' | 'capacity' | 'type' | 'deadline' | 'remind' | 'description'

const FIELD_NAMES: Record<string, FieldKey> = {
  主题: 'title', 标题: 'title', 名称: 'title', 活动: 'title', 活动名称: 'title',
  时间: 'time', 活动时间: 'time', 日期: 'time',
  地点: 'location', 地址: 'location', 活动地点: 'location',
  名额: 'capacity', 人数: 'capacity', 限额: 'capacity', 限报: 'capacity',
  类型: 'type', 类别: 'type',
  截止: 'deadline', 截止时间: 'deadline', 报名截止: 'deadline', 报名截止时间: 'deadline',
  提醒: 'remind',
  说明: 'description', 备注: 'description', 内容: 'description', 简介: 'description', 介绍: 'description',
}

/** Field label as shown back to users. */
const LABEL: Record<FieldKey, string> = {
  title: '主题', time: '时间', location: '地点', capacity: '名额', type: '类型', deadline: '截止', remind: '提醒', description: '说明',
}

const EXAMPLE: Record<FieldKey, string> = {
  title: '主题：数字经济沙龙',
  time: '时间：下周六下午2点-4点',
  location: '地点：同心荟',
  capacity: '名额：30',
  type: `类型：沙龙（可选：${ACTIVITY_TYPES.join(' ')}）`,
  deadline: '截止：下周五18:00',
  remind: '提醒：1天,2小时（不需要提醒写：无）',
  description: '说明：请携带名片',
}

/** What was written, field by field (raw text). */
export type RawFields = Partial<Record<FieldKey, string>>

/** `名称：值`: the label, then the value. */
const FIELD = /^([^:：]{1,8}?)\s*[:：]\s*([\s\S]*)$/
const keyOf = (segment: string): FieldKey | undefined => FIELD_NAMES[(FIELD.exec(segment.trim())?.[1] ?? '').trim()]

/** Where another field starts after a space or a comma: 主题:座谈 时间:11月29日 14:00, 主题：讲座，地点：图书馆. */
const NEXT_FIELD = new RegExp(`[\\s,，、]+(?=(?:${Object.keys(FIELD_NAMES).sort((a, b) => b.length - a.length).join('|')})\\s*[:：])`, 'g')

/**
 * A line that starts with a field, cut where another field's label begins, so 时间 is not swallowed into 主题 (nor
 * 名额 into 地点). Only a different field cuts (地点：同心荟 地址：人民路88号 is one place); 说明 is free text, so from there
 * the rest of the line is its own, and a line that starts with no field (a further line of 说明) is never cut.
 */
function fieldsOfLine (line: string): string[] {
  let current = keyOf(line)
  if (current === undefined || current === 'description') return [line]
  const out: string[] = []
  let start = 0
  for (const cut of line.matchAll(NEXT_FIELD)) {
    const next = keyOf(line.slice(cut.index + cut[0].length))
    if (next === undefined || next === current) continue
    out.push(line.slice(start, cut.index))
    start = cut.index + cut[0].length
    current = next
    if (next === 'description') break
  }
  out.push(line.slice(start))
  return out
}

/** Splits the body of #活动 / #修改 into raw fields; `example` is the command's, shown when a line is not a field. */
export function splitFields (body: string, example = ACTIVITY_EXAMPLE): RawFields {
  const text = body.trim()
  const multiLine = text.includes('\n')
  const parts = (multiLine ? text.split('\n') : text.split(/[;；]/)).flatMap(fieldsOfLine)
  const out: RawFields = {}
  let last: FieldKey | null = null
  for (const part of parts) {
    const line = part.trim()
    if (!line) continue
    const m = FIELD.exec(line)
    const key = m ? FIELD_NAMES[(m[1] ?? '').trim()] : undefined
    if (!m || !key) {
      // a second line of 说明 needs no label of its own
      if (multiLine && last === 'description' && out.description !== undefined) {
        out.description += `\n${line}`
        continue
      }
      if (m) throw new Refusal(`不认识的字段「${(m[1] ?? '').trim()}」。可用字段：主题 时间 地点 名额 类型 截止 提醒 说明`, example)
      throw new Refusal(`看不懂「${line.slice(0, 20)}」：每项请写成「字段：内容」`, example)
    }
    if (out[key] !== undefined) throw new Refusal(`「${LABEL[key]}」写了两次，请只写一次`, EXAMPLE[key])
    out[key] = (m[2] ?? '').trim()
    last = key
  }
  return out
}

export interface ActivityFields {
  title?: string
  start?: number
  end?: number | null
  location?: string | null
  capacity?: number | null
  type?: ActivityType
  deadline?: number
  /** the deadline was a bare date (截止：12月5日), read as the end of that day */
  deadlineDateOnly?: boolean
  /** the time named a day; 时间：下午3点 alone did not (see #修改, which keeps the activity's day) */
  startDated?: boolean
  /** the start's clock as written, minutes after midnight (1440 = 晚上12点) */
  startMinutes?: number
  remindOffsets?: number[]
  description?: string | null
}

const NONE = /^(无|不限|没有|暂无|待定|-)$/

const capacitySchema = z.coerce.number().int().positive().max(LIMITS.capacity)

function fail (key: FieldKey, problem: string): never {
  throw new Refusal(`「${LABEL[key]}」${problem}`, EXAMPLE[key])
}

/** The parser's words after the field's name: 「时间」看不懂：看不懂时间「abc」, 「时间」有误：没有32号. */
function timeProblem (error: string): string {
  return error.startsWith('看不懂') ? `看不懂：${error}` : `有误：${error}`
}

function limited (key: FieldKey, value: string, max: number): string {
  if (!value) fail(key, '不能为空')
  if ([...value].length > max) fail(key, `太长了（最多${max}个字）`)
  return value
}

/** The words notices put around a deadline: 报名截止12月10日18:00, 即日起至12月10日, 12月10日18:00前截止. */
const DEADLINE_BEFORE = /^(?:(?:报名)?(?:截止|截至)(?:到|至|日期|时间)?|即日起\s*(?:至|到)|至|到)\s*/
const DEADLINE_AFTER = /\s*(?:之前|以前|前|为止|截止|截至|止)$/

/** A deadline written as a bare date means the end of that day (see settleDeadline for the start's own day). */
function readDeadline (raw: string, now: number, timeZone: string): { at: number, dateOnly: boolean } {
  const bare = raw.replace(DEADLINE_BEFORE, '').replace(DEADLINE_AFTER, '').replace(DEADLINE_AFTER, '')
  const parsed = parseTimePhrase(bare || raw, now, timeZone)
  if (!parsed.ok) fail('deadline', timeProblem(parsed.error))
  if (parsed.value.hasTime) return { at: parsed.value.start, dateOnly: false }
  const w = toWall(parsed.value.start, timeZone)
  return { at: fromWall({ year: w.year, month: w.month, day: w.day, hour: 23, minute: 59, second: 59 }, timeZone), dateOnly: true }
}

/** 截止：12月5日 for an activity on 12月5日 means sign-ups stay open until it starts, not that the deadline is late. */
export function settleDeadline (deadline: number, dateOnly: boolean | undefined, start: number, timeZone: string): number {
  if (!dateOnly || deadline <= start) return deadline
  const d = toWall(deadline, timeZone)
  const s = toWall(start, timeZone)
  return d.year === s.year && d.month === s.month && d.day === s.day ? start : deadline
}

/** 类型：其它, 类型：志愿服务: a value that names a type in other words. */
function readType (raw: string): ActivityType {
  const type = toHalfWidth(raw)
  if (isActivityType(type)) return type
  if (type === '其它') return '其他'
  const implied = inferActivityType(type)
  if (implied === '其他') fail('type', `只能是 ${ACTIVITY_TYPES.join(' ')} 之一`)
  return implied
}

/** 30, 30人, 限30人, 30人以内, 最多30名; what follows a comma is the notice's own words (限30人，先报先得). */
function readCapacity (raw: string): number {
  const bare = (toHalfWidth(raw).trim().split(/\s*(?:[,，](?!\d{3})|[;；(（])\s*/)[0] ?? '')
    .replace(/^(限报|限|最多|不超过|至多|共)\s*/, '')
    .replace(/\s*(人|位|名)?\s*(以内|之内|以下|为限|封顶)?$/, '')
  const n = capacitySchema.safeParse(/^\d+$/.test(bare) ? bare : NaN)
  if (!n.success) fail('capacity', `要写一个1到${LIMITS.capacity}之间的整数（不限人数写：不限）`)
  return n.data
}

/** 提醒：提前1天和2小时, 1天前: the words around the offsets are dropped. */
function readRemind (raw: string): number[] | null {
  // 无, 不提醒, 24h,1h as they are; only then the words around the offsets are dropped
  const plain = parseOffsets(toHalfWidth(raw))
  if (plain !== null) return plain
  if (/^(无需|不用|不需要|不必)提醒$/.test(raw.trim())) return []
  const text = toHalfWidth(raw).replace(/提前|提醒/g, '').replace(/(?<=[天时钟分秒])(之前|以前|前)/g, '').replace(/和|及|与/g, ',')
  return parseOffsets(text.trim() === '' ? raw : text)
}

/**
 * Typed values of the fields that were written. Checks each value on its own (readable, within
 * limits); checks that involve the whole activity (start in the future, deadline before start)
 * are for `checkActivity`.
 */
export function readFields (raw: RawFields, now: number, timeZone: string): ActivityFields {
  const f: ActivityFields = {}
  if (raw.title !== undefined) f.title = limited('title', raw.title, LIMITS.title)
  if (raw.time !== undefined) {
    if (!raw.time) fail('time', '不能为空')
    const parsed = parseTimePhrase(raw.time, now, timeZone)
    if (!parsed.ok) fail('time', timeProblem(parsed.error))
    if (!parsed.value.hasTime) fail('time', '请写明几点开始')
    f.start = parsed.value.start
    f.end = parsed.value.end
    f.startDated = parsed.value.dated
    f.startMinutes = parsed.value.startMinutes
  }
  if (raw.location !== undefined) f.location = NONE.test(raw.location) ? null : limited('location', raw.location, LIMITS.location)
  if (raw.capacity !== undefined) {
    if (NONE.test(raw.capacity)) {
      f.capacity = null
    } else {
      f.capacity = readCapacity(raw.capacity)
    }
  }
  if (raw.type !== undefined) f.type = readType(raw.type)
  if (raw.deadline !== undefined) {
    const { at, dateOnly } = readDeadline(raw.deadline, now, timeZone)
    f.deadline = at
    f.deadlineDateOnly = dateOnly
  }
  if (raw.remind !== undefined) {
    const offsets = readRemind(raw.remind)
    if (offsets === null) fail('remind', '看不懂，请写提前多久，如 1天、2小时、30分钟')
    if (offsets.some(ms => ms > 30 * 24 * 3600_000)) fail('remind', '最多提前30天')
    if (offsets.length > 5) fail('remind', '最多设5个提醒')
    f.remindOffsets = offsets
  }
  if (raw.description !== undefined) f.description = NONE.test(raw.description) ? null : limited('description', raw.description, LIMITS.description)
  return f
}

/** The whole activity after a create or an edit must make sense at `now`; `prefix` starts the example (`#修改 4 `), so it can be sent as shown. */
export function checkActivity (a: { start: number, end: number | null, deadline: number }, now: number, timeZone: string, prefix = ''): void {
  if (a.start <= now) fail('time', '已经过去了，请写一个将来的时间')
  if (a.end !== null && a.end <= a.start) fail('time', '结束时间要晚于开始时间')
  if (a.deadline > a.start) throw deadlineAfterStart(a.start, now, timeZone, prefix)
}

/** 截止 after the start, with an example that fits this activity: the day before (or the start itself when that is past). */
export function deadlineAfterStart (start: number, now: number, timeZone: string, prefix = ''): Refusal {
  const dayBefore = start - 24 * 3600_000
  return new Refusal(
    `「截止」不能晚于活动开始时间（${formatDateTimeZh(start, timeZone)}）`,
    `${prefix}截止：${formatDateTimeZh(dayBefore > now ? dayBefore : start, timeZone)}`,
  )
}

export type NewActivityFields = Required<Pick<ActivityFields, 'title' | 'start'>> & ActivityFields & { type: ActivityType }

/** Reads the fields of a new activity (主题 and 时间 are required), or says what to correct. */
export function readNewActivity (body: string, now: number, timeZone: string): Result<NewActivityFields> {
  return attempt(() => newActivity(body, now, timeZone))
}

function newActivity (body: string, now: number, timeZone: string): NewActivityFields {
  const raw = splitFields(body)
  if (raw.title === undefined) throw new Refusal('缺少「主题」：请写明活动主题', ACTIVITY_EXAMPLE)
  if (raw.time === undefined) throw new Refusal('缺少「时间」：请写明活动时间', ACTIVITY_EXAMPLE)
  const f = readFields(raw, now, timeZone)
  const title = f.title as string
  const start = f.start as number
  const deadline = f.deadline === undefined ? start : settleDeadline(f.deadline, f.deadlineDateOnly, start, timeZone)
  checkActivity({ start, end: f.end ?? null, deadline }, now, timeZone)
  if (deadline <= now) fail('deadline', '已经过去了')
  return { ...f, title, start, deadline, type: f.type ?? inferActivityType(title) }
}
