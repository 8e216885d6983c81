// 取消报名 [id] / -1 — a member cancels their own sign-up, with their companions and guests;
// the first on the waitlist moves up.
import { anyone, defineCommand } from '../src/core/command.js'
import { prefixedReply, replyOfKind, type ReplyOf } from '../src/core/reply-args.js'
import { once, pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import type { ActivityRow } from '../src/db/activities.js'
import { activitiesWithSignupsOf, cancelSignups, signupLabels, signupsRegisteredBy } from '../src/db/signups.js'
import { ackPromotions, askInAck } from '../src/core/roster-acks.js'

export default defineCommand<ReplyOf<'cancel'>, 'room'>({
  name: '取消报名',
  summary: '取消自己的报名（连同带的人和代报的人）',
  example: `取消报名 ${OPEN_ACTIVITY_ID}`,
  where: 'room',
  allow: anyone,
  matchReply: replyOfKind('cancel'),
  parse: prefixedReply('cancel', '取消报名', '取消报名 1'),
  handle (ctx) {
    const member = ctx.member
    const room = ctx.room
    const mine = once((): ActivityRow[] => (room ? activitiesWithSignupsOf(ctx.db, room.id, member.id, ctx.now) : []))
    if (ctx.args.ask) {
      // 取消 / 不去了 / 临时有事 from someone signed up: asked, once, with the exact reply; from anyone else, chatter
      const list = mine().filter(a => a.status === 'scheduled' && a.startAt > ctx.now)
      const quoted = ctx.quotedActivityId === null ? undefined : list.find(a => a.id === ctx.quotedActivityId)
      const activity = quoted ?? list[0]
      if (!activity) return
      const reply = quoted || list.length === 1 ? '取消报名' : `取消报名 ${activity.id}`
      const others = list.length > 1 && !quoted ? `（你报了${list.length}个活动，取消其他活动请写它的编号）` : ''
      askInAck(ctx, activity, 'withdraw', `${member.name}：要取消报名吗？确定取消请回复「${reply}」${others}；不取消请忽略本条`)
      return
    }
    // a lone -1 from someone with nothing to cancel is someone disagreeing in the chat: no reply
    if (ctx.args.bare && ctx.quotedActivityId === null && mine().length === 0) return
    const activity = pickActivity(ctx, ctx.args.activityId, mine, {
      verb: '取消报名',
      none: '你现在没有可以取消的报名。发送「我的报名」查看自己报了哪些活动',
      example: id => `取消报名 ${id}`,
    })
    const rows = signupsRegisteredBy(ctx.db, activity.id, member.id)
    if (rows.length === 0) throw new UserError(`你没有报名活动 #${activity.id}「${activity.title}」，不用取消。发送「我的报名」查看自己报了哪些活动`, '我的报名')
    if (activity.status !== 'scheduled') throw new UserError(`活动 #${activity.id} 已${activity.status === 'cancelled' ? '取消' : '结束'}，不用再取消报名`, '#近期活动')
    if (activity.startAt <= ctx.now) throw new UserError(`活动 #${activity.id} 已经开始，不能再取消报名；如有变动请直接联系组织者`, '#近期活动')
    const labels = signupLabels(ctx.db, rows)
    const promoted = cancelSignups(ctx.db, activity, rows, ctx.now)
    for (const r of rows) {
      ctx.ack(activity, { kind: 'cancelled', name: labels.get(r.id)?.name ?? '?', seats: 1 + r.companions })
      ctx.audit({ action: 'signup-cancel', entity: 'signup', entityId: r.id, detail: { activityId: activity.id } })
    }
    ackPromotions(ctx, activity, promoted)
  },
})
