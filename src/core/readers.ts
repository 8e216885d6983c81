// How dispatch reads a message: normalised once (quote split off, @bot prefix taken away), then
// handed to an ordered list of readers — a prefixed command, a picture, a member's reply, a
// greeting, a private shortcut — each with its own `allow`. The first reader that is allowed and
// recognises the message decides its route; a new way of writing is a new reader here, with its
// table tests, not another special case in dispatch.
import type { Command } from './command.js'
import { cleanText, toHalfWidth } from '../domain/normalize.js'
import { splitQuote, type Quote } from './quote.js'
import type { Registry } from './registry.js'
import type { IncomingMessage } from '../domain/records.js'

/** What dispatch made of a message. */
export type Route =
  | {
    kind: 'command'
    command: Command<any, any>
    /** what follows the command word, as written (full-width kept, spaces cleaned) */
    rest: string
    /** the whole normalised text (after any quote and @bot prefix) */
    text: string
    prefixed: boolean
    quote: Quote | null
    /** the arguments a reader already found (member replies, pictures); prefixed commands are parsed when run */
    args?: unknown
  }
  | { kind: 'unknown', word: string }
  /** a command longer than MAX_COMMAND_LENGTH: refused without being read */
  | { kind: 'too-long', length: number }

/** A message as readers see it: normalised once, its quote and any @bot prefix split off. */
export interface MessageReading {
  msg: IncomingMessage
  /** what follows the quote and the @bot prefix, half-width folded (what readers match) */
  text: string
  /** the same span as written (full-width kept): titles and names are cut from here */
  written: string
  quote: Quote | null
  /** the bot was @mentioned (by name, or alone by its group nickname) */
  addressed: boolean
  /** starts with `#` or `/` */
  prefixed: boolean
}

export interface Reader {
  /** for logs and tests */
  name: string
  allow (m: MessageReading): boolean
  /** the route, or null when this reader does not recognise the message */
  read (m: MessageReading, registry: Registry): Route | null
}

// ##活动 and # 活动 are typos of #活动
export const PREFIX = /^(?:#\s*)+|^\/\s*/

/** What people first say to the bot in private. */
const GREETING = /^(?:你好|您好|你好呀|您好呀|hi|hello|哈喽|嗨|在吗|在不在|机器人|小助手)[\s!.~。！～?？]*$/i

/** Normalises a message once for every reader. */
export function readMessage (msg: IncomingMessage, botName?: string): MessageReading {
  // both layers have the same length: find positions in `full`, cut what people wrote from `clean`
  const clean = cleanText(msg.text)
  const full = toHalfWidth(clean)
  let start = 0
  const split = splitQuote(full, clean)
  if (split) start = split.bodyStart
  while (/\s/.test(full.charAt(start))) start++
  let addressed = false
  const at = botName ? `@${toHalfWidth(botName)}` : null
  if (at && full.startsWith(at, start)) {
    start += at.length
    while (/\s/.test(full.charAt(start))) start++
    addressed = true
  } else if (msg.mentionsBot && full.charAt(start) === '@') {
    // the bot @mentioned by its group nickname: the mention list says it is us (alone, the space after it was trimmed)
    const end = full.slice(start).search(/\s/)
    start = end > 0 ? start + end : full.length
    while (/\s/.test(full.charAt(start))) start++
    addressed = true
  }
  const text = full.slice(start)
  const prefixed = PREFIX.test(text)
  addressed ||= msg.mentionsBot && msg.room !== null && !prefixed
  return { msg, text, written: clean.slice(start), quote: split?.quote ?? null, addressed, prefixed }
}

/** The route of a command named by a word, its arguments as written from `wordEnd` (where the word ends in `text`). */
function commandRoute (m: MessageReading, found: { command: Command<any, any>, rest: string }, wordEnd: number): Route {
  return { kind: 'command', command: found.command, rest: m.written.slice(wordEnd - found.rest.length).trim(), text: m.text, prefixed: true, quote: m.quote }
}

const isText = (m: MessageReading): boolean => m.msg.kind === 'text'

/** `#活动 …`, `/名单`, `@新联小助手 月报`: a command word, or an unknown command answered with a pointer. */
export const commandReader: Reader = {
  name: 'command',
  allow: m => isText(m) && (m.prefixed || m.addressed),
  read (m, registry) {
    const prefixLength = PREFIX.exec(m.text)?.[0].length ?? 0
    const body = m.text.slice(prefixLength)
    const word = /^[^\s:]+/.exec(body)?.[0] ?? ''
    // the bot @mentioned with nothing after it: someone asking what it can do
    const found = word ? registry.lookup(word) : m.addressed && !body.trim() ? registry.lookup('帮助') : null
    if (found) return commandRoute(m, found, prefixLength + word.length)
    // `/` also starts WeChat's old emoticon codes (/::) — only `#` or an @mention makes an unknown command
    if (m.text.startsWith('#') || m.addressed) return { kind: 'unknown', word }
    return null
  },
}

/** A picture: the command that keeps pictures decides whether this one is evidence. */
export const imageReader: Reader = {
  name: 'image',
  allow: m => m.msg.kind === 'image',
  read (m, registry) {
    for (const command of registry.images) {
      const args = command.matchImage?.(m.msg)
      if (args != null) return { kind: 'command', command, rest: '', text: '', prefixed: false, quote: null, args }
    }
    return null
  },
}

/** 报名, +1, 取消报名, 签到 … without a prefix: the first command whose reply reader recognises it. */
export const memberReplyReader: Reader = {
  name: 'member reply',
  allow: m => isText(m) && !m.prefixed && !m.addressed,
  read (m, registry) {
    const info = { inRoom: m.msg.room !== null }
    for (const command of registry.replies) {
      const args = command.matchReply?.(m.text, info)
      if (args != null) return { kind: 'command', command, rest: m.written, text: m.text, prefixed: false, quote: m.quote, args }
    }
    return null
  },
}

/** Someone greeting the bot in private is shown what it can do. */
export const greetingReader: Reader = {
  name: 'greeting',
  allow: m => isText(m) && m.msg.room === null && !m.prefixed,
  read (m, registry) {
    const help = GREETING.test(m.text) ? registry.lookup('帮助') : null
    return help ? commandRoute(m, help, m.text.length) : null
  },
}

/**
 * In private chat, 月报 / 月报 2027-01 / 台账2027-01 without the # is a private command; other
 * words (活动 几点开始？, 统计 一下人数吧) stay chatter.
 */
export const privateShortcutReader: Reader = {
  name: 'private shortcut',
  allow: m => isText(m) && m.msg.room === null && !m.prefixed,
  read (m, registry) {
    const word = /^[^\s:]+/.exec(m.text)?.[0] ?? ''
    const found = word ? registry.lookup(word) : null
    const after = m.text.slice(word.length - (found?.rest.length ?? 0)).trim()
    if (found && found.command.where !== 'room' && (after === '' || /^\d/.test(after))) return commandRoute(m, found, word.length)
    return null
  },
}

/** In the order they are tried. */
export const READERS: readonly Reader[] = [commandReader, imageReader, memberReplyReader, greetingReader, privateShortcutReader]

/** The route of a reading: the first allowed reader that recognises it, else null (chatter). */
export function routeReading (m: MessageReading, registry: Registry, readers: readonly Reader[] = READERS): Route | null {
  for (const reader of readers) {
    if (!reader.allow(m)) continue
    const route = reader.read(m, registry)
    if (route) return route
  }
  return null
}
