// What an edit (#修改) changes: the next state of the activity and the lines that tell everyone
// signed up what changed, or why the edit cannot be made. Pure: the handler stores and announces.
import { checkActivity, deadlineAfterStart, settleDeadline, type ActivityFields } from './activity-fields.js'
import { instantText, whenText } from './card.js'
import { formatOffsetZh } from './durations.js'
import { attempt, Refusal, type Result } from './refusal.js'
import { addDays, formatDateTimeZh, fromWall, toWall } from './zoned-time.js'

/** The parts of an activity an edit may change (a stored activity row has them all). */
export interface Editable {
  id: number
  title: string
  type: string
  startAt: number
  endAt: number | null
  deadlineAt: number
  location: string | null
  description: string | null
  capacity: number | null
  remindOffsets: string | null
  followedUpAt: number | null
}

/** What the plan needs to know beyond the activity: how many seats are taken, and the reminders in force. */
export interface EditContext {
  now: number
  timeZone: string
  /** confirmed seats (asked only when 名额 changes) */
  confirmed: () => number
  /** the activity's reminder offsets in force (its own or the default) */
  offsets: readonly number[]
}

export interface EditPlan<A> {
  next: A
  /** one line per change, as the group reads them (主题：旧 → 新); none when nothing changes */
  changes: string[]
}

/** `minutes` after the midnight that starts the day of `day` (1440 = the midnight that ends it: 晚上12点). */
function onDayOf (day: number, minutes: number, timeZone: string): number {
  const d = toWall(day, timeZone)
  const date = minutes >= 1440 ? addDays({ year: d.year, month: d.month, day: d.day }, 1) : { year: d.year, month: d.month, day: d.day }
  const m = minutes % 1440
  return fromWall({ ...date, hour: Math.floor(m / 60), minute: m % 60, second: 0 }, timeZone)
}

/** The activity after the edit `f` and what changed, or the refusal to show (with a `#修改` example that can be sent as shown). */
export function planEdit<A extends Editable> (a: A, f: ActivityFields, context: EditContext): Result<EditPlan<A>> {
  return attempt(() => plan(a, f, context))
}

function plan<A extends Editable> (a: A, f: ActivityFields, context: EditContext): EditPlan<A> {
  const { now, timeZone } = context
  const next: A = { ...a }
  const changes: string[] = []
  if (f.title !== undefined && f.title !== a.title) { next.title = f.title; changes.push(`主题：${a.title} → ${f.title}`) }
  if (f.type !== undefined && f.type !== a.type) { next.type = f.type; changes.push(`类型：${a.type} → ${f.type}`) }
  if (f.start !== undefined) {
    // 时间：下午3点 moves the hour, not the day: the organiser means the activity's own day
    const start = f.startDated === false ? onDayOf(a.startAt, f.startMinutes ?? 0, timeZone) : f.start
    next.startAt = start
    // a new start without an end keeps the activity's length
    next.endAt = f.end == null ? (a.endAt === null ? null : start + (a.endAt - a.startAt)) : start + (f.end - f.start)
    if (f.deadline === undefined && a.deadlineAt === a.startAt) next.deadlineAt = start
  }
  if (f.deadline !== undefined) {
    next.deadlineAt = settleDeadline(f.deadline, f.deadlineDateOnly, next.startAt, timeZone)
    if (next.deadlineAt <= now) throw new Refusal('「截止」已经过去了，请写一个将来的时间', `#修改 ${a.id} 截止：${formatDateTimeZh(Math.min(next.startAt, now + 24 * 3600_000), timeZone)}`)
  }
  if (next.startAt !== a.startAt || next.endAt !== a.endAt) {
    checkActivity({ start: next.startAt, end: next.endAt, deadline: next.deadlineAt }, now, timeZone, `#修改 ${a.id} `)
    next.followedUpAt = null
    changes.push(`时间：${whenText(a, timeZone, now)} → ${whenText(next, timeZone, now)}`)
  } else if (next.deadlineAt > next.startAt) {
    throw deadlineAfterStart(next.startAt, now, timeZone, `#修改 ${a.id} `)
  }
  // a deadline that only follows the start is not news
  if (f.deadline !== undefined && next.deadlineAt !== a.deadlineAt) changes.push(`报名截止：${instantText(a.deadlineAt, timeZone, now)} → ${instantText(next.deadlineAt, timeZone, now)}`)
  if (f.location !== undefined && f.location !== a.location) { next.location = f.location; changes.push(`地点：${a.location ?? '待定'} → ${f.location ?? '待定'}`) }
  if (f.description !== undefined && f.description !== a.description) { next.description = f.description; changes.push('说明已更新') }
  if (f.capacity !== undefined && f.capacity !== a.capacity) {
    const confirmed = context.confirmed()
    if (f.capacity !== null && f.capacity < confirmed) {
      throw new Refusal(`已有${confirmed}人报名成功，名额不能少于${confirmed}。如需减少，请先请部分成员取消报名`, `#修改 ${a.id} 名额：${confirmed}`)
    }
    next.capacity = f.capacity
    changes.push(`名额：${a.capacity ?? '不限'} → ${f.capacity ?? '不限'}`)
  }
  if (f.remindOffsets !== undefined) {
    const text = (o: readonly number[]): string => (o.length ? o.map(formatOffsetZh).join('、') : '无')
    const old = context.offsets
    if (text(old) !== text(f.remindOffsets)) changes.push(`提醒：${text(old)} → ${text(f.remindOffsets)}`)
    next.remindOffsets = JSON.stringify(f.remindOffsets)
  }
  return { next, changes }
}
