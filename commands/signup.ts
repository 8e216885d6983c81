// 报名 / +1 / 报名 4 / 报名 4 3人 — a member signs up (with companions); quote-replies too.
import { anyone, defineCommand } from '../src/core/command.js'
import { assertOpenForSignup, noOpenActivity, openInRoom, pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import { prefixedReply, replyOfKind, type ReplyOf } from '../src/core/reply-args.js'
import { ackSignup } from '../src/core/roster-acks.js'
import { signUp } from '../src/db/signups.js'

/** A party larger than this is an organizer's job (名额 and 代报名), not a member reply. */
const MAX_PARTY = 20

export default defineCommand<ReplyOf<'signup'>, 'room'>({
  name: '报名',
  summary: '报名活动（回复即可，带人写「N人」）',
  example: `报名 ${OPEN_ACTIVITY_ID}`,
  where: 'room',
  allow: anyone,
  matchReply: replyOfKind('signup'),
  parse: prefixedReply('signup', '报名', '报名 4 3人'),
  handle (ctx) {
    const { people } = ctx.args
    // people is NaN for 报名 2.5人 / 报名 -2人
    if (people !== null && !(people >= 1)) throw new UserError('人数要写成1以上的整数（自己也算一人）', '报名 3人')
    if (people !== null && people > MAX_PARTY) throw new UserError(`一次最多报名${MAX_PARTY}人；更多人请联系组织者`, `报名 ${MAX_PARTY}人`)
    const candidates = openInRoom(ctx)
    // a lone +1 with nothing to sign up for is someone agreeing in the chat: no reply
    if (ctx.args.bare && ctx.quotedActivityId === null && candidates().length === 0) return
    const activity = pickActivity(ctx, ctx.args.activityId, candidates, {
      verb: '报名',
      none: () => noOpenActivity(ctx),
      example: id => `报名 ${id}`,
    })
    assertOpenForSignup(ctx, activity)
    const member = ctx.member
    const outcome = signUp(ctx.db, activity, { memberId: member.id, registrantMemberId: member.id }, people, ctx.quotedActivityId !== null ? 'quote' : 'reply', ctx.now)
    ackSignup(ctx, activity, member.name, outcome)
    if (outcome.kind !== 'already' && outcome.kind !== 'too-big') {
      ctx.audit({ action: `signup-${outcome.kind}`, entity: 'signup', entityId: outcome.signup.id, detail: { activityId: activity.id, people } })
    }
  },
})
