// Acknowledging roster changes: what a sign-up did, and who moved up from the waitlist (with an
// @mention). Shared by 报名, 代报名, 取消报名 and 接龙; coalesced per activity by ctx.ack.
import { and, eq } from 'drizzle-orm'
import type { ActivityRow } from '../db/activities.js'
import { enqueueAsk, enqueueCoalescedRefusal } from '../db/outbox-store.js'
import { auditLog } from '../db/schema.js'
import { signUp, signupLabels, type SignupRow, type SignUpOutcome } from '../db/signups.js'
import { peopleByMemberId } from '../db/activity-with-roster.js'
import { assertOpenForSignup } from './activity-lookup.js'
import type { CommandContext } from './command.js'
import { UserError } from './errors.js'

/** A party larger than this from one reply is said back in the acknowledgement. */
export const CHECK_PARTY_OVER = 5

/** Acknowledges what a sign-up did; a party too big for the activity is refused with what would fit. */
export function ackSignup (ctx: CommandContext<unknown>, activity: ActivityRow, name: string, outcome: SignUpOutcome, by?: string, checkCount = false): void {
  const check = checkCount ? { checkCount: true as const } : {}
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
      ctx.ack(activity, { kind: outcome.kind, name, seats: 1 + outcome.signup.companions, place: outcome.place, signupId: outcome.signup.id, ...(by ? { by } : {}), ...(outcome.kind === 'already' ? {} : check) })
      return
    case 'resized':
      ctx.ack(activity, { kind: 'resized', name, seats: 1 + outcome.signup.companions, place: outcome.place, ...check })
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

/** The sender signs up for the activity (with `people` in all, or as written before when null), acknowledged and audited. */
export function signUpSender (ctx: CommandContext<unknown>, activity: ActivityRow, people: number | null): void {
  assertOpenForSignup(ctx, activity)
  const member = ctx.member
  if (!member) return
  const outcome = signUp(ctx.db, activity, { memberId: member.id, registrantMemberId: member.id }, people, ctx.quotedActivityId !== null ? 'quote' : 'reply', ctx.now)
  ackSignup(ctx, activity, member.name, outcome, undefined, people !== null && people > CHECK_PARTY_OVER)
  if (outcome.kind !== 'already' && outcome.kind !== 'too-big') {
    ctx.audit({ action: `signup-${outcome.kind}`, entity: 'signup', entityId: outcome.signup.id, detail: { activityId: activity.id, people } })
  }
}

/** Whether the sender was already asked this (per activity, or per room when `activityId` is null). */
function askedBefore (ctx: CommandContext<unknown>, entity: 'activity' | 'room', entityId: number, about: string): boolean {
  const member = ctx.member
  if (!member) return true
  return ctx.db.select({ id: auditLog.id }).from(auditLog)
    .where(and(eq(auditLog.action, `ask-${about}`), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), eq(auditLog.actorMemberId, member.id)))
    .limit(1).all().length > 0
}

/**
 * Asks the sender a question in the activity's coalesced acknowledgement, @mentioning them — at most once per
 * member, activity and question (remembered in the audit log). `text` says the exact reply to send.
 */
export function askInAck (ctx: CommandContext<unknown>, activity: ActivityRow, about: string, text: string): void {
  if (askedBefore(ctx, 'activity', activity.id, about)) return
  ctx.audit({ action: `ask-${about}`, entity: 'activity', entityId: activity.id })
  enqueueAsk(ctx.db, activity.roomId, activity.id, { kind: 'ask', mention: ctx.msg.sender, text }, ctx.now, ctx.config.ackWindowMs)
}

/** Asks the sender a question about no one activity (which one?), coalesced per room and text, once per member and room. */
export function askInRoom (ctx: CommandContext<unknown>, about: string, text: string): void {
  const room = ctx.room
  if (!room || askedBefore(ctx, 'room', room.id, about)) return
  ctx.audit({ action: `ask-${about}`, entity: 'room', entityId: room.id })
  enqueueCoalescedRefusal(ctx.db, room.id, text, ctx.msg.sender, ctx.now, ctx.config.ackWindowMs)
}
