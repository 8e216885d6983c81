// #月报 / #统计 / #台账: who may ask, what each gets where.
import ExcelJS from 'exceljs'
import { asc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createRenderer } from '../../src/chat/render.js'
import { outbox } from '../../src/db/schema.js'
import { createTestBot, TZ, type TestBot } from '../helpers/core.js'

let bot: TestBot
afterEach(() => bot?.close())

function month (): void {
  bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
  bot.say('周会长', '#活动 主题：数字经济沙龙；时间：11月7日 14:00；名额：3')
  bot.say('林律师', '报名')
  bot.clock.set(Date.parse('2026-11-07T16:00:00+08:00'))
  bot.say('周会长', '#完成 1')
}

describe('#月报', () => {
  it('is refused for plain members, in the room and in private', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    expect(bot.say('林律师', '#月报')).toBe('refused')
    expect(bot.say('林律师', '#统计 2026-11', { room: null })).toBe('refused')
    for (const r of await bot.take()) expect(r.text).toContain('只有')
  })

  it('gives an organizer the room’s month as text in the room', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    expect(bot.say('周会长', '#月报')).toBe('handled')
    const replies = await bot.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]?.text).toContain('【鹿城新联会·2026年11月活动月报】')
    expect(replies[0]?.text).toContain('开展活动1场（已完成1场）')
  })

  it('gives a secretary every room in private, with the 台账 and the chart', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    bot.clock.set(Date.parse('2026-12-03T10:00:00+08:00'))
    expect(bot.say('陈秘书', '#月报 上月', { room: null })).toBe('handled')
    const replies = await bot.take()
    expect(replies.map(r => r.to)).toEqual(['陈秘书', '陈秘书', '陈秘书'])
    expect(replies[0]?.text).toContain('【全部组织·2026年11月活动月报】')
    expect(replies[1]?.text).toBe('[file 2026年11月活动台账.xlsx]')
    expect(replies[2]?.text).toBe('[file 2026年11月活动统计图.png]')
  })

  it('reads the month as people write it, and refuses what it cannot read', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    for (const m of ['2026-11', '2026年11月', '11月', '2026.11', '2026-1', '十一月', '2026年11月份', '今年11月', '2026年十一月', '2026年11', '2026-11月', '2026.11月']) {
      bot.say('周会长', `#月报 ${m}`)
      expect((await bot.take())[0]?.text, m).toContain(m === '2026-1' ? '2026年1月' : '2026年11月')
      bot.clock.advance(60_000)
    }
    // 12月 said in November is last December; 去年 says so too
    for (const m of ['12月', '去年12月', '十二月']) {
      bot.say('周会长', `#月报 ${m}`)
      expect((await bot.take())[0]?.text, m).toContain('2025年12月')
      bot.clock.advance(60_000)
    }
    for (const m of ['去年夏天', '2026-13', '十三月', '0月', '第五季度']) {
      expect(bot.say('周会长', `#月报 ${m}`), m).toBe('refused')
      const refusal = (await bot.take())[0]?.text
      expect(refusal).toContain('例如：#月报 2026-10')
      expect(refusal).toContain('全年写「2026年」，季度写「2026年第一季度」')
      bot.clock.advance(60_000)
    }
  })

  it('gives a year or a quarter as secretaries ask for them, the 台账 too', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    const asked: Array<[string, string]> = [
      ['2026年', '【全部组织·2026年全年活动统计】'],
      ['今年', '【全部组织·2026年全年活动统计】'],
      ['2026年第四季度', '【全部组织·2026年第四季度活动统计】'],
      ['2026Q4', '【全部组织·2026年第四季度活动统计】'],
      ['本季度', '【全部组织·2026年第四季度活动统计】'],
      ['上季度', '【全部组织·2026年第三季度活动统计】'],
    ]
    for (const [m, title] of asked) {
      bot.say('陈秘书', `#月报 ${m}`, { room: null })
      const [text, ledger] = await bot.take()
      expect(text?.text, m).toContain(title)
      expect(ledger?.text, m).toMatch(/^\[file 2026年(全年|第[三四]季度)活动台账\.xlsx\]$/)
      bot.clock.advance(60_000)
    }
    bot.say('陈秘书', '#月报 2026年', { room: null })
    expect((await bot.take())[0]?.text).toContain('开展活动1场（已完成1场）')
    // a quarter without its year is the latest that has begun, as a month is
    bot.clock.set(Date.parse('2027-01-10T10:00:00+08:00'))
    bot.say('陈秘书', '#月报 四季度', { room: null })
    expect((await bot.take())[0]?.text).toContain('【全部组织·2026年第四季度活动统计】')
  }, 120_000) // builds several workbooks: well under a minute alone, but the suite runs beside other work
})

describe('#台账', () => {
  it('sends the workbook to a secretary in private', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    expect(bot.say('陈秘书', '#台账 2026-11', { room: null })).toBe('handled')
    const replies = await bot.take()
    expect(replies.at(-1)?.text).toBe('[file 2026年11月活动台账.xlsx]')
  })

  it('sends one workbook when #台账 is sent twice within seconds, and a new one once the figures change', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    bot.say('陈秘书', '#台账 2026-11', { room: null })
    bot.clock.advance(3000)
    bot.say('陈秘书', '#台账 2026-11', { room: null })
    const files = (await bot.take()).filter(r => r.text.startsWith('[file'))
    expect(files.map(f => f.text)).toEqual(['[file 2026年11月活动台账.xlsx]'])
    // another month, or the same month after a change, is a different file
    bot.say('陈秘书', '#台账 2026-10', { room: null })
    bot.say('周会长', '#完成 1 实到 9')
    bot.say('陈秘书', '#台账 2026-11', { room: null })
    const more = (await bot.take()).filter(r => r.text.startsWith('[file'))
    expect(more.map(f => f.text)).toEqual(['[file 2026年10月活动台账.xlsx]', '[file 2026年11月活动台账.xlsx]'])
  })

  it('says when a month has no activities, and tells a secretary asking in a group where the whole report is', async () => {
    bot = createTestBot()
    month()
    await bot.take()
    bot.say('陈秘书', '#台账 2026-10', { room: null })
    bot.say('陈秘书', '#月报 2026-11')
    bot.say('陈秘书', '#台账 2026-11')
    bot.say('周会长', '#设组织者 @吴设计师', { mentions: ['吴设计师'] })
    bot.say('吴设计师', '#月报 2026-11')
    const [empty, , report, ledger, , , organizer] = await bot.take()
    expect(empty?.text).toBe('2026年10月（全部组织）没有活动记录，台账里只有表头，稍后以文件发送。')
    expect(report?.text).toContain('（这是本群的数字；全部群的月报和台账请私聊我发送「#月报」）')
    expect(ledger?.text).toBe('2026年11月活动台账（鹿城新联会）正在生成，稍后以文件发送。（这是本群的数字；全部群的月报和台账请私聊我发送「#台账」）')
    // an organizer's report is this room's, with nothing to add
    expect(organizer?.text).toContain('【鹿城新联会·2026年11月活动月报】')
    expect(organizer?.text).not.toContain('私聊')
  })

  it('says what the text said even when an activity is completed before the file goes out', async () => {
    bot = createTestBot()
    bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
    bot.say('周会长', '#活动 主题：数字经济沙龙；时间：11月7日 14:00')
    bot.say('林律师', '报名')
    bot.clock.set(Date.parse('2026-11-07T16:00:00+08:00'))
    expect(bot.say('陈秘书', '#月报', { room: null })).toBe('handled')
    // completed after the request, before the outbox draws the workbook
    bot.say('周会长', '#完成 1 实到 7')
    const [text] = (await bot.take()).filter(r => r.to === '陈秘书')
    // its time has passed without #完成: the text and the file say so alike
    expect(text?.text).toContain('（已完成0场，待标记完成1场）')
    expect(text?.text).toMatch(/数字经济沙龙（沙龙[^）]*）待标记完成/)
    const row = bot.store.db.select().from(outbox).where(eq(outbox.kind, 'file')).orderBy(asc(outbox.id)).get()
    const render = createRenderer({ db: bot.store.db, timeZone: TZ, defaultOffsets: [] })
    const [part] = await render(row as NonNullable<typeof row>)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((part as { data: Buffer }).data as unknown as ExcelJS.Buffer)
    // row 1 is the title, row 2 the header
    const cells = (wb.getWorksheet('活动台账')?.getRow(3).values as unknown[]).slice(1)
    expect(cells[7] ?? null).toBeNull()
    expect(cells[8]).toBe('待标记完成')
  })
})
