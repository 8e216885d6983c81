// The two ways a member reply reaches a command — plain (`+1，顶`, `签到 1`) and prefixed (`#签到 1`).
// Plain replies are read by the reply reader (act / ask / chatter); the prefixed form by the strict
// grammar, with a refusal when it cannot be read.
import { parseMemberReply, type MemberReply } from '../domain/member-reply.js'
import { readReply, type AskAbout, type Need } from '../domain/reply-reader.js'
import type { ReplyInfo } from './command.js'
import { UserError } from './errors.js'
import { toHalfWidth } from '../domain/normalize.js'

/** What the handler gets: the reply, what it must find in the database first, and the question to ask instead of acting. */
export type ReplyOf<K extends MemberReply['kind']> = Extract<MemberReply, { kind: K }> & {
  need?: Need
  ask?: { about: AskAbout, reply: string }
}

/** Which command takes a question the reader asks. */
const ASKED_BY: Record<AskAbout, MemberReply['kind']> = { withdraw: 'cancel', count: 'signup', one: 'signup', correct: 'signup', proxy: 'signup', with: 'signup' }

/** Commands' matchReply: the reply when the text is one of this kind (acted on or asked about), else null. */
export function replyOfKind<K extends MemberReply['kind']> (kind: K): (text: string, info?: ReplyInfo) => ReplyOf<K> | null {
  return (text, info) => {
    // in private chat only the strict forms are replies (answered with where to send them); 1, 到了, 不去了 are talk
    if (info?.inRoom === false) {
      const strict = parseMemberReply(text)
      return strict?.kind === kind ? strict as ReplyOf<K> : null
    }
    const r = readReply(text)
    if (r.outcome === 'act' && r.reply.kind === kind) return { ...r.reply, ...(r.need ? { need: r.need } : {}) } as ReplyOf<K>
    if (r.outcome === 'ask' && ASKED_BY[r.about] === kind) {
      const base = kind === 'cancel' ? { kind, activityId: null } : { kind, activityId: null, people: null }
      return { ...base, ...(r.need ? { need: r.need } : {}), ask: { about: r.about, reply: r.reply } } as unknown as ReplyOf<K>
    }
    return null
  }
}

/** Commands' parse for the prefixed form: `word rest` read as a reply of this kind, or refused. */
export function prefixedReply<K extends MemberReply['kind']> (kind: K, word: string, example: string): (rest: string) => ReplyOf<K> {
  return rest => {
    // `rest` is as written: fold full-width digits and punctuation as the plain form is
    const r = parseMemberReply(toHalfWidth(`${word} ${rest}`).trim())
    if (r?.kind !== kind) throw new UserError(`看不懂这条「${word}」`, example)
    return r as ReplyOf<K>
  }
}
