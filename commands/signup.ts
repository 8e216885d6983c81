// 报名 / +1 / 报名 4 / 报名 4 3人 — a member signs up (with companions); quote-replies too.
import { anyone, defineCommand, type CommandContext } from '../src/core/command.js'
import { assertOpenForSignup, openInRoom, pickActivity } from '../src/core/activity-lookup.js'
import { UserError } from '../src/core/errors.js'
import type { ActivityRow } from '../src/db/activities.js'
import { signUp, signupLabels, type SignupRow, type SignUpOutcome } from '../src/db/signups.js'
import { peopleByMemberId } from '../src/db/views.js'
import { parseMemberReply } from '../src/domain/member-reply.js'

/** A party larger than this is an organizer's job (名额 and 代报名), not a member reply. */
export const MAX_PARTY = 20

type Args = { activityId: number | null, people: number }

function signupArgs (text: string): Args | null {
  const r = parseMemberReply(text)
  return r?.kind === 'signup' ? { activityId: r.activityId, people: r.people } : null
}

/** Acknowledges what a sign-up did, coalesced with the activity's other roster changes. */
export function ackSignup (ctx: CommandContext<unknown>, activity: ActivityRow, name: string, outcome: SignUpOutcome, by?: string): void {
  switch (outcome.kind) {
    case 'too-big':
      throw new UserError(`活动 #${activity.id} 名额共${outcome.capacity}人、现在剩余${outcome.seatsLeft}个，无法报这么多人`, `报名 ${activity.id} ${Math.max(1, Math.min(outcome.seatsLeft, outcome.capacity))}人`)
    case 'confirmed':
    case 'waitlisted':
    case 'already':
      ctx.ack(activity, { kind: outcome.kind, name, seats: 1 + outcome.signup.companions, place: outcome.place, ...(by ? { by } : {}) })
      return
    case 'resized':
      ctx.ack(activity, { kind: 'resized', name, seats: 1 + outcome.signup.companions, place: outcome.place })
      ackPromotions(ctx, activity, outcome.promoted)
  }
}

/** Tells people who moved up from the waitlist, with an @mention of the member (or who registered the guest). */
export function ackPromotions (ctx: CommandContext<unknown>, activity: ActivityRow, promoted: readonly SignupRow[]): void {
  if (promoted.length === 0) return
  const labels = signupLabels(ctx.db, promoted)
  const people = peopleByMemberId(ctx.db, promoted.map(s => s.memberId ?? s.registrantMemberId))
  for (const s of promoted) {
    const mention = people.get(s.memberId ?? s.registrantMemberId)
    ctx.ack(activity, { kind: 'promoted', name: labels.get(s.id)?.name ?? '?', seats: 1 + s.companions, ...(mention ? { mention } : {}) })
  }
}

export default defineCommand<Args>({
  name: '报名',
  summary: '报名活动（回复即可，带人写「N人」）',
  example: '报名 1',
  where: 'room',
  allow: anyone,
  matchReply: signupArgs,
  parse (rest) {
    const args = signupArgs(`报名 ${rest}`)
    if (!args) throw new UserError('看不懂这条报名。直接回复「报名」即可；有多个活动时写编号，带人一起写人数', '报名 4 3人')
    return args
  },
  handle (ctx) {
    const { people } = ctx.args
    if (people < 1) throw new UserError('人数至少是1', '报名 3人')
    if (people > MAX_PARTY) throw new UserError(`一次最多报名${MAX_PARTY}人；更多人请联系组织者`, `报名 ${MAX_PARTY}人`)
    const activity = pickActivity(ctx, ctx.args.activityId, openInRoom(ctx), {
      verb: '报名',
      none: '现在没有正在报名的活动。发送「#近期活动」看看本群的活动',
      example: id => `报名 ${id}`,
    })
    assertOpenForSignup(ctx, activity)
    const member = ctx.member
    if (!member) return
    const outcome = signUp(ctx.db, activity, { memberId: member.id, registrantMemberId: member.id }, people, ctx.quotedActivityId !== null ? 'quote' : 'reply', ctx.now)
    ackSignup(ctx, activity, member.name, outcome)
    if (outcome.kind !== 'already' && outcome.kind !== 'too-big') {
      ctx.audit({ action: `signup-${outcome.kind}`, entity: 'signup', entityId: outcome.signup.id, detail: { activityId: activity.id, people } })
    }
  },
})
