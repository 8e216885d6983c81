// #完成 <id> [实到 N] [备注 …] — mark an activity completed once it has started; its attendance
// goes into the 台账 (check-ins if any, else confirmed sign-ups, unless 实到 N is given).
import { defineCommand, organizers } from '../src/core/command.js'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { UserError } from '../src/core/errors.js'
import { splitLeadingId, toHalfWidth } from '../src/domain/normalize.js'
import { updateActivity } from '../src/db/activities.js'
import { dropReminders } from '../src/db/reminders.js'
import { companionsOfCheckedIn } from '../src/db/signups.js'
import { cardMarker, readCount } from '../src/domain/member-reply.js'
import { formatDateTimeZh } from '../src/domain/zoned-time.js'
import { activityFigures } from '../src/report/figures.js'

const EXAMPLE = '#完成 2 实到 6 备注 接待群众法律咨询23人次'

export default defineCommand<{ id: number, attendance: number | null, note: string | null }, 'room'>({
  name: '完成',
  aliases: ['活动完成', '结束活动'],
  summary: '活动结束后标记完成（可写实到人数和备注）',
  example: EXAMPLE,
  where: 'room',
  allow: organizers,
  parse (rest) {
    const { id, rest: tail } = splitLeadingId(rest)
    if (id === null) throw new UserError('请写明活动编号', EXAMPLE)
    const noteAt = tail.search(/备注/)
    const head = noteAt < 0 ? tail : tail.slice(0, noteAt)
    const note = noteAt < 0 ? null : tail.slice(noteAt + 2).replace(/^\s*[:：]?\s*/, '').trim() || null
    const m = /^(?:实到|实际到场|到场)\s*[:：]?\s*(\d+|[一两二三四五六七八九十]{1,3})\s*(?:人次|人|位|名)?$/.exec(toHalfWidth(head).trim())
    const attendance = m ? readCount(m[1] ?? '') : null
    if (head.trim() && attendance === null) throw new UserError('看不懂：实到人数请写「实到 N」，备注写在「备注」后面', EXAMPLE)
    if (attendance !== null && attendance > 100_000) throw new UserError('实到人数太大了（最多100000人）', EXAMPLE)
    if (note && [...note].length > 500) throw new UserError('备注太长了（最多500个字）', EXAMPLE)
    return { id, attendance, note }
  },
  handle (ctx) {
    const tz = ctx.config.timeZone
    const a = activityInRoom(ctx, ctx.args.id)
    const correcting = a.status === 'completed'
    if (correcting && ctx.args.attendance === null && ctx.args.note === null) {
      throw new UserError(`活动 #${a.id} 已经标记完成了。如需更正实到人数或备注，请再发一次并写上新的数字`, `#完成 ${a.id} 实到 30`)
    }
    if (a.status === 'cancelled') throw new UserError(`活动 #${a.id} 已取消，不能标记完成`, '#近期活动')
    if (ctx.now < a.startAt) throw new UserError(`活动 #${a.id} 还没开始（${formatDateTimeZh(a.startAt, tz)} 开始），开始后才能标记完成`, '#近期活动')
    if (correcting) {
      // a correction changes only what it gives; the completion itself stands
      const patch: Parameters<typeof updateActivity>[2] = {}
      if (ctx.args.attendance !== null) patch.attendanceOverride = ctx.args.attendance
      if (ctx.args.note !== null) patch.completionNote = ctx.args.note
      updateActivity(ctx.db, a.id, patch, ctx.now)
    } else {
      updateActivity(ctx.db, a.id, { status: 'completed', attendanceOverride: ctx.args.attendance, completionNote: ctx.args.note, completedAt: ctx.now }, ctx.now)
      dropReminders(ctx.db, a.id, ctx.now)
    }
    const figures = activityFigures(ctx.db, a.id, tz)
    ctx.audit({ action: correcting ? 'complete-correct' : 'complete', entity: 'activity', entityId: a.id, detail: { attendance: figures?.attendance, override: ctx.args.attendance, note: ctx.args.note } })
    const names = figures?.participants ?? []
    const photos = figures?.photos ?? 0
    const override = ctx.args.attendance !== null || (correcting && a.attendanceOverride !== null)
    const note = figures?.note
    const uncounted = !override && (figures?.checkins ?? 0) > 0 ? companionsOfCheckedIn(ctx.db, a.id) : 0
    ctx.reply([
      correcting ? `${cardMarker(a.id)}${a.title} 的完成记录已更正。` : `${cardMarker(a.id)}${a.title} 已完成，感谢大家参与！`,
      `报名${figures?.signups ?? 0}人，签到${figures?.checkins ?? 0}人，实到${figures?.attendance ?? 0}人次${override ? '（组织者填报）' : ''}`,
      ...(names.length > 0 ? [`参加名单：${names.join('、')}`] : []),
      ...(note ? [`备注：${note}`] : []),
      ...(uncounted > 0 ? [`（签到只算本人：签到的人另带或代报的${uncounted}人没有签到记录，没有计入；如也到场，请发送「#完成 ${a.id} 实到 ${(figures?.attendance ?? 0) + uncounted}」更正）`] : []),
      photos > 0
        ? `活动照片${photos}张已记入台账；发送「#活动记录 ${a.id}」可导出活动记录（Word）。`
        : `还没有活动照片：组织者和报名的人在活动结束后24小时内发到本群的照片会自动记入；也可先发「#照片 ${a.id}」，再在10分钟内发照片。`,
      correcting ? '台账里的数字已一并更正。' : '已记入本月台账。',
    ].join('\n'))
  },
})
