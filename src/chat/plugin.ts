// The Wechaty plugin `(bot) => uninstaller`: login and QR code, each message turned into a plain
// record for the core, and the outbox's sender. The only place (with wechaty-sender.ts) that
// knows Wechaty.
import qrcode from 'qrcode-terminal'
import { qrcodeValueToImageUrl, ScanStatus, types, type Wechaty, type WechatyPlugin } from 'wechaty'
import type { Contact, Message, Room } from 'wechaty'
import type { Logger } from 'pino'
import type { App } from '../app.js'
import { forgetRoomIds } from '../db/membership.js'
import type { Person } from '../domain/records.js'
import type { ImageFile, IncomingMessage } from '../domain/records.js'
import { MAX_PHOTO_BYTES } from '../domain/photo-window.js'
import { ArrivalOrder } from './arrival-order.js'
import { WechatySender } from './wechaty-sender.js'

export interface BotDeps {
  core: App
  log: Logger
  /** called after every message event, handled or not (the replay waits on it) */
  onHandled?: (messageId: string) => void
  /** called once the bot is logged in and has done its start-up recovery */
  onReady?: () => void
  /** messages sent this long before start-up are still answered (puppet timestamps are often whole seconds) */
  graceMs?: number
}

const MEMBER_CACHE_MS = 5 * 60_000

/** A message as the plain record the core understands, and how to put group nicknames into it. */
export interface Reading {
  record: IncomingMessage
  /** the record with display names in the room (group nicknames): a puppet call, so only for commands */
  withRoomNames (names: (room: Room, contact: Contact) => Promise<string>): Promise<IncomingMessage>
}

/** The message kinds the core reads; every other kind (voice, video, mini programs, links …) is dropped here. */
const READ_KINDS = new Set([types.Message.Text, types.Message.Image])

/** The picture of an image message, read from the puppet's FileBox: the core gets the bytes, never the puppet's object. */
export async function readImage (message: Message): Promise<ImageFile> {
  const box = await message.toFileBox()
  // a picture the puppet says is larger than any kept is not loaded: the core ignores it with a log line
  if (box.size > MAX_PHOTO_BYTES) return { name: box.name, bytes: Buffer.alloc(0), size: box.size }
  return { name: box.name, bytes: await box.toBuffer(), ...(box.size > 0 ? { size: box.size } : {}) }
}

/** Reads a message once; names are the contacts' WeChat names until `withRoomNames`. */
export async function readMessage (message: Message, botId: string): Promise<Reading> {
  const room = message.room()
  const talker = message.talker()
  const mentions = room ? await message.mentionList() : []
  const mentioned = mentions.filter(c => c.id !== botId)
  const record: IncomingMessage = {
    id: message.id,
    kind: message.type() === types.Message.Image ? 'image' : 'text',
    at: message.date().getTime(),
    room: room ? { id: room.id, topic: await room.topic(), ownerId: room.owner()?.id } : null,
    sender: { id: talker.id, name: talker.name() },
    text: message.type() === types.Message.Text ? message.text() : '',
    mentions: mentioned.map(c => ({ id: c.id, name: c.name() })),
    mentionsBot: mentioned.length < mentions.length,
    self: message.self(),
  }
  return {
    record,
    async withRoomNames (names) {
      if (!room) return record
      return {
        ...record,
        sender: { id: talker.id, name: await names(room, talker) },
        mentions: await Promise.all(mentioned.map(async c => ({ id: c.id, name: await names(room, c) }))),
      }
    },
  }
}

export function activityBot (deps: BotDeps): WechatyPlugin {
  return (bot: Wechaty) => {
    const { core, log } = deps
    const startedAt = core.clock.now()
    const memberCache = new Map<string, { at: number, people: Person[] }>()
    const nameCache = new Map<string, { at: number, name: string }>()

    /** The contact's name in the room (group nickname, else WeChat name), cached: a puppet call each time adds up. */
    const displayName = async (room: Room, contact: Contact): Promise<string> => {
      const key = `${room.id}|${contact.id}`
      const cached = nameCache.get(key)
      if (cached && core.clock.now() - cached.at < MEMBER_CACHE_MS) return cached.name
      const name = (await room.alias(contact).catch(() => undefined)) || contact.name()
      nameCache.set(key, { at: core.clock.now(), name })
      return name
    }

    /** The room's members (for 接龙 and 代报名), cached and dropped when someone joins or leaves. */
    const roomMembers = async (roomId: string): Promise<Person[]> => {
      const cached = memberCache.get(roomId)
      if (cached && core.clock.now() - cached.at < MEMBER_CACHE_MS) return cached.people
      const room = await bot.Room.find({ id: roomId })
      if (!room) return []
      const contacts = await room.memberAll()
      const people = await Promise.all(contacts.map(async c => ({ id: c.id, name: await displayName(room, c) })))
      memberCache.set(roomId, { at: core.clock.now(), people })
      return people
    }

    const onScan = (code: string, status: ScanStatus): void => {
      if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
        log.info({ status: ScanStatus[status] }, 'scan status')
        return
      }
      log.info({ url: qrcodeValueToImageUrl(code) }, '请用机器人微信扫码登录 (scan with the bot account)')
      qrcode.generate(code, { small: true }, out => process.stderr.write(`${out}\n`))
    }

    const order = new ArrivalOrder(2000, err => log.error({ err }, 'message handling failed'))
    let numbering = false

    const onLogin = async (user: Contact): Promise<void> => {
      log.info({ userId: user.id }, 'logged in')
      forgetRoomIds(core.db)
      if (!numbering) {
        // number deliveries as the puppet emits them, before Wechaty's asynchronous look-ups
        bot.puppet.on('message', ({ messageId }) => order.arrived(messageId))
        numbering = true
      }
      core.outbox.attach(new WechatySender(bot, log))
      // start-up recovery: reminders missed while down, messages decided but not sent
      await core.scheduler.tick(core.clock.now())
      core.outbox.wake()
      deps.onReady?.()
    }

    const onLogout = (user: Contact, reason?: string): void => {
      // our own stop logs out too; anything else (WeChat kicked the account) needs a person
      if (/stop/.test(reason ?? '')) log.info({ userId: user.id, reason }, 'logged out')
      else log.warn({ userId: user.id, reason }, 'logged out')
      core.outbox.detach()
    }

    // a puppet that cannot reach WeChat reports the same error many times a second: log each
    // kind once a minute, with how often it happened
    const errorsSeen = new Map<string, { at: number, count: number }>()
    const onError = (err: Error): void => {
      const key = err.message
      const seen = errorsSeen.get(key)
      const now = Date.now()
      if (seen && now - seen.at < 60_000) {
        seen.count++
        return
      }
      // a machine that cannot reach WeChat says so in words a newcomer can act on
      const network = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|getaddrinfo/.test(`${err.message} ${String((err as { code?: unknown }).code ?? '')}`)
      const hint = network ? '连不上微信的服务器：请检查这台机器的网络（能否访问 login.wx.qq.com 或 puppet 服务商），网络恢复后机器人会自动重试 / cannot reach WeChat: check the network' : undefined
      log.error({ err, repeated: seen?.count ?? 0, ...(hint ? { hint } : {}) }, seen ? 'wechaty error (again; repeated times in the last minute)' : hint ?? 'wechaty error')
      errorsSeen.set(key, { at: now, count: 0 })
      if (errorsSeen.size > 100) errorsSeen.clear()
    }

    const forgetMembers = (room: Room): void => {
      memberCache.delete(room.id)
      for (const key of nameCache.keys()) if (key.startsWith(`${room.id}|`)) nameCache.delete(key)
    }

    const onMessage = async (message: Message): Promise<void> => {
      let run = (): void => {}
      try {
        if (message.self() || !READ_KINDS.has(message.type())) return
        const at = message.date().getTime()
        if (at < startedAt - (deps.graceMs ?? 2000)) {
          log.debug({ msgId: message.id }, 'ignored a message older than start-up')
          return
        }
        // chatter is recognised from the text alone; names are looked up only for commands
        const reading = await readMessage(message, bot.currentUser.id)
        const route = core.dispatcher.route(reading.record, bot.currentUser.name())
        if (!route) {
          // a picture no reader takes (in private chat) is chatter, but one worth a line in the log
          if (reading.record.kind === 'image') log.info({ msgId: message.id }, 'photo: a picture in private chat is not evidence (chatter)')
          return
        }
        const named = await reading.withRoomNames(displayName)
        // a picture is fetched only once a reader has taken it as evidence
        const record = named.kind === 'image' ? { ...named, image: await readImage(message) } : named
        const members = route.kind === 'command' && route.command.needsRoomMembers && record.room
          ? await roomMembers(record.room.id)
          : null
        run = () => {
          const outcome = core.dispatcher.execute(record, route, members)
          log.debug({ msgId: message.id, outcome }, 'message handled')
        }
      } catch (err) {
        log.error({ err, msgId: message.id }, 'message handling failed')
      } finally {
        // handled in arrival order: the waitlist is first come, first served
        order.done(message.id, () => {
          try { run() } finally { deps.onHandled?.(message.id) }
        })
      }
    }

    const listeners = [
      ['scan', onScan], ['login', onLogin], ['logout', onLogout], ['error', onError], ['message', onMessage],
      ['room-join', forgetMembers], ['room-leave', forgetMembers], ['room-topic', forgetMembers],
    ] as const
    for (const [event, listener] of listeners) bot.on(event, listener as (...args: any[]) => void)
    return () => {
      for (const [event, listener] of listeners) bot.off(event, listener as (...args: any[]) => void)
      core.outbox.detach()
    }
  }
}
