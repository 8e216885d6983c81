// #提醒 <id> — send the activity's reminder now, @mentioning everyone confirmed.
import { defineCommand, organizers } from '../src/core/command.js'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { UserError } from '../src/core/errors.js'
import { enqueueReminder } from '../src/core/announcements.js'
import { splitLeadingId } from '../src/domain/normalize.js'

export default defineCommand<{ id: number }, 'room'>({
  name: '提醒',
  aliases: ['发提醒'],
  summary: '马上发送活动提醒（@已报名的人）',
  example: '#提醒 4',
  where: 'room',
  allow: organizers,
  parse (rest) {
    const { id } = splitLeadingId(rest)
    if (id === null) throw new UserError('请写明活动编号', '#提醒 4')
    return { id }
  },
  handle (ctx) {
    const a = activityInRoom(ctx, ctx.args.id)
    if (a.status !== 'scheduled') throw new UserError(`活动 #${a.id} 已${a.status === 'cancelled' ? '取消' : '完成'}，不再发提醒`, '#近期活动')
    if (a.startAt <= ctx.now) throw new UserError(`活动 #${a.id} 已经开始了，不再发提醒`, '#近期活动')
    enqueueReminder(ctx.db, a, { timeZone: ctx.config.timeZone, defaultOffsets: ctx.config.remindOffsets, withRoster: false }, ctx.now)
    ctx.audit({ action: 'remind-now', entity: 'activity', entityId: a.id })
  },
})
