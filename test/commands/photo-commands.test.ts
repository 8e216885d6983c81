// #照片, #删除照片 and #活动记录 on a :memory: database: who may, what they answer, what they refuse.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { commitPending } from '../../src/db/open.js'
import { photoCount, photosOf } from '../../src/db/photos.js'
import { at, createTestBot, person, ROOM, type TestBot } from '../helpers/core.js'

const IMAGES = join(import.meta.dirname, '../fixtures/images')
let bot: TestBot
afterEach(() => bot?.close())

let seq = 0
function picture (b: TestBot, from: string, file: string): string {
  const msg = {
    id: `img${++seq}`, kind: 'image' as const, at: b.clock.now(), room: ROOM, sender: person(from), text: '',
    image: { name: file, bytes: readFileSync(join(IMAGES, file)) }, mentions: [], mentionsBot: false, self: false,
  }
  const route = b.core.dispatcher.route(msg, '新联小助手')
  return route ? b.core.dispatcher.execute(msg, route, null) : 'chatter'
}

function withActivity (): TestBot {
  const b = createTestBot({ start: '2026-11-10T10:00:00+08:00' })
  b.say('周会长', '#活动\n主题：法律义诊\n时间：11月14日 9:00-11:30')
  return b
}

describe('#照片', () => {
  it('sends the organizer’s pictures of the next ten minutes to the activity, whatever its time, and gives the count', async () => {
    bot = withActivity()
    await bot.take()
    bot.say('周会长', '#照片 1')
    expect((await bot.take()).map(r => r.text).join('\n')).toContain('目前有照片0张')
    bot.clock.set(at('2026-11-10T10:09:00+08:00'))
    expect(picture(bot, '周会长', 'clinic-1.jpg')).toBe('handled')
    // eleven minutes after #照片 and four days before the activity: chatter again
    bot.clock.set(at('2026-11-10T10:11:00+08:00'))
    picture(bot, '周会长', 'clinic-2.jpg')
    commitPending(bot.store.db)
    expect(photoCount(bot.store.db, 1)).toBe(1)
  })

  it('is refused for members and without an id', async () => {
    bot = withActivity()
    await bot.take()
    bot.say('林律师', '#照片 1')
    expect((await bot.take())[0]?.text).toContain('只有组织者或管理员可以使用「#照片」')
    bot.say('周会长', '#照片')
    expect((await bot.take())[0]?.text).toMatch(/请写明活动编号[\s\S]*例如：#照片 \d/)
  })
})

describe('#删除照片', () => {
  it('removes picture n as numbered in the record, and refuses a number there is not', async () => {
    bot = withActivity()
    bot.clock.set(at('2026-11-14T09:30:00+08:00'))
    picture(bot, '周会长', 'clinic-1.jpg')
    bot.clock.set(at('2026-11-14T09:31:00+08:00'))
    picture(bot, '周会长', 'clinic-2.jpg')
    await bot.take()
    bot.say('周会长', '#删除照片 1 3')
    expect((await bot.take())[0]?.text).toContain('只有2张照片（编号1–2），没有第3张')
    bot.say('周会长', '#删除照片 1 1')
    expect((await bot.take())[0]?.text).toContain('现有照片1张')
    commitPending(bot.store.db)
    expect(photosOf(bot.store.db, 1).map(p => p.originalName)).toEqual(['clinic-2.jpg'])
  })
})

describe('#活动记录', () => {
  it('sends the Word file to the organizer and is refused for a member', async () => {
    bot = withActivity()
    await bot.take()
    bot.say('林律师', '#活动记录 1')
    expect((await bot.take())[0]?.text).toContain('只有秘书、组织者或管理员')
    bot.say('周会长', '#活动记录 1')
    const sent = (await bot.take()).map(r => r.text)
    expect(sent[0]).toContain('活动记录（Word 文件，照片0张）正在生成')
    expect(sent[1]).toMatch(/^\[file 活动记录-1-法律义诊-2026-11-14\.docx\]$/)
  })
})
