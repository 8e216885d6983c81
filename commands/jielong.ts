// #接龙 — a WeChat 接龙 list as a sign-up sheet: new names are signed up (room members by their
// name, others as guests of the sender); the sender leaving their own line cancels their sign-up.
// Each list is read against every name that has been on the activity's lists.
import { anyone, defineCommand, type CommandContext } from '../src/core/command.js'
import { activityInRoom, assertOpenForSignup, listLines } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY, UserError } from '../src/core/errors.js'
import { toHalfWidth } from '../src/domain/normalize.js'
import { activitiesSince, openActivities, type ActivityRow } from '../src/db/activities.js'
import { parseJielong, titleMatch, type JielongList } from '../src/domain/jielong.js'
import { readNotice } from '../src/domain/notice-reader.js'
import { answeredUnrecorded } from '../src/db/unrecorded-lists.js'
import { createActivity } from '../src/core/activity-creation.js'
import { signUpList } from '../src/core/list-signup.js'

export const MAX_LINES = 500
/** How far back a title in the header may name an activity that is closed for sign-up. */
const RECENT_MS = 60 * 24 * 3600_000
/** The example names one of the room's open activities (OPEN_ACTIVITY, filled in where the refusal is shown). */
const EXAMPLE = `#接龙\n${OPEN_ACTIVITY}\n\n1. 张三\n2. 李四`

/**
 * The activity a 接龙 header announces, when it names none of the room's but carries a start time: an organizer's list
 * creates it (then its names are signed up); a member's is answered once (null: nothing more to do). undefined: the
 * header is not a new activity's notice.
 */
function activityFromHeader (ctx: CommandContext<JielongList, 'room'>, list: JielongList, open: readonly ActivityRow[]): ActivityRow | null | undefined {
  const header = list.header.join('\n').trim()
  if (header === '') return undefined
  const notice = readNotice(header, ctx.now, ctx.config.timeZone)
  if (!notice.ok) return undefined
  const v = notice.value
  // 接龙 12月5日 14:00 for the room's activity at that time names that one
  const same = open.filter(a => a.startAt === v.start)
  if (same.length === 1) return same[0] as ActivityRow
  if (same.length > 1) return undefined
  if (ctx.who.admin || ctx.who.organizer) {
    return createActivity(ctx, {
      title: v.title, start: v.start, end: v.end, location: v.location, capacity: v.capacity, deadline: v.deadline,
      type: v.type, description: v.description, notes: v.notes, fromNotice: true,
      ...(v.remindOffsets ? { remindOffsets: v.remindOffsets } : {}),
    })
  }
  // a member's list is reposted with every new name: answered once for this activity-to-be, then quietly
  const key = `${v.title}@${v.start}`
  if (answeredUnrecorded(ctx.db, ctx.room.id, key)) return null
  ctx.audit({ action: 'jielong-unrecorded', entity: 'room', entityId: ctx.room.id, detail: { key } })
  ctx.reply(`这个接龙（${v.title}）没有登记：本群还没有这个活动。请组织者引用这条接龙回复「#活动」，活动就会发起，接龙上的名字也会一起报名`)
  return null
}

export default defineCommand<JielongList, 'room'>({
  name: '接龙',
  summary: '用接龙报名（第一行#接龙，写上活动编号，再按序号列名字）',
  example: EXAMPLE,
  where: 'room',
  allow: anyone,
  needsRoomMembers: true,
  parse (rest) {
    // `rest` is as written: numbering and ids are read with full-width folded (names compare folded too)
    const list = parseJielong(toHalfWidth(`#接龙\n${rest}`))
    if (!list || list.lines === 0 || list.names.length === 0) throw new UserError('接龙里没有看到名单：请按「1. 名字」的格式一行写一个', EXAMPLE)
    if (list.lines > MAX_LINES) throw new UserError(`接龙太长了（最多${MAX_LINES}行）；人数很多时请分成几个活动或联系组织者`, EXAMPLE)
    if (list.names.some(n => [...n].length > 30)) throw new UserError('有名字太长了（最多30个字），请检查接龙格式', EXAMPLE)
    return list
  },
  handle (ctx) {
    const room = ctx.room
    const sender = ctx.member
    if (!room || !sender) return
    const list = ctx.args
    const activity = ((): ActivityRow | null => {
      if (list.activityId !== null) return activityInRoom(ctx, list.activityId)
      const open = openActivities(ctx.db, room.id, ctx.now)
      // the activity the header names best: its exact title, else the longest title it contains
      const scores = open.map(a => titleMatch(list.header, a.title))
      const best = Math.max(0, ...scores)
      const named = best === 0 ? [] : open.filter((_, i) => scores[i] === best)
      if (named.length === 1) return named[0] as ActivityRow
      if (named.length === 0) {
        // a list for one that no longer takes sign-ups is refused for that one, not moved to another
        const closed = activitiesSince(ctx.db, room.id, ctx.now - RECENT_MS)
          .filter(a => !open.some(o => o.id === a.id) && titleMatch(list.header, a.title) > 0)
        if (closed.length > 0) return closed.at(-1) as ActivityRow
        // WeChat's own 接龙 often starts the activity: a header that reads as a new activity's notice
        const fromHeader = activityFromHeader(ctx, list, open)
        if (fromHeader !== undefined) return fromHeader
        if (open.length === 1) return open[0] as ActivityRow
      }
      if (open.length === 0) throw new UserError('现在没有正在报名的活动，接龙没有登记。发送「#近期活动」看看本群的活动', '#近期活动')
      throw new UserError(`这个接龙是哪个活动的？请在第二行写上活动编号：\n${listLines(ctx, named.length > 1 ? named : open)}`, EXAMPLE)
    })()
    if (activity === null) return
    assertOpenForSignup(ctx, activity)

    signUpList(ctx, activity, list)
  },
})
