// Which activity a message means: its id (checked to belong to this room), the quoted card, or
// the room's only candidate — and when there are several, a reply listing them instead of a guess.
import { activityById, openActivities, upcomingActivities, type ActivityRow } from '../db/activities.js'
import { viewsOf } from '../db/activity-with-roster.js'
import { activityLine } from '../domain/card.js'
import { formatDateTimeZh } from '../domain/zoned-time.js'
import type { CommandContext } from './command.js'
import { datedExample, OPEN_ACTIVITY, OPEN_ACTIVITY_ID, UserError } from './errors.js'
import type { Db } from '../db/open.js'

/** The activity with this id in the sender's room (an admin may name any in private chat). */
export function activityInRoom (ctx: CommandContext<unknown>, id: number): ActivityRow {
  const a = activityById(ctx.db, id)
  if (!a) throw new UserError(`没有找到活动 #${id}。发送「#近期活动」查看本群的活动编号`, '#近期活动')
  // ids are shared by every room: one from another group is named as such, not as missing
  if (ctx.room && a.roomId !== ctx.room.id) throw new UserError(`活动 #${id} 不是本群的活动。发送「#近期活动」查看本群的活动编号`, '#近期活动')
  return a
}

/** Lists candidates as lines for a refusal. */
export function listLines (ctx: CommandContext<unknown>, rows: readonly ActivityRow[]): string {
  return viewsOf(ctx.db, rows, ctx.config.remindOffsets).map(v => activityLine(v, ctx.config.timeZone, ctx.now)).join('\n')
}

/**
 * The one activity meant by an optional id: the id, else the quoted card, else the only
 * candidate. `verb` and `example` shape the refusal when there are none or several.
 */
export function pickActivity (
  ctx: CommandContext<unknown>,
  id: number | null,
  candidates: () => ActivityRow[],
  words: { verb: string, none: string | (() => string), example: (id: number) => string },
): ActivityRow {
  const chosen = id ?? ctx.quotedActivityId
  if (chosen !== null) return activityInRoom(ctx, chosen)
  const list = candidates()
  if (list.length === 1) return list[0] as ActivityRow
  if (list.length === 0) throw new UserError(typeof words.none === 'string' ? words.none : words.none())
  throw new UserError(`现在有${list.length}个活动可以${words.verb}，请写明活动编号：\n${listLines(ctx, list)}`, words.example((list[0] as ActivityRow).id))
}

/** A look-up done on first use and kept: a command may ask for its candidates twice. */
export function once<T> (look: () => T): () => T {
  let found: { value: T } | undefined
  return () => (found ??= { value: look() }).value
}

/** Candidates for a sign-up without an id: the room's open activities. */
export function openInRoom (ctx: CommandContext<unknown>): () => ActivityRow[] {
  return once(() => (ctx.room ? openActivities(ctx.db, ctx.room.id, ctx.now) : []))
}

/** Why an id-less sign-up finds nothing: the activities whose sign-up has closed, else none at all. */
export function noOpenActivity (ctx: CommandContext<unknown>): string {
  const closed = ctx.room ? upcomingActivities(ctx.db, ctx.room.id, ctx.now).filter(a => a.deadlineAt <= ctx.now) : []
  const tz = ctx.config.timeZone
  if (closed.length === 0) return '现在没有正在报名的活动。发送「#近期活动」看看本群的活动'
  return `现在没有正在报名的活动：${closed.map(a => `活动 #${a.id}「${a.title}」报名已截止（截止时间：${formatDateTimeZh(a.deadlineAt, tz)}）`).join('；')}。如需报名请联系组织者`
}

/** Refuses a sign-up the activity cannot take now (cancelled, completed, past the deadline). */
export function assertOpenForSignup (ctx: CommandContext<unknown>, a: ActivityRow): void {
  if (a.status === 'cancelled') throw new UserError(`活动 #${a.id}「${a.title}」已取消，不能报名`, '#近期活动')
  if (a.status === 'completed') throw new UserError(`活动 #${a.id}「${a.title}」已结束，不能报名`, '#近期活动')
  if (a.deadlineAt <= ctx.now) throw new UserError(`活动 #${a.id}「${a.title}」报名已截止`, '#近期活动')
}

/**
 * Examples as shown in this room today, so copying one works: last month for {上月} (datedExample), and one of the
 * room's open activities for {活动} (`#4 同心大讲堂`) and {编号} (`4`).
 */
export function exampleInRoom (db: Db, roomId: number | null, written: string, now: number, timeZone: string): string {
  const text = datedExample(written, now, timeZone)
  if (!text.includes(OPEN_ACTIVITY) && !text.includes(OPEN_ACTIVITY_ID)) return text
  const open = roomId === null ? undefined : openActivities(db, roomId, now)[0]
  return text
    .replaceAll(OPEN_ACTIVITY, open ? `#${open.id} ${open.title}` : '#1 读书沙龙')
    .replaceAll(OPEN_ACTIVITY_ID, String(open?.id ?? 1))
}
