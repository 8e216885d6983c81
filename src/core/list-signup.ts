// Signing up the names of a 接龙 list for an activity (#接龙, and #活动 quoting a 接龙): new names
// only, members by their name in the room, others as the sender's guests, capped per list.
import type { CommandContext } from './command.js'
import { ackPromotions, ackSignup } from './roster-acks.js'
import { nameKey } from '../domain/normalize.js'
import type { Person } from '../domain/records.js'
import type { ActivityRow } from '../db/activities.js'
import { listedNames, saveListedNames } from '../db/jielong-lists.js'
import { ensureMember, findMemberNamed } from '../db/membership.js'
import { cancelSignups, liveSignupOf, signUp } from '../db/signups.js'
import type { JielongList } from '../domain/jielong.js'

/**
 * New guests one list signs up: a list of volunteers collected offline (三十几位) goes in at once, a paste of
 * hundreds does not fill the activity under one sender; the rest wait for the next copy.
 */
export const MAX_LIST_GUESTS = 100

/**
 * Signs up the names of a 接龙 list for `activity`: new names only (room members by their name, others as guests of the
 * sender); the sender's own line taken away cancels their sign-up. Also used by #活动 quoting a 接龙 list.
 */
export function signUpList (ctx: CommandContext<unknown, 'room'>, activity: ActivityRow, list: JielongList): void {
  const room = ctx.room
  const sender = ctx.member
  // names compare with full-width folded and Latin letters in any case; looked up in maps, as a list may have hundreds
  const same = (a: string, b: string): boolean => nameKey(a) === nameKey(b)
  const roster = new Map<string, Person>()
  for (const p of ctx.roomMembers ?? []) if (!roster.has(nameKey(p.name))) roster.set(nameKey(p.name), p)
  // read against every name that has been on a list: such a name is not new (someone who left,
  // by 取消报名 or by taking their own line away, is not signed up again by a copy of an older
  // list); and against the latest list: only the sender's own line can be taken away, and only
  // from the list it was on (a list copied from another branch of a forked 接龙 does not cancel)
  const before = listedNames(ctx.db, activity.id) ?? { listed: [], latest: [] }
  const previous = new Set(before.listed.map(nameKey))
  const wasListed = (name: string): boolean => previous.has(nameKey(name))
  const onLatest = new Set(before.latest.map(nameKey))
  // the names that count (not listed before, or the sender's own), each looked up once: the member it names, else a
  // guest. Tom and tom on one list are one name (the first written).
  const byKey = new Map<string, string>()
  for (const name of list.names) if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), name)
  const fresh = [...byKey.values()].filter(name => same(name, sender.name) || !wasListed(name)).map(name => {
    const self = same(name, sender.name)
    const inRoom = self ? undefined : roster.get(nameKey(name))
    const known = self ? sender : inRoom ? undefined : findMemberNamed(ctx.db, room.id, name)
    const guestSignup = inRoom || known ? undefined : liveSignupOf(ctx.db, activity.id, { guestName: name }) ?? null
    return { name, self, inRoom, known, guestSignup }
  })
  // new guests are capped per list: the members on the list and the first guests are signed up, the rest wait for
  // the next copy of the list (they are not marked as listed)
  const newGuests = fresh.filter(e => e.guestSignup === null)
  const waiting = new Set(newGuests.slice(MAX_LIST_GUESTS).map(e => e.name))
  if (waiting.size > 0) {
    const shown = [...waiting].slice(0, 5).join('、') + (waiting.size > 5 ? `等${waiting.size}位` : '')
    ctx.reply(`这份接龙新加的群外来宾有${newGuests.length}位，一次最多登记${MAX_LIST_GUESTS}位：其余${waiting.size}位（${shown}）这次没有登记，请再发一次接龙。群成员请用群里的名字`)
  }
  for (const { name, self, inRoom, known, guestSignup } of fresh) {
    if (waiting.has(name)) continue
    const member = inRoom ? ensureMember(ctx.db, room.id, inRoom, ctx.now) : known
    const who = member ? { memberId: member.id } : { guestName: name }
    // a repost of the list names everyone again: only the new names count
    if (member ? liveSignupOf(ctx.db, activity.id, who) : guestSignup) continue
    const outcome = signUp(ctx.db, activity, { ...who, registrantMemberId: sender.id }, list.parties[name] ?? null, 'jielong', ctx.now)
    ackSignup(ctx, activity, member?.name ?? name, outcome, self || member ? undefined : sender.name)
    if (outcome.kind === 'confirmed' || outcome.kind === 'waitlisted') {
      ctx.audit({ action: `signup-${outcome.kind}`, entity: 'signup', entityId: outcome.signup.id, detail: { activityId: activity.id, via: 'jielong' } })
    }
  }

  if (onLatest.has(nameKey(sender.name)) && !list.names.some(n => same(n, sender.name))) {
    const own = liveSignupOf(ctx.db, activity.id, { memberId: sender.id })
    if (own) {
      const promoted = cancelSignups(ctx.db, activity, [own], ctx.now)
      ctx.ack(activity, { kind: 'cancelled', name: sender.name, seats: 1 + own.companions })
      ctx.audit({ action: 'signup-cancel', entity: 'signup', entityId: own.id, detail: { activityId: activity.id, via: 'jielong' } })
      ackPromotions(ctx, activity, promoted)
    }
  }
  saveListedNames(ctx.db, activity.id, { listed: [...before.listed, ...list.names.filter(n => !wasListed(n) && !waiting.has(n))], latest: list.names }, ctx.now)
}
