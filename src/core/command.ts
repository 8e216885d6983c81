// What a command is (one file per command in commands/), who may use it, and the context its
// handler gets: the message, the sender's roles, the database, the time and ways to answer.
import type { Logger } from 'pino'
import type { ActivityRow } from '../db/activities.js'
import type { AuditEntry } from '../db/audit.js'
import type { Db } from '../db/open.js'
import type { AckEvent, FileBody } from '../db/outbox-store.js'
import type { MemberRow, RoomRow } from '../db/people.js'
import type { IncomingMessage, Person, Target } from './types.js'

/** The sender's roles where the message was written. */
export interface Who {
  admin: boolean
  /** organizer of this room (its owner or appointed); in private chat: of some room */
  organizer: boolean
  secretary: boolean
}

/** A named precondition, checked by dispatch before the handler runs. */
export interface Permission {
  /** who may, as a refusal says it: 「只有{label}可以…」 */
  label: string
  test (who: Who): boolean
}

export const anyone: Permission = { label: '群成员', test: () => true }
export const adminOnly: Permission = { label: '管理员', test: w => w.admin }
export const organizers: Permission = { label: '组织者或管理员', test: w => w.admin || w.organizer }
export const reporters: Permission = { label: '秘书、组织者或管理员', test: w => w.admin || w.secretary || w.organizer }

/** Settings the core needs, whatever runs it. */
export interface CoreConfig {
  timeZone: string
  /** BOT_ADMINS: contact ids or names */
  admins: readonly string[]
  /** default reminder offsets (ms before start) */
  remindOffsets: readonly number[]
  /** acknowledgements for one activity within this window are sent as one message */
  ackWindowMs: number
}

export interface ParseContext {
  now: number
  timeZone: string
  /** the full normalised text (after any @bot prefix and quote) */
  text: string
  mentions: readonly Person[]
  /** the activity of a quoted card, for quote-replies */
  quotedActivityId: number | null
}

export interface CommandContext<A> {
  args: A
  msg: IncomingMessage
  /** the room row (null in private chat) */
  room: RoomRow | null
  /** the sender as a member of the room (null in private chat) */
  member: MemberRow | null
  who: Who
  quotedActivityId: number | null
  /** current room members, for commands that declare `needsRoomMembers` */
  roomMembers: readonly Person[] | null
  db: Db
  now: number
  config: CoreConfig
  log: Logger
  /** every registered command (for #帮助) */
  commands: readonly Command<any>[]
  /** answer where the message was written */
  reply (text: string, mentions?: readonly Person[]): void
  send (target: Target, text: string, mentions?: readonly Person[]): void
  sendFile (target: Target, file: FileBody): void
  /** acknowledge a roster change; coalesced with others for the same activity */
  ack (activity: ActivityRow, event: AckEvent): void
  audit (entry: Omit<AuditEntry, 'roomId' | 'actorMemberId' | 'actorName' | 'msgId'>): void
}

export interface Command<A = unknown> {
  /** the command word, e.g. 活动 for #活动 */
  name: string
  aliases?: readonly string[]
  /** one line for #帮助 */
  summary: string
  /** a correct example for #帮助 and refusals */
  example: string
  where: 'room' | 'private' | 'any'
  allow: Permission
  /** a member reply that needs no prefix: its arguments, or null when the text is not this command */
  matchReply? (text: string): A | null
  /** arguments of the prefixed form from the text after the command word; throws UserError */
  parse (rest: string, ctx: ParseContext): A
  /** the adapter must fetch the room's member list first (接龙, 代报名) */
  needsRoomMembers?: boolean
  /** answered even in a room that is not enabled (#启用) */
  worksWhenDisabled?: boolean
  handle (ctx: CommandContext<A>): void
}

/** Helps commands keep their argument type while sitting in one list. */
export function defineCommand<A> (command: Command<A>): Command<A> {
  return command
}
