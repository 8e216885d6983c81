// The notice reader, table-tested: every public notice and the notices written for this table (associations, unions,
// libraries, universities, 新联会 groups; emoji posts, links, 另行通知), each with the reading a careful person makes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readNotice } from '../../../src/domain/notice-reader.js'

const TZ = 'Asia/Shanghai'

interface Row {
  now: string
  notice: string
  title: string | null
  start: string | null
  end: string | null
  place: string | null
  capacity: number | null
  deadline: string | null
  why: string
}

const rows = (path: string): Row[] => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8')
  .split('\n').filter(l => l.trim() && !l.startsWith('//')).map(l => JSON.parse(l) as Row)

/** What the checker compares titles and places by: the words, without punctuation and brackets. */
const bare = (s: string | null): string => (s ?? '').replace(/[\s()（）,，、.。:：;；"“”'‘’《》〈〉「」【】\-—–_·]/g, '')
const at = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso))

function expectReading (row: Row): void {
  const result = readNotice(row.notice, Date.parse(row.now), TZ)
  if (row.start === null) {
    // nothing is created: a question or a refusal, never a guess
    expect(result.ok, row.why).toBe(false)
    if (!result.ok) expect(result.error.example, row.why).toContain('时间：')
    return
  }
  if (!result.ok) throw new Error(`${row.why}: refused with ${result.error.message}`)
  const v = result.value
  expect(v.start, `start: ${row.why}`).toBe(at(row.start))
  if (row.end !== null) expect(v.end, `end: ${row.why}`).toBe(at(row.end))
  if (row.place !== null) expect(bare(v.location), `place: ${row.why}`).toContain(bare(row.place))
  if (row.capacity !== null) expect(v.capacity, `capacity: ${row.why}`).toBe(row.capacity)
  if (row.deadline !== null) expect(v.deadline, `deadline: ${row.why}`).toBe(at(row.deadline))
  if (row.title !== null) {
    const [got, want] = [bare(v.title), bare(row.title)]
    expect(got.includes(want) || want.includes(got), `title ${v.title}: ${row.why}`).toBe(true)
  }
}

describe('readNotice on the public notices', () => {
  it.each(rows('../../fixtures/public/notices.jsonl').map((r, i) => [i + 1, r.notice.split('\n')[0], r] as const))('#%i %s', (_, __, row) => expectReading(row))
})

describe('readNotice on notices in shapes the public file does not have', () => {
  const written = rows('../../fixtures/notices-written.jsonl')
  it('has at least as many of its own as the public file', () => {
    expect(written.length).toBeGreaterThanOrEqual(50)
  })
  it.each(written.map((r, i) => [i + 1, r.why, r] as const))('#%i %s', (_, __, row) => expectReading(row))
})

describe('readNotice on notices written by a tester who had not seen the reader', () => {
  const unseen = rows('../../fixtures/notices-unseen.jsonl')
  it.each(unseen.map((r, i) => [i + 1, r.why, r] as const))('#%i %s', (_, __, row) => expectReading(row))
})

describe('readNotice never sets a 名额 nobody meant', () => {
  const now = Date.parse('2026-12-07T09:00:00+08:00')
  it.each([
    ['时间：12月12日（周六）上午8:00\n地点：社区广场\n人数：20人左右', null],
    ['时间：12月12日（周六）上午8:00\n地点：社区广场\n名额：约30人', null],
    ['时间：12月27日（周日）14:00\n地点：党群服务中心\n参赛人数：每个支部限报3人', null],
    ['时间：12月27日（周日）14:00\n地点：党群服务中心\n名额：限额40名（每个分会推荐5名）', 40],
    ['各基层工会：\n定于12月19日（星期六）上午9:00在文化宫举办开幕式。\n每个单位限报3人。', null],
    ['时间：12月12日（周六）晚上6:00\n地点：饭店\n名额：12人\n费用：AA制，约80元/人', 12],
    ['时间：12月20日（周日）上午9:00\n地点：社区\n名额有限（30个），报完即止\n联系电话：0577-86661234', 30],
    ['时间：12月13日（周日）10:00\n地点：图书馆\n请扫码预约，限额50人', 50],
    ['时间：12月26日（周六）15:00\n地点：湿地公园\n名额：男女各15人', null],
  ])('%s → %s', (notice, capacity) => {
    const r = readNotice(`读书会\n${notice}`, now, TZ)
    expect(r.ok && r.value.capacity).toBe(capacity)
  })
})

describe('readNotice reads an 议程 only when it cannot be another hour', () => {
  const now = Date.parse('2026-12-07T09:00:00+08:00')
  it.each([
    ['时间：12月26日（周六）\n议程：\n13:30 签到\n14:00 开场致辞\n14:10 主题分享', '2026-12-26T14:00:00+08:00'],
    ['时间：12月22日（星期二）上午\n上午8:30 报到\n上午9:00 开幕式', '2026-12-22T09:00:00+08:00'],
    ['时间：12月17日（周四）下午\n议程：\n08:30 签到\n09:00 开幕', null],
    ['时间：12月29日（周二）\n议程：\n2:00 集合\n2:30 彩排', null],
    ['时间：12月29日（周二）\n14:00 开场', '2026-12-29T14:00:00+08:00'], // the date, then the time on the next line
  ])('%s → %s', (notice, start) => {
    const r = readNotice(`年度会议\n地点：会议室\n${notice}`, now, TZ)
    expect(r.ok ? r.value.start : null).toBe(start === null ? null : Date.parse(start))
  })
})

describe('readNotice on bad input', () => {
  const now = Date.parse('2026-12-07T09:00:00+08:00')
  it.each([
    ['ten thousand characters of one line', '同心荟'.repeat(3400)],
    ['ten thousand characters of lines', `读书会\n${'说明：请准时参加\n'.repeat(1100)}`],
    ['only a link', 'https://mp.weixin.qq.com/s/xyz'],
    ['emoji-only lines', '🎉🎉🎉\n✨✨\n👏👏👏'],
    ['a heading with no value', '读书会\n时间：\n地点：同心荟'],
    ['nothing', ''],
    ['colons only', '：：：\n:::\n∶'],
    ['a 时间 field and a 定于 sentence on different days', '各位会员：\n读书会定于12月19日举行\n时间：12月12日 14:00'],
    ['a time over two days', '长跑\n时间：12月12日 8:00 至 12月13日 12:00'],
  ])('%s: a clear question, never a throw', (_, text) => {
    const result = readNotice(text, now, TZ)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/没有创建活动/)
      expect(result.error.example).toMatch(/^#活动\n主题：.+\n时间：\d+月\d+日 14:30/)
    }
  })

  it('keeps a long notice, cut at the description limit with a note', () => {
    const long = `同心大讲堂\n时间：12月26日（周六）14:30\n地点：报告厅\n${'活动介绍：内容丰富，欢迎参加。'.repeat(60)}`
    const result = readNotice(long, now, TZ)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect([...(result.value.description ?? '')].length).toBe(500)
      expect(result.value.notes.join()).toContain('500')
    }
  })

  it('asks with the notice’s own title when the time is missing', () => {
    const result = readNotice('关于举办“同心读书月”活动的通知\n地点：同心荟\n名额：30人', now, TZ)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.kind).toBe('no-start')
      expect(result.error.example).toBe('#活动\n主题：“同心读书月”活动\n时间：12月14日 14:30\n地点：同心荟')
    }
  })

  it('keeps 签到 and unknown lines in the description with their labels', () => {
    const result = readNotice('座谈会\n签到时间：12月12日 13:30\n活动时间：14:00-16:00\n地点：同心荟\n主讲人：周律师\n费用：免费', now, TZ)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.description).toBe('签到时间：12月12日 13:30\n主讲人：周律师\n费用：免费')
      expect(result.value.start).toBe(Date.parse('2026-12-12T14:00:00+08:00'))
    }
  })
})
