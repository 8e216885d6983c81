// Creating an activity — from #活动's fields or a pasted notice, or from a 接龙 whose header is a
// new activity's notice — in one place: read the text (the field form first, then the notice
// reader), refuse a twin, insert it, plan its reminders and answer with its card. A repeating
// activity will create each occurrence through createActivity too.
import type { CommandContext } from './command.js'
import { offsetsOf } from './announcements.js'
import { unwrap, UserError } from './errors.js'
import { Refusal } from '../domain/refusal.js'
import { insertActivity, scheduledTwin, type ActivityRow } from '../db/activities.js'
import { replanReminders } from '../db/reminders.js'
import { viewOf } from '../db/activity-with-roster.js'
import { readNewActivity, splitFields, type ActivityFields } from '../domain/activity-fields.js'
import type { ActivityType } from '../domain/activity-type.js'
import { activityCard } from '../domain/card.js'
import { readNotice } from '../domain/notice-reader.js'
import { toHalfWidth } from '../domain/normalize.js'
import { formatDateTimeZh } from '../domain/zoned-time.js'

export type NewActivity = ActivityFields & { title: string, start: number, type: ActivityType, notes?: string[], fromNotice?: boolean }

/** Field labels the one-line form knows (主题：…；时间：…): such a line is the field form, refused as it always was. */
function hasFieldLabel (body: string): boolean {
  return body.split(/[;；]/).some(part => {
    try {
      return Object.keys(splitFields(part)).length > 0
    } catch {
      return false
    }
  })
}

/**
 * The field form first, exactly as it always was; what it cannot read is read as a notice as it was written
 * (关于举办…的通知, 一、活动时间, 📆 …). When neither reads it, the field form's refusal stands where the text was
 * written in fields, the notice's question where it was a notice.
 */
export function readActivityText (body: string, now: number, timeZone: string): NewActivity {
  let written = true
  try {
    splitFields(body)
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    written = false
  }
  // written entirely in fields (or empty): the field form, its refusals included, exactly as it always was
  // one line (#活动 读书会 周六下午两点) is a notice only with a date written out (定于12月18日下午2点半在…召开…)
  const oneLine = !body.includes('\n')
  if (written || body.trim() === '' || (oneLine && !/^https?:\/\//.test(body.trim()) && (hasFieldLabel(body) || !/\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十廿卅]{1,3}[日号]/.test(toHalfWidth(body))))) {
    return unwrap(readNewActivity(body, now, timeZone))
  }
  const notice = readNotice(body, now, timeZone)
  if (!notice.ok) throw new UserError(notice.error.message, notice.error.example)
  const v = notice.value
  return {
    title: v.title, start: v.start, end: v.end, location: v.location, capacity: v.capacity, deadline: v.deadline,
    type: v.type, description: v.description, notes: v.notes, fromNotice: true,
    ...(v.remindOffsets ? { remindOffsets: v.remindOffsets } : {}),
  }
}

/**
 * Creates the activity and answers with its card (#活动, and a 接龙 whose header is a new activity's notice). A notice
 * sent twice is one activity: the second is refused.
 */
export function createActivity (ctx: CommandContext<unknown, 'room'>, f: NewActivity): ActivityRow {
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
  const card = activityCard(viewOf(ctx.db, activity, ctx.config.remindOffsets), ctx.config.timeZone, ctx.now)
  // read from a notice: say so, and how to put a field right
  const footer = f.fromNotice
    ? `\n——\n以上是从通知里读到的内容${f.notes && f.notes.length > 0 ? `（${f.notes.join('；')}）` : ''}，如有不对请发「#修改 ${activity.id} 时间：${formatDateTimeZh(activity.startAt, ctx.config.timeZone).replace(/\(.+\)/, '')}」这样的消息更正（也可改 主题、地点、名额、截止、说明）`
    : ''
  ctx.reply(card + footer)
  return activity
}
