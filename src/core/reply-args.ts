// The two ways a member reply reaches a command — plain (`签到 1`) and prefixed (`#签到 1`) — read
// the same way, with the same refusal when the prefixed form cannot be read.
import { parseMemberReply, type MemberReply } from '../domain/member-reply.js'
import { UserError } from './errors.js'
import { toHalfWidth } from './normalize.js'

export type ReplyOf<K extends MemberReply['kind']> = Extract<MemberReply, { kind: K }>

/** Commands' matchReply: the reply when the text is one of this kind, else null. */
export function replyOfKind<K extends MemberReply['kind']> (kind: K): (text: string) => ReplyOf<K> | null {
  return text => {
    const r = parseMemberReply(text)
    return r?.kind === kind ? r as ReplyOf<K> : null
  }
}

/** Commands' parse for the prefixed form: `word rest` read as a reply of this kind, or refused. */
export function prefixedReply<K extends MemberReply['kind']> (kind: K, word: string, example: string): (rest: string) => ReplyOf<K> {
  const read = replyOfKind(kind)
  return rest => {
    // `rest` is as written: fold full-width digits and punctuation as the plain form is
    const r = read(toHalfWidth(`${word} ${rest}`).trim())
    if (!r) throw new UserError(`看不懂这条「${word}」`, example)
    return r
  }
}
