// 代报名 [id] 张三 李四 — sign others up: a room member by their name, anyone else as a guest of the sender.
import { anyone, defineCommand } from '../src/core/command.js'
import { prefixedReply, replyOfKind, type ReplyOf } from '../src/core/reply-args.js'
import { assertOpenForSignup, noOpenActivity, openInRoom, pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import { nameKey } from '../src/domain/normalize.js'
import { ensureMember, findMemberNamed } from '../src/db/membership.js'
import { signUp } from '../src/db/signups.js'
import { ackSignup, signUpSender } from '../src/core/roster-acks.js'
import { titleMatch } from '../src/domain/jielong.js'

export const MAX_NAMES = 20
const EXAMPLE = `代报名 ${OPEN_ACTIVITY_ID} 刘护士 孙护士`

export default defineCommand<ReplyOf<'proxy'>, 'room'>({
  name: '代报名',
  aliases: ['帮报名'],
  summary: '替别人报名（群成员按群昵称，其他人算你带的嘉宾）',
  example: EXAMPLE,
  where: 'room',
  allow: anyone,
  needsRoomMembers: true,
  matchReply: replyOfKind('proxy'),
  parse: prefixedReply('proxy', '代报名', '代报名 2 刘护士 孙护士'),
  handle (ctx) {
    const { names } = ctx.args
    // 代报名张三 written without a space: a sign-up only when 张三 is someone in the room; 报名 读书会 / 报名读书会:
    // the sender signs up for the one open activity of that title; anything else is chatter
    // +1 林晓: the sender's own name signs the sender up; another member's name beside a +1 is agreeing with them
    const own = nameKey(names[0] ?? '') === nameKey(ctx.member.name)
    if (ctx.args.ownName && !own) {
      if (!ctx.args.title) return
    } else if (ctx.args.ownName && own) {
      if (ctx.quotedActivityId === null && openInRoom(ctx)().length === 0) return
      const activity = pickActivity(ctx, null, openInRoom(ctx), { verb: '报名', none: () => noOpenActivity(ctx), example: id => `报名 ${id}` })
      signUpSender(ctx, activity, null)
      return
    }
    if (ctx.args.runOn && (ctx.args.ownName || (!(ctx.roomMembers ?? []).some(p => nameKey(p.name) === nameKey(names[0] ?? '')) &&
      !findMemberNamed(ctx.db, ctx.room.id, names[0] ?? '')))) {
      if (!ctx.args.title) return
      const open = openInRoom(ctx)()
      const scores = open.map(a => titleMatch([names[0] ?? ''], a.title))
      const best = Math.max(0, ...scores)
      const named = best === 0 ? [] : open.filter((_, i) => scores[i] === best)
      if (named.length === 1 && named[0]) signUpSender(ctx, named[0], ctx.args.people ?? null)
      return
    }
    // 报名 张三 2人: a party beside a member's name is not a 代报名 (whose party would it be?)
    if (ctx.args.people !== undefined) return
    if (names.length === 0) throw new UserError('请写上要代报名的人的名字，用空格隔开', EXAMPLE)
    if (names.length > MAX_NAMES) throw new UserError(`一次最多代报名${MAX_NAMES}人`, EXAMPLE)
    if (names.some(n => [...n].length > 30)) throw new UserError('名字太长了（最多30个字）', EXAMPLE)
    const activity = pickActivity(ctx, ctx.args.activityId, openInRoom(ctx), {
      verb: '报名',
      none: () => noOpenActivity(ctx),
      example: id => `代报名 ${id} 张三`,
    })
    assertOpenForSignup(ctx, activity)
    const room = ctx.room
    const sender = ctx.member
    if (!room || !sender) return
    const roster = ctx.roomMembers ?? []
    for (const name of names) {
      const inRoom = roster.find(p => p.name === name) ?? roster.find(p => nameKey(p.name) === nameKey(name))
      const member = inRoom ? ensureMember(ctx.db, room.id, inRoom, ctx.now) : findMemberNamed(ctx.db, room.id, name)
      const who = member ? { memberId: member.id, registrantMemberId: sender.id } : { guestName: name, registrantMemberId: sender.id }
      const outcome = signUp(ctx.db, activity, who, null, 'proxy', ctx.now)
      ackSignup(ctx, activity, member?.name ?? name, outcome, member?.id === sender.id ? undefined : sender.name)
      if (outcome.kind === 'confirmed' || outcome.kind === 'waitlisted') {
        ctx.audit({ action: `signup-${outcome.kind}`, entity: 'signup', entityId: outcome.signup.id, detail: { activityId: activity.id, by: sender.id } })
      }
    }
  },
})
