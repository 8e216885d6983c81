// #活动 — an organizer creates an activity from its fields; the reply is the activity card.
import { defineCommand, organizers } from '../src/core/command.js'
import { createActivity, readActivityText, type NewActivity } from '../src/core/activity-creation.js'
import { UserError } from '../src/core/errors.js'
import { signUpList } from '../src/core/list-signup.js'
import { ACTIVITY_EXAMPLE } from '../src/domain/activity-fields.js'
import { parseJielong, type JielongList } from '../src/domain/jielong.js'
import { cleanText, toHalfWidth } from '../src/domain/normalize.js'

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
