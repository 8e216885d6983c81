// How activities read in the chat: the activity card, one-line summaries, and the acknowledgement
// of roster changes. Pure: plain values in, Chinese text out.
import { formatOffsetZh } from './durations.js'
import { cardMarker } from './member-reply.js'
import { formatDateTimeZh, formatSpanZh, toWall } from './zoned-time.js'

export interface ActivityView {
  id: number
  title: string
  type: string
  startAt: number
  endAt: number | null
  location: string | null
  capacity: number | null
  deadlineAt: number
  description: string | null
  status: 'scheduled' | 'completed' | 'cancelled'
  /** people confirmed (members, companions, guests) */
  confirmed: number
  /** people waiting (members, companions, guests) */
  waiting: number
  remindOffsets: readonly number[]
}

/** 11月28日(周六) 14:00–16:00, with the year in front when it is not this year's. */
export function whenText (a: Pick<ActivityView, 'startAt' | 'endAt'>, timeZone: string, now: number): string {
  return withYear(formatSpanZh(a.startAt, a.endAt, timeZone), a.startAt, timeZone, now)
}

/** One instant (a deadline) as 11月27日(周五) 18:00, with the year when it is not this year's. */
export function instantText (at: number, timeZone: string, now: number): string {
  return withYear(formatDateTimeZh(at, timeZone), at, timeZone, now)
}

/** Within this far ahead, a date of next year needs no year: 1月10日 said in November is next January's. */
const NEAR_AHEAD_MS = 180 * 24 * 3600_000

/** The year in front of a date when the date alone could be misread: a past year's, or one far ahead. */
function withYear (text: string, at: number, timeZone: string, now: number): string {
  const year = toWall(at, timeZone).year
  const plain = year === toWall(now, timeZone).year || (at > now && at - now <= NEAR_AHEAD_MS)
  return plain ? text : `${year}年${text}`
}

function seatsText (a: Pick<ActivityView, 'capacity' | 'confirmed' | 'waiting'>): string {
  if (a.capacity === null) return `不限（已报名${a.confirmed}人）`
  const left = Math.max(0, a.capacity - a.confirmed)
  const waiting = a.waiting > 0 ? `，候补${a.waiting}人` : ''
  return `${a.capacity}人（已报名${a.confirmed}人，剩余${left}个${waiting}）`
}

/** On the card a pasted notice's long description is cut, so the card stays readable; the database keeps all of it. */
export const CARD_DESCRIPTION_MAX = 200

function shortened (description: string): string {
  const chars = [...description]
  if (chars.length <= CARD_DESCRIPTION_MAX) return description
  return `${chars.slice(0, CARD_DESCRIPTION_MAX).join('')}…（共${chars.length}字，已全部保存）`
}

/** The activity card: marker first, so a quote of it still names the activity. */
export function activityCard (a: ActivityView, timeZone: string, now: number, heading?: string): string {
  const lines = [`${cardMarker(a.id)}${a.title}`]
  if (heading) lines.push(heading)
  lines.push(`时间：${whenText(a, timeZone, now)}`)
  lines.push(`地点：${a.location ?? '待定'}`)
  lines.push(`名额：${seatsText(a)}`)
  lines.push(`类型：${a.type}`)
  if (a.deadlineAt !== a.startAt) lines.push(`报名截止：${instantText(a.deadlineAt, timeZone, now)}`)
  if (a.description) lines.push(`说明：${shortened(a.description)}`)
  lines.push(a.remindOffsets.length > 0
    ? `提醒：开始前${a.remindOffsets.map(formatOffsetZh).join('、')}提醒已报名的成员`
    : '提醒：无')
  lines.push(`报名：回复「报名 ${a.id}」或「+1」（带人一起：「报名 ${a.id} 3人」；替别人报：「代报名 ${a.id} 张三」）`)
  lines.push(`取消：回复「取消报名 ${a.id}」；也可以引用本消息回复「报名」「取消报名」`)
  return lines.join('\n')
}

/** One line for lists: #4 11月28日(周六) 14:30 同心大讲堂（已报名4/20人） */
export function activityLine (a: ActivityView, timeZone: string, now: number): string {
  const seats = a.capacity === null ? `已报名${a.confirmed}人` : `已报名${a.confirmed}/${a.capacity}人`
  const waiting = a.waiting > 0 ? `，候补${a.waiting}人` : ''
  const closed = a.status !== 'scheduled' ? '' : a.startAt <= now ? '，正在进行' : a.deadlineAt <= now ? '，报名已截止' : ''
  return `#${a.id} ${whenText(a, timeZone, now)} ${a.title}（${seats}${waiting}${closed}）`
}

export interface AckLine {
  kind: 'confirmed' | 'waitlisted' | 'cancelled' | 'promoted' | 'already' | 'resized' | 'checked-in' | 'walk-in' | 'already-checked-in'
  name: string
  seats: number
  place?: number
  by?: string
}

function who (e: AckLine): string {
  const party = e.seats > 1 ? `(共${e.seats}人)` : ''
  const by = e.by ? `(${e.by}代报)` : ''
  return `${e.name}${party}${by}`
}

const SIGNED_UP: ReadonlySet<AckLine['kind']> = new Set(['confirmed', 'waitlisted', 'resized', 'already', 'promoted'])
const CANCELLED: ReadonlySet<AckLine['kind']> = new Set(['cancelled'])
const WAITING: ReadonlySet<AckLine['kind']> = new Set(['waitlisted'])
/** a party resized several times in one window shows its last size only */
const RESIZED: ReadonlySet<AckLine['kind']> = new Set(['resized'])

/**
 * Events as the group should read them: someone who signed up and cancelled within one
 * acknowledgement is shown as cancelled only, someone who cancelled and signed up again as signed
 * up only, and someone who joined the waitlist and moved up as moved up only.
 */
export function netted<E extends AckLine> (events: readonly E[]): E[] {
  const out: E[] = []
  for (const e of events) {
    // signed up and resized within one window: signed up with the party as it now is
    const joined = e.kind === 'resized' ? out.findIndex(o => o.name === e.name && o.kind === 'confirmed') : -1
    if (joined >= 0) {
      out[joined] = { ...(out[joined] as E), seats: e.seats }
      continue
    }
    const drops = e.kind === 'cancelled' ? SIGNED_UP : e.kind === 'confirmed' || e.kind === 'waitlisted' ? CANCELLED
      : e.kind === 'promoted' ? WAITING : e.kind === 'resized' ? RESIZED : null
    if (drops) for (let i = out.length - 1; i >= 0; i--) if (out[i]?.name === e.name && drops.has(out[i]?.kind as AckLine['kind'])) out.splice(i, 1)
    out.push(e)
  }
  return out
}

/**
 * The coalesced acknowledgement for one activity: who got in, who waits where, who left, who moved up. Someone
 * moved up may have missed the reminders (they were waiting then), so the promotion says when and where.
 */
export function ackText (a: ActivityView, written: readonly AckLine[], timeZone: string): string {
  const events = netted(written)
  const lines = [`${cardMarker(a.id)}${a.title}`]
  const group = (kind: AckLine['kind']): AckLine[] => events.filter(e => e.kind === kind)
  const confirmed = group('confirmed')
  if (confirmed.length > 0) lines.push(`报名成功（${confirmed.reduce((n, e) => n + e.seats, 0)}人）：${confirmed.map(who).join('、')}`)
  const resized = group('resized')
  if (resized.length > 0) lines.push(`已修改人数：${resized.map(e => `${e.name}(改为${e.seats}人)${e.by ? `(${e.by}代报)` : ''}`).join('、')}`)
  const waitlisted = group('waitlisted')
  // 名额已满 only when it is: a party that does not fit the seats left waits too
  const full = a.capacity !== null && a.confirmed >= a.capacity
  // with seats left, say why this party waits: otherwise 剩余2个名额 below reads as a mistake
  const left = a.capacity === null ? Infinity : a.capacity - a.confirmed
  const why = (e: AckLine): string => (!full && e.seats > left ? `（剩余名额不够${e.seats}人）` : '')
  if (waitlisted.length > 0) lines.push(`${full ? '名额已满，' : ''}进入候补：${waitlisted.map(e => `${who(e)} 候补第${e.place ?? '?'}位${why(e)}`).join('、')}`)
  const already = group('already')
  if (already.length > 0) lines.push(`已经报过名，无需重复：${[...new Set(already.map(e => e.name))].join('、')}`)
  const cancelled = group('cancelled')
  if (cancelled.length > 0) lines.push(`已取消报名：${cancelled.map(who).join('、')}`)
  const promoted = group('promoted')
  const whenWhere = `（${formatDateTimeZh(a.startAt, timeZone)}${a.location ? ` · ${a.location}` : ''}）`
  if (promoted.length > 0) lines.push(`候补转为正式报名：${promoted.map(who).join('、')}，请准时参加${whenWhere}`)
  const checkedIn = group('checked-in')
  if (checkedIn.length > 0) lines.push(`签到成功：${checkedIn.map(e => e.name).join('、')}`)
  const walkIns = group('walk-in')
  if (walkIns.length > 0) lines.push(`现场签到（未报名）：${walkIns.map(e => e.name).join('、')}`)
  const again = group('already-checked-in')
  if (again.length > 0) lines.push(`已经签到过了：${again.map(e => e.name).join('、')}`)
  if (events.every(e => e.kind === 'checked-in' || e.kind === 'walk-in' || e.kind === 'already-checked-in')) return lines.join('\n')
  lines.push(a.capacity === null
    ? `当前已报名${a.confirmed}人`
    : `当前已报名${a.confirmed}/${a.capacity}人，剩余${Math.max(0, a.capacity - a.confirmed)}个名额${a.waiting > 0 ? `，候补${a.waiting}人` : ''}`)
  return lines.join('\n')
}
