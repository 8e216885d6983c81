// #活动 — an organizer creates an activity from its fields; the reply is the activity card.
import { defineCommand, organizers, type CommandContext } from '../src/core/command.js'
import { offsetsOf } from '../src/core/announcements.js'
import { UserError } from '../src/core/errors.js'
import { insertActivity, scheduledTwin, type ActivityRow } from '../src/db/activities.js'
import { replanReminders } from '../src/db/reminders.js'
import { viewOf } from '../src/db/activity-with-roster.js'
import { ACTIVITY_EXAMPLE, readNewActivity, splitFields, type ActivityFields } from '../src/domain/activity-fields.js'
import type { ActivityType } from '../src/domain/activity-type.js'
import { activityCard } from '../src/domain/card.js'
import { readNotice } from '../src/domain/notice-reader.js'
import { parseJielong, type JielongList } from '../src/domain/jielong.js'
import { cleanText, toHalfWidth } from '../src/core/normalize.js'
import { signUpList } from './jielong.js'
import { formatDateTimeZh } from '../src/domain/zoned-time.js'

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
    if (!(e instanceof UserError)) throw e
    written = false
  }
  // written entirely in fields (or empty): the field form, its refusals included, exactly as it always was
  // one line (#活动 读书会 周六下午两点) is a notice only with a date written out (定于12月18日下午2点半在…召开…)
  const oneLine = !body.includes('\n')
  if (written || body.trim() === '' || (oneLine && !/^https?:\/\//.test(body.trim()) && (hasFieldLabel(body) || !/\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十廿卅]{1,3}[日号]/.test(toHalfWidth(body))))) {
    return readNewActivity(body, now, timeZone)
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

/** A quoted message: a 接龙 list (its header is the notice, its names are signed up) or a notice. */
function readQuoted (text: string, now: number, timeZone: string): NewActivity & { list?: JielongList } {
  const list = parseJielong(toHalfWidth(cleanText(text)))
  if (!list) return readActivityText(cleanText(text), now, timeZone)
  const header = list.header.join('\n').trim()
  if (header === '') throw new UserError('引用的接龙上面没有写活动的主题和时间，这次没有创建活动。请直接发通知', ACTIVITY_EXAMPLE)
  return { ...readActivityText(header, now, timeZone), ...(list.names.length > 0 ? { list } : {}) }
}

export default defineCommand<NewActivity & { list?: JielongList }, 'room'>({
  name: '活动',
  aliases: ['发起活动', '新活动', '新建活动'],
  summary: '发起活动（每行一项，或用分号隔开）',
  example: ACTIVITY_EXAMPLE,
  where: 'room',
  allow: organizers,
  // a quoted 接龙 list signs up its names: they are looked up among the room's members
  needsRoomMembers: true,
  parse (rest, ctx) {
    // quote-reply #活动 on an earlier message (a notice, a forwarded one, a member's 接龙): the quoted text is the notice
    if (rest.trim() === '' && ctx.quote && ctx.quote.text.trim() !== '') return readQuoted(ctx.quote.text, ctx.now, ctx.timeZone)
    return readActivityText(rest, ctx.now, ctx.timeZone)
  },
  handle (ctx) {
    const activity = createActivity(ctx, ctx.args)
    if (ctx.args.list) signUpList(ctx, activity, ctx.args.list)
  },
})
