// Dispatch reads a message once (quote split off, @bot prefix taken away) and hands it to readers in
// order; these tests pin which reader takes which message, without a database.
import { describe, expect, it } from 'vitest'
import { defineCommand, anyone } from '../../../src/core/command.js'
import { readMessage, routeReading } from '../../../src/core/readers.js'
import { splitQuote } from '../../../src/core/quote.js'
import { buildRegistry } from '../../../src/core/registry.js'
import type { IncomingMessage } from '../../../src/domain/records.js'

const room = { id: 'r1', topic: '鹿城新联会' }
const msg = (text: string, o: Partial<IncomingMessage> = {}): IncomingMessage => ({
  id: 'm1', kind: 'text', at: 0, room, sender: { id: 'p1', name: '林律师' }, text, mentions: [], mentionsBot: false, self: false, ...o,
})

const seen: Array<{ text: string, inRoom: boolean }> = []
const signup = defineCommand({
  name: '报名', summary: '', example: '报名', where: 'room', allow: anyone,
  matchReply: (text, info) => { seen.push({ text, inRoom: info.inRoom }); return /^(报名|\+1)$/.test(text) ? { reply: text } : null },
  parse: () => ({ reply: '' }),
  handle: () => {},
})
const help = defineCommand({ name: '帮助', summary: '', example: '#帮助', where: 'any', allow: anyone, parse: () => ({}), handle: () => {} })
const report = defineCommand({ name: '月报', summary: '', example: '#月报', where: 'any', allow: anyone, parse: () => ({}), handle: () => {} })
const photo = defineCommand({
  name: '照片', summary: '', example: '#照片 1', where: 'room', allow: anyone,
  matchImage: m => (m.room ? { picture: true } : null),
  parse: () => ({ picture: false }),
  handle: () => {},
})
const withPictures = buildRegistry([signup, help, report, photo])
const textOnly = buildRegistry([signup, help, report])
const route = (m: IncomingMessage, registry = withPictures) => routeReading(readMessage(m, '新联小助手'), registry)

describe('splitQuote', () => {
  it('gives the quoted text without its author, the author, and the card it quotes', () => {
    const split = splitQuote('「新联小助手：【活动 #4】同心大讲堂\n时间：12月5日」\n- - - - - - - - - - - - - - -\n报名')
    expect(split?.quote).toEqual({ text: '【活动 #4】同心大讲堂\n时间：12月5日', author: '新联小助手', activityId: 4 })
  })
  it('keeps a forwarded notice whole, as it was written', () => {
    const text = '「会长：关于举办读书会的通知\n一、时间：12月12日下午2:30」\n———————\n#活动'
    const split = splitQuote(text)
    expect(split?.quote.text).toBe('关于举办读书会的通知\n一、时间：12月12日下午2:30')
    expect(text.slice(split?.bodyStart)).toBe('#活动')
  })
  it.each(['— — — — — — — —', '————————', '－－－－－－', '-----', '- - - - - - - - - - - - - - -'])('takes a separator line drawn as %s', line => {
    const text = `「新联小助手：【活动 #2】助农直播」\n${line}\n报名`
    const split = splitQuote(text)
    expect(split?.quote.activityId).toBe(2)
    expect(text.slice(split?.bodyStart)).toBe('报名')
  })
  it('is null for text that is not a quote-reply', () => {
    expect(splitQuote('报名')).toBeNull()
    expect(splitQuote('「我也想去」')).toBeNull()
  })
})

describe('the readers, in order', () => {
  it('a prefixed word is a command, with its arguments as written', () => {
    const r = route(msg('#月报 ２０２６-11'))
    expect(r).toMatchObject({ kind: 'command', prefixed: true, rest: '２０２６-11' })
  })
  it('a quote-reply command carries the quoted message', () => {
    const r = route(msg('「会长：读书会 12月12日 14:30」\n- - - - -\n#月报'))
    expect(r).toMatchObject({ kind: 'command', quote: { text: '读书会 12月12日 14:30', author: '会长', activityId: null } })
  })
  it('an unknown # word is an unknown command; a WeChat emoticon code is chatter', () => {
    expect(route(msg('#不存在'))).toEqual({ kind: 'unknown', word: '不存在' })
    expect(route(msg('/::)'))).toBeNull()
  })
  it('a member reply is read by the command that recognises it, told whether it is in a group', () => {
    seen.length = 0
    expect(route(msg('报名'))).toMatchObject({ kind: 'command', prefixed: false, args: { reply: '报名' } })
    expect(route(msg('+1', { room: null }))).toMatchObject({ kind: 'command', args: { reply: '+1' } })
    expect(seen).toEqual([{ text: '报名', inRoom: true }, { text: '+1', inRoom: false }])
  })
  it('a prefixed message is never read as a member reply', () => {
    seen.length = 0
    expect(route(msg('#报名'))).toMatchObject({ kind: 'command', prefixed: true })
    expect(seen).toEqual([])
  })
  it('in private, a greeting is #帮助 and 月报 without # is the report; chatter stays chatter', () => {
    expect(route(msg('你好', { room: null }))).toMatchObject({ kind: 'command', command: { name: '帮助' } })
    expect(route(msg('月报 2027-01', { room: null }))).toMatchObject({ kind: 'command', command: { name: '月报' } })
    expect(route(msg('月报 一下吧', { room: null }))).toBeNull()
    expect(route(msg('你好'))).toBeNull()
  })
  it('a picture goes to the command that takes pictures, and is chatter when none does', () => {
    const picture = msg('', { kind: 'image' })
    expect(route(picture)).toMatchObject({ kind: 'command', command: { name: '照片' }, args: { picture: true } })
    expect(route(picture, textOnly)).toBeNull()
    expect(route({ ...picture, room: null })).toBeNull()
  })
  it('a picture is never read as text, whatever its text says', () => {
    expect(route(msg('报名', { kind: 'image' }), textOnly)).toBeNull()
  })
})
