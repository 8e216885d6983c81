// #修改 <id> <fields> — change an activity; everyone signed up is told what changed, reminders
// follow the new time, and a larger 名额 lets the waitlist move up.
import { defineCommand, organizers } from '../src/core/command.js'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { UserError } from '../src/core/errors.js'
import { splitLeadingId } from '../src/domain/normalize.js'
import { enqueueWithMentions, offsetsOf } from '../src/core/announcements.js'
import { updateActivity, type ActivityRow } from '../src/db/activities.js'
import { replanReminders } from '../src/db/reminders.js'
import { promote, rosterCounts, signupLabels } from '../src/db/signups.js'
import { everyoneSignedUp, peopleOf, viewOf } from '../src/db/activity-with-roster.js'
import { checkActivity, deadlineAfterStart, readFields, settleDeadline, splitFields, type ActivityFields } from '../src/domain/activity-fields.js'
import { activityCard, instantText, whenText } from '../src/domain/card.js'
import { noticeFields } from '../src/domain/notice-reader.js'
import { formatOffsetZh } from '../src/domain/durations.js'
import { addDays, formatDateTimeZh, fromWall, toWall } from '../src/domain/zoned-time.js'

const EXAMPLE = '#修改 4 时间：下周六 14:30'

/** `minutes` after the midnight that starts the day of `day` (1440 = the midnight that ends it: 晚上12点). */
function onDayOf (day: number, minutes: number, timeZone: string): number {
  const d = toWall(day, timeZone)
  const date = minutes >= 1440 ? addDays({ year: d.year, month: d.month, day: d.day }, 1) : { year: d.year, month: d.month, day: d.day }
  const m = minutes % 1440
  return fromWall({ ...date, hour: Math.floor(m / 60), minute: m % 60, second: 0 }, timeZone)
}

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
    const f = ctx.args.fields
    const next: ActivityRow = { ...a }
    const changes: string[] = []
    if (f.title !== undefined && f.title !== a.title) { next.title = f.title; changes.push(`主题：${a.title} → ${f.title}`) }
    if (f.type !== undefined && f.type !== a.type) { next.type = f.type; changes.push(`类型：${a.type} → ${f.type}`) }
    if (f.start !== undefined) {
      // 时间：下午3点 moves the hour, not the day: the organiser means the activity's own day
      const start = f.startDated === false ? onDayOf(a.startAt, f.startMinutes ?? 0, tz) : f.start
      next.startAt = start
      // a new start without an end keeps the activity's length
      next.endAt = f.end == null ? (a.endAt === null ? null : start + (a.endAt - a.startAt)) : start + (f.end - f.start)
      if (f.deadline === undefined && a.deadlineAt === a.startAt) next.deadlineAt = start
    }
    if (f.deadline !== undefined) {
      next.deadlineAt = settleDeadline(f.deadline, f.deadlineDateOnly, next.startAt, tz)
      if (next.deadlineAt <= ctx.now) throw new UserError('「截止」已经过去了，请写一个将来的时间', `#修改 ${a.id} 截止：${formatDateTimeZh(Math.min(next.startAt, ctx.now + 24 * 3600_000), tz)}`)
    }
    if (next.startAt !== a.startAt || next.endAt !== a.endAt) {
      checkActivity({ start: next.startAt, end: next.endAt, deadline: next.deadlineAt }, ctx.now, tz, `#修改 ${a.id} `)
      next.followedUpAt = null
      changes.push(`时间：${whenText(a, tz, ctx.now)} → ${whenText(next, tz, ctx.now)}`)
    } else if (next.deadlineAt > next.startAt) {
      throw deadlineAfterStart(next.startAt, ctx.now, tz, `#修改 ${a.id} `)
    }
    // a deadline that only follows the start is not news
    if (f.deadline !== undefined && next.deadlineAt !== a.deadlineAt) changes.push(`报名截止：${instantText(a.deadlineAt, tz, ctx.now)} → ${instantText(next.deadlineAt, tz, ctx.now)}`)
    if (f.location !== undefined && f.location !== a.location) { next.location = f.location; changes.push(`地点：${a.location ?? '待定'} → ${f.location ?? '待定'}`) }
    if (f.description !== undefined && f.description !== a.description) { next.description = f.description; changes.push('说明已更新') }
    if (f.capacity !== undefined && f.capacity !== a.capacity) {
      const confirmed = rosterCounts(ctx.db, a.id).taken
      if (f.capacity !== null && f.capacity < confirmed) {
        throw new UserError(`已有${confirmed}人报名成功，名额不能少于${confirmed}。如需减少，请先请部分成员取消报名`, `#修改 ${a.id} 名额：${confirmed}`)
      }
      next.capacity = f.capacity
      changes.push(`名额：${a.capacity ?? '不限'} → ${f.capacity ?? '不限'}`)
    }
    if (f.remindOffsets !== undefined) {
      const text = (o: readonly number[]): string => (o.length ? o.map(formatOffsetZh).join('、') : '无')
      const old = offsetsOf(a, ctx.config.remindOffsets)
      if (text(old) !== text(f.remindOffsets)) changes.push(`提醒：${text(old)} → ${text(f.remindOffsets)}`)
      next.remindOffsets = JSON.stringify(f.remindOffsets)
    }
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
