// Acknowledging roster changes: what a sign-up did, and who moved up from the waitlist (with an
// @mention). Shared by 报名, 代报名, 取消报名 and 接龙; coalesced per activity by ctx.ack.
import type { ActivityRow } from '../db/activities.js'
import { signupLabels, type SignupRow, type SignUpOutcome } from '../db/signups.js'
import { peopleByMemberId } from '../db/activity-with-roster.js'
import type { CommandContext } from './command.js'
import { UserError } from './errors.js'

/** Acknowledges what a sign-up did; a party too big for the activity is refused with what would fit. */
export function ackSignup (ctx: CommandContext<unknown>, activity: ActivityRow, name: string, outcome: SignUpOutcome, by?: string): void {
  switch (outcome.kind) {
    case 'too-big':
      if (outcome.held > 0) {
        const most = outcome.held + outcome.seatsLeft
        // with no seat left there is nothing to suggest: the party stays as it is
        if (outcome.seatsLeft === 0) throw new UserError(`活动 #${activity.id} 名额已满，你的报名保持${outcome.held}人不变；如还要多带人，请联系组织者`)
        throw new UserError(`活动 #${activity.id} 你已报名${outcome.held}人，现在只剩${outcome.seatsLeft}个名额，最多可改为${most}人`, `报名 ${activity.id} ${most}人`)
      }
      throw new UserError(`活动 #${activity.id} 名额共${outcome.capacity}人，一次报不了这么多人`, `报名 ${activity.id} ${Math.max(1, Math.min(outcome.seatsLeft || outcome.capacity, outcome.capacity))}人`)
    case 'confirmed':
    case 'waitlisted':
    case 'already':
      ctx.ack(activity, { kind: outcome.kind, name, seats: 1 + outcome.signup.companions, place: outcome.place, signupId: outcome.signup.id, ...(by ? { by } : {}) })
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
