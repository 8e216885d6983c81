// #取消活动 <id> [原因] — cancel; everyone signed up is @mentioned and no reminder goes out.
import { defineCommand, organizers } from '../src/core/command.js'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { UserError } from '../src/core/errors.js'
import { splitLeadingId } from '../src/domain/normalize.js'
import { enqueueWithMentions } from '../src/core/announcements.js'
import { updateActivity } from '../src/db/activities.js'
import { dropReminders } from '../src/db/reminders.js'
import { everyoneSignedUp } from '../src/db/activity-with-roster.js'
import { whenText } from '../src/domain/card.js'
import { cardMarker } from '../src/domain/member-reply.js'

const EXAMPLE = '#取消活动 3 场地冲突，另行通知'

export default defineCommand<{ id: number, reason: string | null }, 'room'>({
  name: '取消活动',
  aliases: ['撤销活动'],
  summary: '取消活动（已报名的人会收到通知）',
  example: EXAMPLE,
  where: 'room',
  allow: organizers,
  parse (rest) {
    const { id, rest: text } = splitLeadingId(rest)
    if (id === null) throw new UserError('请写明要取消的活动编号', EXAMPLE)
    const reason = text.replace(/^(原因|因为)\s*[:：]?\s*/, '').trim()
    if ([...reason].length > 200) throw new UserError('原因太长了（最多200个字）', EXAMPLE)
    return { id, reason: reason || null }
  },
  handle (ctx) {
    const a = activityInRoom(ctx, ctx.args.id)
    if (a.status === 'cancelled') throw new UserError(`活动 #${a.id} 已经取消过了`, '#近期活动')
    if (a.status === 'completed') throw new UserError(`活动 #${a.id} 已经完成，不能取消`, '#近期活动')
    const people = everyoneSignedUp(ctx.db, a.id)
    updateActivity(ctx.db, a.id, { status: 'cancelled', cancelReason: ctx.args.reason, cancelledAt: ctx.now }, ctx.now)
    dropReminders(ctx.db, a.id, ctx.now)
    ctx.audit({ action: 'cancel', entity: 'activity', entityId: a.id, detail: { reason: ctx.args.reason } })
    const text = [
      `${cardMarker(a.id)}${a.title} 已取消`,
      `原定时间：${whenText(a, ctx.config.timeZone, ctx.now)}`,
      ...(ctx.args.reason ? [`原因：${ctx.args.reason}`] : []),
      people.length > 0 ? '已报名（含候补）的各位请留意：报名记录已作废，不会再有提醒。' : '这个活动还没有人报名。',
    ].join('\n')
    enqueueWithMentions(ctx.db, { roomId: a.roomId }, text, people, ctx.now, `（续）活动 #${a.id} 已取消，请以下成员留意：`)
  },
})
