// #活动 — an organizer creates an activity from its fields; the reply is the activity card.
import { defineCommand, organizers } from '../src/core/command.js'
import { offsetsOf } from '../src/core/announcements.js'
import { UserError } from '../src/core/errors.js'
import { insertActivity, scheduledTwin } from '../src/db/activities.js'
import { replanReminders } from '../src/db/reminders.js'
import { viewOf } from '../src/db/activity-with-roster.js'
import { ACTIVITY_EXAMPLE, readNewActivity } from '../src/domain/activity-fields.js'
import { activityCard } from '../src/domain/card.js'

export default defineCommand({
  name: '活动',
  aliases: ['发起活动', '新活动', '新建活动'],
  summary: '发起活动（每行一项，或用分号隔开）',
  example: ACTIVITY_EXAMPLE,
  where: 'room',
  allow: organizers,
  parse: (rest, ctx) => readNewActivity(rest, ctx.now, ctx.timeZone),
  handle (ctx) {
    const f = ctx.args
    const room = ctx.room
    // the same notice sent twice (a double tap, a forward back into the group) is one activity, not two half-full ones
    const twin = scheduledTwin(ctx.db, room.id, f.title, f.start)
    if (twin) {
      throw new UserError(`活动 #${twin.id}「${twin.title}」已经发起过了（主题和时间都一样），这次没有重复创建。要改内容请用「#修改 ${twin.id}」`, `#修改 ${twin.id} 地点：同心荟`)
    }
    const activity = insertActivity(ctx.db, {
      roomId: room.id,
      title: f.title,
      type: f.type,
      start: f.start,
      end: f.end ?? null,
      location: f.location ?? null,
      capacity: f.capacity ?? null,
      deadline: f.deadline ?? f.start,
      remindOffsets: f.remindOffsets ?? null,
      description: f.description ?? null,
      organizerMemberId: ctx.member.id,
      organizerName: ctx.msg.sender.name,
    }, ctx.now)
    replanReminders(ctx.db, activity.id, activity.startAt, offsetsOf(activity, ctx.config.remindOffsets), ctx.now)
    ctx.audit({ action: 'create', entity: 'activity', entityId: activity.id, detail: { title: f.title, start: f.start } })
    ctx.reply(activityCard(viewOf(ctx.db, activity, ctx.config.remindOffsets), ctx.config.timeZone, ctx.now))
  },
})
