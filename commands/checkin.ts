// 签到 [id] — check in from 1 hour before the start until the end (start + 3 h without an end);
// someone not signed up is checked in as a walk-in.
import { anyone, defineCommand } from '../src/core/command.js'
import { prefixedReply, replyOfKind, type ReplyOf } from '../src/core/reply-args.js'
import { pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import { CHECKIN_OPENS_BEFORE_MS, effectiveEnd, inCheckinWindow, upcomingActivities } from '../src/db/activities.js'
import { checkIn } from '../src/db/signups.js'
import { formatDateTimeZh, formatSpanZh } from '../src/domain/zoned-time.js'

/** A next activity whose check-in opens within this long is what an early 签到 is for. */
const SOON_MS = 6 * 3600_000

/** A check-in after #完成: the figures are final, so only the organizer can correct them. */
const completedRefusal = (id: number): UserError =>
  new UserError(`活动 #${id} 已经结束并完成统计，不能再签到。如需补记到场人数，请组织者发送「#完成 ${id} 实到 人数」更正`)

export default defineCommand<ReplyOf<'checkin'>, 'room'>({
  name: '签到',
  summary: '活动现场签到（开始前1小时到结束）',
  example: `签到 ${OPEN_ACTIVITY_ID}`,
  where: 'room',
  allow: anyone,
  matchReply: replyOfKind('checkin'),
  parse: prefixedReply('checkin', '签到', '签到 1'),
  handle (ctx) {
    const member = ctx.member
    if (!member || !ctx.room) return
    const room = ctx.room
    const tz = ctx.config.timeZone
    // why no activity takes a check-in now: the next one opening soon (the afternoon's session while the morning's
    // is completed), else one already completed inside its window, else the next at all
    const none = (): string => {
      const next = upcomingActivities(ctx.db, room.id, ctx.now).find(a => a.startAt - CHECKIN_OPENS_BEFORE_MS > ctx.now)
      const opens = next ? next.startAt - CHECKIN_OPENS_BEFORE_MS : Infinity
      const done = inCheckinWindow(ctx.db, room.id, ctx.now, 'completed')[0]
      if (done && opens - ctx.now > SOON_MS) return completedRefusal(done.id).message
      if (next) return `还没到签到时间：活动 #${next.id}「${next.title}」的签到时间是 ${formatSpanZh(opens, effectiveEnd(next), tz)}，到时回复「签到」即可`
      return '现在没有正在签到的活动：签到时间是活动开始前1小时到活动结束。发送「#近期活动」查看活动时间'
    }
    if (ctx.args.need === 'checkin-window') {
      // 到了 / 已到 are a check-in only while one is open (the quoted one, else one of the room's); otherwise just talk
      const open = inCheckinWindow(ctx.db, room.id, ctx.now)
      if (ctx.quotedActivityId !== null ? !open.some(a => a.id === ctx.quotedActivityId) : open.length === 0) return
    }
    const activity = pickActivity(ctx, ctx.args.activityId, () => inCheckinWindow(ctx.db, room.id, ctx.now), {
      verb: '签到',
      none,
      example: id => `签到 ${id}`,
    })
    if (activity.status === 'cancelled') throw new UserError(`活动 #${activity.id} 已取消，不用签到`, '#近期活动')
    if (activity.status === 'completed') throw completedRefusal(activity.id)
    const opens = activity.startAt - CHECKIN_OPENS_BEFORE_MS
    const closes = effectiveEnd(activity)
    if (ctx.now < opens || ctx.now > closes) {
      const window = `${formatSpanZh(opens, closes, tz)}`
      throw new UserError(ctx.now < opens
        ? `活动 #${activity.id} 还没开始签到。签到时间：${window}（活动 ${formatDateTimeZh(activity.startAt, tz)} 开始）`
        : `活动 #${activity.id} 的签到已经结束（签到时间：${window}）`)
    }
    const outcome = checkIn(ctx.db, activity.id, member.id, ctx.now)
    const kind = outcome === 'already' ? 'already-checked-in' : outcome
    ctx.ack(activity, { kind, name: member.name, seats: 1 })
    if (outcome !== 'already') ctx.audit({ action: `checkin-${outcome}`, entity: 'activity', entityId: activity.id })
  },
})
