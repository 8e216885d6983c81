// What a command is (one file per command in commands/), who may use it, and the context its
// handler gets: the message, the sender's roles, the database, the time and ways to answer.
import type { Logger } from 'pino'
import type { ActivityRow } from '../db/activities.js'
import type { AuditEntry } from '../db/audit.js'
import type { Db } from '../db/open.js'
import type { AckEvent, FileBody } from '../db/outbox-store.js'
import type { MemberRow, RoomRow } from '../db/membership.js'
import type { Quote } from './quote.js'
import type { IncomingMessage, Person, Target } from '../domain/records.js'

/** The sender's roles where the message was written. */
export interface Roles {
  admin: boolean
  /** organizer of this room (its owner or appointed); in private chat: of some room */
  organizer: boolean
  secretary: boolean
}

/** A named precondition, checked by dispatch before the handler runs. */
export interface Permission {
  /** who may, as a refusal says it: 「只有{label}可以…」 */
  label: string
  test (who: Roles): boolean
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
  /** the quoted message of a quote-reply */
  quote: Quote | null
}

/** Where a command may be used: in a group, in private chat with the bot, or either. */
export type Where = 'room' | 'private' | 'any'

/** What a reply reader is told besides the text. */
export interface ReplyInfo {
  /** written in a group (false: in private chat with the bot) */
  inRoom: boolean
}

export interface CommandContext<A, W extends Where = Where> {
  args: A
  msg: IncomingMessage
  /** the room row: always there for a command used in a group (`where: 'room'`), else null in private chat */
  room: W extends 'room' ? RoomRow : W extends 'private' ? null : RoomRow | null
  /** the sender as a member of the room, as `room` */
  member: W extends 'room' ? MemberRow : W extends 'private' ? null : MemberRow | null
  who: Roles
  quotedActivityId: number | null
  /** the quoted message of a quote-reply (its text and the activity of a quoted card) */
  quote: Quote | null
  /** current room members, for commands that declare `needsRoomMembers` */
  roomMembers: readonly Person[] | null
  db: Db
  now: number
  config: CoreConfig
  log: Logger
  /** every registered command (for #帮助) */
  commands: readonly Command<any, any>[]
  /** answer where the message was written */
  reply (text: string, mentions?: readonly Person[]): void
  send (target: Target, text: string, mentions?: readonly Person[]): void
  sendFile (target: Target, file: FileBody): void
  /** acknowledge a roster change; coalesced with others for the same activity */
  ack (activity: ActivityRow, event: AckEvent): void
  audit (entry: Omit<AuditEntry, 'roomId' | 'actorMemberId' | 'actorName' | 'msgId'>): void
}

export interface Command<A = unknown, W extends Where = Where> {
  /** the command word, e.g. 活动 for #活动 */
  name: string
  aliases?: readonly string[]
  /** one line for #帮助 */
  summary: string
  /** a correct example for #帮助 and refusals */
  example: string
  where: W
  allow: Permission
  /** a member reply that needs no prefix: its arguments, or null when the text is not this command (pure: the handler decides with the database) */
  matchReply? (text: string, info: ReplyInfo): A | null
  /** a picture this command takes: its arguments, or null (pure: the handler decides with the database) */
  matchImage? (msg: IncomingMessage): A | null
  /** arguments of the prefixed form from the text after the command word; throws UserError */
  parse (rest: string, ctx: ParseContext): A
  /** the adapter must fetch the room's member list first (接龙, 代报名) */
  needsRoomMembers?: boolean
  /** answered even in a room that is not enabled (#启用) */
  worksWhenDisabled?: boolean
  handle (ctx: CommandContext<A, W>): void
}

/** Helps commands keep their argument type (and where they run) while sitting in one list. */
export function defineCommand<A, W extends Where = Where> (command: Command<A, W>): Command<A, W> {
  return command
}
