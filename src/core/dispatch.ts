// Dispatch: a plain message record → at most one command, run in one transaction with its
// replies (the durable outbox lives in the same database), or nothing at all for chatter.
import type { Logger } from 'pino'
import { audit } from '../db/audit.js'
import { markHandled } from '../db/handled.js'
import { inGroupCommit, type Db } from '../db/open.js'
import { enqueue, enqueueAck, enqueueCoalescedRefusal, enqueueText } from '../db/outbox-store.js'
import { ensureMember, ensureRoom, findRoom, isOrganizerOf, isSecretary, organizerRoomIds } from '../db/membership.js'
import type { Clock } from './clock.js'
import { adminOnly, organizers, type Command, type CommandContext, type CoreConfig, type ParseContext, type Where, type Roles } from './command.js'
import { exampleInRoom } from './activity-lookup.js'
import { UserError } from './errors.js'
import { Refusal } from '../domain/refusal.js'
import { cleanText, toHalfWidth } from '../domain/normalize.js'
import { readMessage, routeReading, type Route } from './readers.js'
import type { Registry } from './registry.js'
import type { IncomingMessage, Person, Target } from '../domain/records.js'

export const HELP_POINTER = '没有这个命令。发送「#帮助」查看可用的命令，例如：#近期活动'

const CANCEL_ACTIVITY = '组织者取消活动请发「#取消活动 编号 原因」，例如：#取消活动 1 场地冲突'

/** Commands people type that mean one of ours: the answer names the right one instead of a general pointer. */
const NEAR_MISSES = new Map<string, string>([
  ['取消', `没有「#取消」这个命令。取消自己的报名请直接回复「取消报名」；${CANCEL_ACTIVITY}`],
  ['删除', `没有「#删除」这个命令。${CANCEL_ACTIVITY}`],
  ['删除活动', `没有「#删除活动」这个命令。${CANCEL_ACTIVITY}`],
  ['结束', '没有「#结束」这个命令。活动结束后，组织者请发「#完成 编号」标记完成，例如：#完成 1 实到 25'],
])
export const APOLOGY = '抱歉，处理这条消息时出了点问题，已记录下来。请稍后再试，或联系管理员。'
/** Longer commands are refused (a 500-line 接龙 with a note on every line fits); longer chatter is not read at all. */
export const MAX_COMMAND_LENGTH = 60_000

const routeName = (route: Route): string => route.kind === 'command' ? route.command.name : route.kind === 'unknown' ? route.word : 'too-long'

export type { Route } from './readers.js'

export type Outcome = 'duplicate' | 'disabled' | 'handled' | 'refused' | 'failed'

export interface DispatchDeps {
  db: Db
  clock: Clock
  config: CoreConfig
  log: Logger
  registry: Registry
  /** told after each transaction that enqueued something, so the sender can wake up */
  onEnqueue?: () => void
}

/** Roles the sender is, each role looked up on first use. */
function lazyRoles (admin: boolean, organizer: () => boolean, secretary: () => boolean): Roles {
  let isOrganizer: boolean | undefined
  let isSecretary: boolean | undefined
  return {
    admin,
    get organizer () { return (isOrganizer ??= organizer()) },
    get secretary () { return (isSecretary ??= secretary()) },
  }
}

function tooLong (length: number): UserError {
  return new UserError(`这条消息太长了（${length}字，最多${MAX_COMMAND_LENGTH}字），请分成几条发送`, '#接龙 名单很长时，分成两条：第一条 1–250 号，第二条 251 号以后')
}

/** A refusal for someone without the role: who may, and how one gets the role (an admin appoints, in a group). */
function notAllowed (command: Command<any, any>, sender: string, inRoom: boolean): UserError {
  const who = `只有${command.allow.label}可以使用「#${command.name}」`
  if (command.allow === adminOnly) return new UserError(`${who}，如有需要请联系管理员`, command.example)
  // in a group the way in is to organize it (a room's report is its organizers'); a secretary is appointed for the whole deployment
  if (inRoom) return new UserError(`${who}。如需成为本群组织者，请管理员在本群发送「#设组织者 @${sender}」`, command.example)
  return new UserError(`${who}。如需成为${command.allow === organizers ? '组织者' : '秘书或组织者'}，请联系管理员`, command.example)
}

export class Dispatcher {
  constructor (private readonly deps: DispatchDeps) {}

  /**
   * Pure reading of the message: which command (if any) it is, by the first reader that
   * recognises it (see readers.ts). Chatter and the bot's own messages give null; nothing is read
   * from the database here.
   */
  route (msg: IncomingMessage, botName?: string): Route | null {
    if (msg.self) return null
    if (msg.text.length > MAX_COMMAND_LENGTH) {
      // not normalised nor read: only whether it was meant for the bot decides between a refusal and silence
      const head = toHalfWidth(cleanText(msg.text.slice(0, 200)))
      const forBot = /^[#/]/.test(head) || (botName !== undefined && head.startsWith(`@${toHalfWidth(botName)}`)) || msg.mentionsBot
      return forBot ? { kind: 'too-long', length: msg.text.length } : null
    }
    return routeReading(readMessage(msg, botName), this.deps.registry)
  }

  /** Runs a routed message. Synchronous: one transaction holds the change and every reply. */
  execute (msg: IncomingMessage, route: Route, roomMembers: readonly Person[] | null = null): Outcome {
    const { db, clock, log } = this.deps
    const now = clock.now()
    const mlog = log.child({ msgId: msg.id })
    try {
      const outcome = inGroupCommit(db, () => this.run(msg, route, roomMembers, now, mlog))
      if (outcome === 'handled') this.deps.onEnqueue?.()
      return outcome
    } catch (err) {
      const refused = err instanceof Refusal
      if (!refused) mlog.error({ err, command: routeName(route) }, 'command failed')
      else mlog.debug({ command: routeName(route) }, 'command refused')
      try {
        inGroupCommit(db, () => {
          if (!markHandled(db, msg.id, now)) return
          const target = this.replyTarget(msg, now)
          // the example is filled in for this room and day; what the member wrote, quoted in the message, is left as written
          const example = refused && err.example !== undefined
            ? exampleInRoom(db, 'roomId' in target ? target.roomId : null, err.example, now, this.deps.config.timeZone)
            : undefined
          const reply = refused ? new UserError(err.message, example).reply : APOLOGY
          // a member reply (报名, -1, 接龙) refused in a room: the same refusal to many people in a
          // storm goes out once, @mentioning each of them, so nobody wonders whom 你 means
          if (refused && route.kind === 'command' && !route.prefixed && 'roomId' in target) {
            enqueueCoalescedRefusal(db, target.roomId, reply, msg.sender, now, this.deps.config.ackWindowMs)
          } else {
            enqueueText(db, target, reply, [], now)
          }
        })
        this.deps.onEnqueue?.()
      } catch (inner) {
        mlog.error({ err: inner }, 'could not record the refusal')
      }
      return refused ? 'refused' : 'failed'
    }
  }

  private replyTarget (msg: IncomingMessage, now: number): Target {
    if (!msg.room) return { contact: msg.sender }
    return { roomId: ensureRoom(this.deps.db, msg.room, now).id }
  }

  isAdmin (person: Person): boolean {
    return this.deps.config.admins.some(a => a === person.id || a === person.name)
  }

  private run (msg: IncomingMessage, route: Route, roomMembers: readonly Person[] | null, now: number, log: Logger): Outcome {
    const { db, config } = this.deps
    const admin = this.isAdmin(msg.sender)
    const existing = msg.room ? findRoom(db, msg.room, now) : undefined
    if (msg.room && !existing?.enabled && !(admin && route.kind === 'command' && route.command.worksWhenDisabled)) return 'disabled'
    if (!markHandled(db, msg.id, now)) return 'duplicate'
    const room = msg.room ? existing ?? ensureRoom(db, msg.room, now) : null
    const target: Target = room ? { roomId: room.id } : { contact: msg.sender }
    if (route.kind === 'unknown') {
      enqueueText(db, target, NEAR_MISSES.get(route.word) ?? HELP_POINTER, [], now)
      return 'handled'
    }
    if (route.kind === 'too-long') throw tooLong(route.length)
    const command = route.command
    const member = room ? ensureMember(db, room.id, msg.sender, now) : null
    // roles are looked up only when a command asks: a plain 报名 needs none
    const who = lazyRoles(admin, () => (room && member
      ? msg.room?.ownerId === msg.sender.id || isOrganizerOf(db, member.id, room.id)
      : organizerRoomIds(db, msg.sender).length > 0), () => isSecretary(db, msg.sender))
    // a member reply (报名, -1) typed in private is named as the member wrote it, without a # they never typed
    if (command.where === 'room' && !room) throw new UserError(route.prefixed ? `「#${command.name}」请在活动群里发送` : `「${command.name}」请在活动群里回复`, command.example)
    if (command.where === 'private' && room) throw new UserError(`「#${command.name}」请私聊我发送`, command.example)
    if (!command.allow.test(who)) throw notAllowed(command, msg.sender.name, room !== null)
    if (route.text.length > MAX_COMMAND_LENGTH) throw tooLong(route.text.length)
    const quotedActivityId = route.quote?.activityId ?? null
    const pctx: ParseContext = { now, timeZone: config.timeZone, text: route.text, mentions: msg.mentions, quotedActivityId, quote: route.quote }
    // a reader (member reply, picture) has read the arguments already; a prefixed command is parsed here, where a refusal can be answered
    const args = route.prefixed ? command.parse(route.rest, pctx) : route.args
    const ctx: CommandContext<unknown, Where> = {
      args,
      msg,
      room,
      member,
      who,
      quotedActivityId,
      quote: route.quote,
      roomMembers,
      db,
      now,
      config,
      log,
      commands: this.deps.registry.all,
      reply: (text, mentions = []) => { enqueueText(db, target, text, [...mentions], now) },
      send: (to, text, mentions = []) => { enqueueText(db, to, text, [...mentions], now) },
      sendFile: (to, file) => { enqueue(db, to, 'file', file, now) },
      ack: (activity, event) => { enqueueAck(db, activity.roomId, activity.id, event, now, config.ackWindowMs) },
      audit: entry => { audit(db, { ...entry, roomId: room?.id ?? null, actorMemberId: member?.id ?? null, actorName: msg.sender.name, msgId: msg.id }, now) },
    }
    command.handle(ctx)
    return 'handled'
  }
}
