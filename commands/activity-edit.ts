// #修改 <id> <fields> — change an activity; everyone signed up is told what changed, reminders
// follow the new time, and a larger 名额 lets the waitlist move up.
import { defineCommand, organizers } from '../src/core/command.js'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { unwrap, UserError } from '../src/core/errors.js'
import { splitLeadingId } from '../src/domain/normalize.js'
import { enqueueWithMentions, offsetsOf } from '../src/core/announcements.js'
import { updateActivity } from '../src/db/activities.js'
import { replanReminders } from '../src/db/reminders.js'
import { promote, rosterCounts, signupLabels } from '../src/db/signups.js'
import { everyoneSignedUp, peopleOf, viewOf } from '../src/db/activity-with-roster.js'
import { readFields, splitFields, type ActivityFields } from '../src/domain/activity-fields.js'
import { activityCard } from '../src/domain/card.js'
import { planEdit } from '../src/domain/edit-plan.js'
import { noticeFields } from '../src/domain/notice-reader.js'

const EXAMPLE = '#修改 4 时间：下周六 14:30'

export default defineCommand<{ id: number, fields: ActivityFields }, 'room'>({
  name: '修改',
  aliases: ['修改活动'],
  summary: '修改活动（已报名的人会收到通知）',
  example: EXAMPLE,
  where: 'room',
  allow: organizers,
  parse (rest, ctx) {
    const { id, rest: body } = splitLeadingId(rest)
    if (id === null) throw new UserError('请写明要修改的活动编号和内容', EXAMPLE)
    if (!body) throw new UserError('请写明要修改什么（主题、时间、地点、名额、类型、截止、提醒、说明）', EXAMPLE)
    // the field form as always; labels it does not know are read with the notice reader's names (会议地点：…, 【时间】…)
    let raw
    try {
      raw = splitFields(body, EXAMPLE)
    } catch (e) {
      raw = noticeFields(body)
      if (!raw) throw e
    }
    return { id, fields: readFields(raw, ctx.now, ctx.timeZone) }
  },
  handle (ctx) {
    const tz = ctx.config.timeZone
    const a = activityInRoom(ctx, ctx.args.id)
    if (a.status !== 'scheduled') throw new UserError(`活动 #${a.id} 已${a.status === 'cancelled' ? '取消' : '完成'}，不能再修改`, '#近期活动')
    const planned = planEdit(a, ctx.args.fields, {
      now: ctx.now,
      timeZone: tz,
      confirmed: () => rosterCounts(ctx.db, a.id).taken,
      offsets: offsetsOf(a, ctx.config.remindOffsets),
    })
    const { next, changes } = unwrap(planned)
    if (changes.length === 0) {
      ctx.reply(`活动 #${a.id} 没有变化。`)
      return
    }
    const { id, ...patch } = next
    const updated = updateActivity(ctx.db, id, patch, ctx.now)
    if (updated.startAt !== a.startAt || updated.remindOffsets !== a.remindOffsets) {
      replanReminders(ctx.db, a.id, updated.startAt, offsetsOf(updated, ctx.config.remindOffsets), ctx.now)
    }
    const promoted = promote(ctx.db, updated, ctx.now)
    if (promoted.length > 0) {
      const labels = signupLabels(ctx.db, promoted)
      changes.push(`候补转为正式报名：${promoted.map(s => `${labels.get(s.id)?.name ?? '?'}${s.companions > 0 ? `(共${1 + s.companions}人)` : ''}`).join('、')}`)
    }
    ctx.audit({ action: 'edit', entity: 'activity', entityId: a.id, detail: { changes } })
    const heading = `活动信息有变动：\n${changes.map(c => `· ${c}`).join('\n')}\n——`
    const people = everyoneSignedUp(ctx.db, a.id)
    const promotedPeople = peopleOf(ctx.db, promoted.map(s => s.memberId ?? s.registrantMemberId))
    const mentions = [...people, ...promotedPeople.filter(p => !people.some(q => q.id === p.id))]
    enqueueWithMentions(ctx.db, { roomId: a.roomId }, activityCard(viewOf(ctx.db, updated, ctx.config.remindOffsets), tz, ctx.now, heading), mentions, ctx.now, `（续）活动 #${a.id} 有变动，请以下成员留意：`)
  },
})
