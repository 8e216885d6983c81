// The time phrases inside activity notices, as the notice reader hands them over: a label's value (活动时间：…), a date
// line joined to its time line, or a line of prose that goes on after its time (…下午14:30在同心荟举行). With
// `trailingWords` the time a line starts with is read and the words after it come back as `rest`; a time in those words
// is never the start. Without it (the `时间：` field) every word must be understood, as before.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseTimePhrase } from '../../../src/domain/time-phrase.js'
import { formatIso } from '../../../src/domain/zoned-time.js'

const SHANGHAI = 'Asia/Shanghai'

interface Row { now: string, text: string, start: string, end?: string, hasTime?: boolean, rest?: string }

function read (text: string, now: string, trailingWords: boolean): unknown {
  const result = parseTimePhrase(text, Date.parse(now), SHANGHAI, { trailingWords })
  if (!result.ok) return { error: result.error }
  const { start, end, hasTime, rest } = result.value
  return { start: formatIso(start, SHANGHAI), end: end === null ? null : formatIso(end, SHANGHAI), hasTime, rest }
}

const expected = ({ start, end, hasTime, rest }: Row): unknown => ({ start, end: end ?? null, hasTime: hasTime ?? true, rest: rest ?? '' })

// Every time in ../shared/examples/notices.jsonl, as its line gives it (dates and times of the public notices).
const publicNoticeTimes: Row[] = [
  { now: '2026-12-03T10:15:00+08:00', text: '2026年12月12日（星期六）下午14:30—16:30', start: '2026-12-12T14:30:00+08:00', end: '2026-12-12T16:30:00+08:00' },
  { now: '2026-12-03T10:15:00+08:00', text: '12月9日', start: '2026-12-09T00:00:00+08:00', hasTime: false },
  { now: '2026-12-07T09:00:00+08:00', text: '12月13日（周日）9:00-11:30', start: '2026-12-13T09:00:00+08:00', end: '2026-12-13T11:30:00+08:00' },
  { now: '2026-12-07T09:00:00+08:00', text: '12月11日18:00', start: '2026-12-11T18:00:00+08:00' },
  { now: '2026-12-10T16:00:00+08:00', text: '12月19日（周六） 下午2:30', start: '2026-12-19T14:30:00+08:00' },
  { now: '2026-12-11T10:00:00+08:00', text: '十二月二十日（星期日） 上午九点至十一点半', start: '2026-12-20T09:00:00+08:00', end: '2026-12-20T11:30:00+08:00' },
  { now: '2026-12-11T10:00:00+08:00', text: '十二月二十日（星期日） 下午两点至四点', start: '2026-12-20T14:00:00+08:00', end: '2026-12-20T16:00:00+08:00' },
  { now: '2026-12-14T11:20:00+08:00', text: '2026.12.20（周日）14:00-16:30', start: '2026-12-20T14:00:00+08:00', end: '2026-12-20T16:30:00+08:00' },
  { now: '2026-12-14T11:20:00+08:00', text: '12月17日', start: '2026-12-17T00:00:00+08:00', hasTime: false },
  { now: '2026-12-15T09:30:00+08:00', text: '2026年12月22日（星期二）上午9时30分', start: '2026-12-22T09:30:00+08:00' },
  { now: '2026-12-18T15:00:00+08:00', text: '12月26日（周六）全天', start: '2026-12-26T00:00:00+08:00', hasTime: false },
  { now: '2026-12-18T15:00:00+08:00', text: '12月26日（周六） 7:40', start: '2026-12-26T07:40:00+08:00' },
  { now: '2026-12-18T15:00:00+08:00', text: '12月23日17:00', start: '2026-12-23T17:00:00+08:00' },
  { now: '2026-12-30T10:00:00+08:00', text: '12月30日（周三）晚上7点', start: '2026-12-30T19:00:00+08:00' },
  { now: '2026-12-31T09:00:00+08:00', text: '1月9日（周六）14:00～16:00', start: '2027-01-09T14:00:00+08:00', end: '2027-01-09T16:00:00+08:00' },
  { now: '2026-12-31T09:00:00+08:00', text: '1月6日', start: '2027-01-06T00:00:00+08:00', hasTime: false },
  { now: '2027-01-08T09:00:00+08:00', text: '2027 年 1 月 16 日（星期六）上午 9:00', start: '2027-01-16T09:00:00+08:00' },
  { now: '2027-01-12T10:00:00+08:00', text: '1月17日（周日）上午8：30-11：30', start: '2027-01-17T08:30:00+08:00', end: '2027-01-17T11:30:00+08:00' },
  { now: '2027-01-12T10:00:00+08:00', text: '1月15日中午12点', start: '2027-01-15T12:00:00+08:00' },
  { now: '2027-01-18T09:00:00+08:00', text: '本周六（1月23日）下午2点至4点半', start: '2027-01-23T14:00:00+08:00', end: '2027-01-23T16:30:00+08:00' },
  { now: '2027-01-25T10:00:00+08:00', text: '2027年1月30日（星期六）下午14:30', start: '2027-01-30T14:30:00+08:00' },
  { now: '2027-02-26T20:00:00+08:00', text: '3月6日（星期六） 9∶00—11∶00', start: '2027-03-06T09:00:00+08:00', end: '2027-03-06T11:00:00+08:00' },
  { now: '2027-03-08T13:00:00+08:00', text: '3月13日(周六) 8:30am-12:00', start: '2027-03-13T08:30:00+08:00', end: '2027-03-13T12:00:00+08:00' },
  { now: '2027-03-08T13:00:00+08:00', text: '3月11日 18:00', start: '2027-03-11T18:00:00+08:00' },
  { now: '2027-03-15T09:00:00+08:00', text: '3月20日（星期六） 下午 14:00-16:30', start: '2027-03-20T14:00:00+08:00', end: '2027-03-20T16:30:00+08:00' },
  { now: '2027-03-25T09:00:00+08:00', text: '3月25日（周四）下午14:00', start: '2027-03-25T14:00:00+08:00' },
  { now: '2027-04-02T11:00:00+08:00', text: '4月10日（周六）15:00-18:00', start: '2027-04-10T15:00:00+08:00', end: '2027-04-10T18:00:00+08:00' },
  { now: '2027-04-22T09:00:00+08:00', text: '4月24日（星期六） 下午2:00-4:00', start: '2027-04-24T14:00:00+08:00', end: '2027-04-24T16:00:00+08:00' },
  { now: '2027-05-06T10:00:00+08:00', text: '5月13日20:00', start: '2027-05-13T20:00:00+08:00' },
  { now: '2027-05-10T15:00:00+08:00', text: '2027年5月18日（星期二）下午14:30-16:30', start: '2027-05-18T14:30:00+08:00', end: '2027-05-18T16:30:00+08:00' },
  { now: '2027-05-20T09:00:00+08:00', text: '5月29日（星期六）上午9:00—11:30', start: '2027-05-29T09:00:00+08:00', end: '2027-05-29T11:30:00+08:00' },
  { now: '2027-05-20T09:00:00+08:00', text: '5月26日12:00', start: '2027-05-26T12:00:00+08:00' },
  { now: '2027-06-01T19:30:00+08:00', text: '6月5日(周六)14:00-16:00', start: '2027-06-05T14:00:00+08:00', end: '2027-06-05T16:00:00+08:00' },
  { now: '2027-06-07T10:00:00+08:00', text: '6月12日（周六） 下午2:30—5:00', start: '2027-06-12T14:30:00+08:00', end: '2027-06-12T17:00:00+08:00' },
  { now: '2027-06-18T09:00:00+08:00', text: '今天（6月18日，周五） 晚上7点半至9点半', start: '2027-06-18T19:30:00+08:00', end: '2027-06-18T21:30:00+08:00' },
  { now: '2027-06-21T16:00:00+08:00', text: '6月26日（本周六）上午9:30', start: '2027-06-26T09:30:00+08:00' },
  { now: '2027-06-28T10:00:00+08:00', text: '2027年6月26日（周六）下午2:30', start: '2027-06-26T14:30:00+08:00' }, // past: the caller refuses it
  { now: '2027-07-05T09:00:00+08:00', text: '7月8日下午5点', start: '2027-07-08T17:00:00+08:00' },
  { now: '2027-07-12T20:00:00+08:00', text: '7月17日（周六）早上7:30', start: '2027-07-17T07:30:00+08:00' },
  { now: '2027-07-20T10:00:00+08:00', text: '2027年7月23日（星期五）下午3:00-5:00', start: '2027-07-23T15:00:00+08:00', end: '2027-07-23T17:00:00+08:00' },
  { now: '2027-07-20T10:00:00+08:00', text: '7月21日中午12:00', start: '2027-07-21T12:00:00+08:00' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日（周六）13:30', start: '2027-08-07T13:30:00+08:00' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日（周六） 14:00～17:00', start: '2027-08-07T14:00:00+08:00', end: '2027-08-07T17:00:00+08:00' },
  { now: '2027-09-01T10:00:00+08:00', text: '9月4日(周六) 14∶30-16∶30', start: '2027-09-04T14:30:00+08:00', end: '2027-09-04T16:30:00+08:00' },
  { now: '2027-09-10T09:00:00+08:00', text: '9月12日（周日）20:00', start: '2027-09-12T20:00:00+08:00' },
  { now: '2027-10-11T09:00:00+08:00', text: '2027 年 10 月 16 日（星期六）上午 9 时 30 分', start: '2027-10-16T09:30:00+08:00' },
  { now: '2027-10-11T09:00:00+08:00', text: '10 月 14 日 17:00', start: '2027-10-14T17:00:00+08:00' },
  { now: '2027-11-01T14:00:00+08:00', text: '11月6日 周六 14:30-17:00', start: '2027-11-06T14:30:00+08:00', end: '2027-11-06T17:00:00+08:00' },
  { now: '2027-11-08T09:00:00+08:00', text: '2027年11月14日（星期日） 8：30—11：30', start: '2027-11-14T08:30:00+08:00', end: '2027-11-14T11:30:00+08:00' },
  { now: '2027-12-02T10:00:00+08:00', text: '十二月八日', start: '2027-12-08T00:00:00+08:00', hasTime: false },
  { now: '2027-12-13T09:00:00+08:00', text: '2027.12.18 (周六) 9:30am-11:30am', start: '2027-12-18T09:30:00+08:00', end: '2027-12-18T11:30:00+08:00' },
  { now: '2027-12-13T09:00:00+08:00', text: '12/16 18:00', start: '2027-12-16T18:00:00+08:00' },
]

describe('the times of the public notices, whole values: read alike with and without trailingWords', () => {
  it.each(publicNoticeTimes)('$now 「$text」', row => {
    expect(read(row.text, row.now, false)).toEqual(expected(row))
    expect(read(row.text, row.now, true)).toEqual(expected(row))
  })
})

// Lines that go on after their time: prose of the public notices and lines of my own writing.
const linesWithWords: Row[] = [
  { now: '2027-01-25T10:00:00+08:00', text: '2027年1月30日（星期六）下午14:30在瓯滨区老街文化广场举办“迎新春·送万福”写春联志愿服务活动', start: '2027-01-30T14:30:00+08:00', rest: '在瓯滨区老街文化广场举办“迎新春·送万福”写春联志愿服务活动' },
  { now: '2026-12-15T09:30:00+08:00', text: '2026年12月22日（星期二）上午9时30分在区委统战部五楼会议室召开新联会年度工作座谈会', start: '2026-12-22T09:30:00+08:00', rest: '在区委统战部五楼会议室召开新联会年度工作座谈会' },
  { now: '2027-06-21T16:00:00+08:00', text: '6月26日（本周六）上午9:30在南塘区图书馆二楼报告厅举行', start: '2027-06-26T09:30:00+08:00', rest: '在南塘区图书馆二楼报告厅举行' },
  { now: '2027-08-16T11:00:00+08:00', text: '8月21日（星期六）下午两点半至五点，在云溪区创智园区服务中心开展“法治体检”进园区活动', start: '2027-08-21T14:30:00+08:00', end: '2027-08-21T17:00:00+08:00', rest: '在云溪区创智园区服务中心开展“法治体检”进园区活动' },
  { now: '2027-09-10T09:00:00+08:00', text: '9月14日（周二）晚上7点举办“月圆同心”中秋茶话会', start: '2027-09-14T19:00:00+08:00', rest: '举办“月圆同心”中秋茶话会' },
  { now: '2027-10-18T10:00:00+08:00', text: '10月23日（星期六）上午9时至11时30分，赴溪桥镇颐养院开展敬老志愿服务', start: '2027-10-23T09:00:00+08:00', end: '2027-10-23T11:30:00+08:00', rest: '赴溪桥镇颐养院开展敬老志愿服务' },
  { now: '2027-12-02T10:00:00+08:00', text: '二〇二七年十二月十一日（星期六）下午三点，在瓯滨大酒店三楼宴会厅举办年终联谊会', start: '2027-12-11T15:00:00+08:00', rest: '在瓯滨大酒店三楼宴会厅举办年终联谊会' },
  { now: '2027-01-12T10:00:00+08:00', text: '1月17日（周日）上午8：30-11：30，南塘街道梧桐里社区广场', start: '2027-01-17T08:30:00+08:00', end: '2027-01-17T11:30:00+08:00', rest: '南塘街道梧桐里社区广场' },
  { now: '2027-05-06T10:00:00+08:00', text: '5月16日（周日）上午10:00，梧桐里社区邻里中心书房', start: '2027-05-16T10:00:00+08:00', rest: '梧桐里社区邻里中心书房' },
  // several sessions: only the first is read, the others stay in rest for the notice reader
  { now: '2026-12-11T10:00:00+08:00', text: '十二月二十日（星期日）上午九点至十一点半 理论授课', start: '2026-12-20T09:00:00+08:00', end: '2026-12-20T11:30:00+08:00', rest: '理论授课' },
  { now: '2027-07-05T09:00:00+08:00', text: '7月10日(周六) 9:00-12:00, 13:30-16:30', start: '2027-07-10T09:00:00+08:00', end: '2027-07-10T12:00:00+08:00', rest: '13:30-16:30' },
  { now: '2026-12-10T16:00:00+08:00', text: '12月19日8:30-11:30、14:00-17:00', start: '2026-12-19T08:30:00+08:00', end: '2026-12-19T11:30:00+08:00', rest: '14:00-17:00' },
  { now: '2027-03-15T09:00:00+08:00', text: '3月20日 上午 9:00-11:30 专题讲座：新时代统一战线理论 下午 14:00-16:30 分组研讨', start: '2027-03-20T09:00:00+08:00', end: '2027-03-20T11:30:00+08:00', rest: '专题讲座：新时代统一战线理论 下午 14:00-16:30 分组研讨' },
  // a check-in or gathering word: the time is read, the word is the caller's to weigh; a later time is never the start
  { now: '2026-12-10T16:00:00+08:00', text: '（周六）下午2:30 签到', start: '2026-12-12T14:30:00+08:00', rest: '签到' },
  { now: '2027-06-18T09:00:00+08:00', text: '6月26日（周六）下午2:30 签到，3:00开始', start: '2027-06-26T14:30:00+08:00', rest: '签到，3:00开始' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日（周六）14:00～17:00，13:30签到', start: '2027-08-07T14:00:00+08:00', end: '2027-08-07T17:00:00+08:00', rest: '13:30签到' },
  { now: '2027-10-18T10:00:00+08:00', text: '8:20；集合地点：区行政中心北门停车场', start: '2027-10-19T08:20:00+08:00', rest: '集合地点：区行政中心北门停车场' },
  { now: '2027-12-13T09:00:00+08:00', text: '2027.12.18 (周六) 9:30am-11:30am 集合地点 柳岸创意园', start: '2027-12-18T09:30:00+08:00', end: '2027-12-18T11:30:00+08:00', rest: '集合地点 柳岸创意园' },
  // deadlines in prose: 前 stays in rest, so the caller knows it is a deadline
  { now: '2026-12-03T10:15:00+08:00', text: '12月9日前向秘书处林晓蓓报名', start: '2026-12-09T00:00:00+08:00', hasTime: false, rest: '前向秘书处林晓蓓报名' },
  { now: '2027-07-20T10:00:00+08:00', text: '7月21日中午12:00前回复参会回执', start: '2027-07-21T12:00:00+08:00', rest: '前回复参会回执' },
  { now: '2027-12-02T10:00:00+08:00', text: '十二月八日前向各分会秘书报名', start: '2027-12-08T00:00:00+08:00', hasTime: false, rest: '前向各分会秘书报名' },
  // words that begin with a time word (上课, 晚会) and numbers glued to a word (3楼, 二楼) are not read as time
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点半 上课', start: '2027-08-07T14:30:00+08:00', rest: '上课' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日晚上7点 晚会', start: '2027-08-07T19:00:00+08:00', rest: '晚会' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点 3楼会议室', start: '2027-08-07T14:00:00+08:00', rest: '3楼会议室' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点半 二楼会议室', start: '2027-08-07T14:30:00+08:00', rest: '二楼会议室' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点二楼会议室', start: '2027-08-07T14:00:00+08:00', rest: '二楼会议室' }, // not 14:02
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点 5号楼', start: '2027-08-07T14:00:00+08:00', rest: '5号楼' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日下午2点30在会议室', start: '2027-08-07T14:30:00+08:00', rest: '在会议室' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日9:00前到场', start: '2027-08-07T09:00:00+08:00', rest: '前到场' },
  { now: '2027-08-02T09:00:00+08:00', text: '8月7日 14:00 地点另行通知', start: '2027-08-07T14:00:00+08:00', rest: '地点另行通知' },
]

describe('a line that goes on after its time (trailingWords)', () => {
  it.each(linesWithWords)('$now 「$text」', row => {
    expect(read(row.text, row.now, true)).toEqual(expected(row))
  })

  it.each(linesWithWords)('is refused as a whole field without trailingWords: 「$text」', ({ text, now }) => {
    expect(read(text, now, false)).toMatchObject({ error: expect.any(String) })
  })
})

const refused: Array<{ now: string, text: string, error: string }> = [
  // a reading that is wrong is the answer, never a shorter reading without the wrong part
  { now: '2027-11-15T10:00:00+08:00', text: '11月20日（周日）上午9:30 集合', error: '11月20日是周六，不是周日' },
  { now: '2027-11-15T10:00:00+08:00', text: '11月20日 周日上课', error: '11月20日是周六，不是周日' },
  { now: '2027-06-17T09:00:00+08:00', text: '今天（6月18日，周五） 晚上7点半至9点半', error: '今天是6月17日，不是6月18日' },
  { now: '2027-08-20T10:00:00+08:00', text: '8月28日（周六）或8月29日（周日）下午，视场地情况待定', error: '时间还没有定（「视场地情况待定」），定下来后请写明哪天几点' },
  { now: '2027-09-20T15:00:00+08:00', text: '时间另行通知，请大家预留时间。', error: '时间还没有定（「另行通知」），定下来后请写明哪天几点' },
  { now: '2027-06-18T09:00:00+08:00', text: '6月26日（周六）下午2:30，具体时间另行通知', error: '时间还没有定（「另行通知」），定下来后请写明哪天几点' },
  { now: '2026-12-10T16:00:00+08:00', text: '12月12日或13日', error: '写了不止一个时间（「或」），请只写定下来的那一个' },
  { now: '2026-12-10T16:00:00+08:00', text: '12月19日下午或者晚上', error: '写了不止一个时间（「或者」），请只写定下来的那一个' },
  { now: '2026-12-10T16:00:00+08:00', text: '周六还是周日下午', error: '写了不止一个时间（「还是」），请只写定下来的那一个' },
  { now: '2026-12-10T16:00:00+08:00', text: '12月19日 下午5:30am', error: '「下午5:30am」是上午还是下午？请写清楚，例如「上午9:30」或「下午2:30」' },
  // only words at the start are no time: nothing is read
  { now: '2027-11-15T10:00:00+08:00', text: '在会议室 下午3点', error: '看不懂时间「在会议室 下午3点」' },
]

describe('refused with what was wrong, with or without trailingWords', () => {
  it.each(refused)('「$text」', ({ now, text, error }) => {
    expect(read(text, now, true)).toEqual({ error })
    expect(read(text, now, false)).toMatchObject({ error: expect.any(String) })
  })
})

describe('properties of trailingWords', () => {
  const anyNow = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }).map(d => d.getTime())

  it('never throws, and answers with finite instants or a sentence', () => {
    const chars = fc.constantFrom(...'0123456789:.-~ 年月日号点时分半刻周星期天上下午晚早今明后本这个起一二两三四五六七八九十廿()（），、在楼签到会议室或待定'.split(''))
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: chars, maxLength: 30 })), anyNow, (text, now) => {
      const result = parseTimePhrase(text, now, SHANGHAI, { trailingWords: true })
      if (!result.ok) return result.error.length > 0
      const { start, end, rest } = result.value
      return Number.isFinite(start) && (end === null || end > start) && text.includes(rest)
    }), { numRuns: 1500 })
  })

  it('reads a time followed by words exactly as the time alone, and returns the words', () => {
    const times = ['12月19日下午2:30', '12月19日（周六）14:00-16:00', '本周六上午九点', '十二月二十日 九点至十一点半', '23日上午8时30分', '明天晚上7点半', '12月19日 9:30am']
    const words = ['在同心荟举行', '理论授课', '签到', '集合', '举办茶话会', '开展志愿服务', '欢迎参加', '上课', '晚会', '二楼会议室', '3楼报告厅']
    fc.assert(fc.property(fc.constantFrom(...times), fc.constantFrom(...words), fc.constantFrom('', ' ', '，'), anyNow, (time, word, gap, now) => {
      fc.pre(!(gap === '' && /\d$/.test(time) && /^\d/.test(word))) // 2:303楼 is no one's writing
      const alone = parseTimePhrase(time, now, SHANGHAI)
      const withWords = parseTimePhrase(`${time}${gap}${word}`, now, SHANGHAI, { trailingWords: true })
      if (!alone.ok) return !withWords.ok
      return withWords.ok && withWords.value.start === alone.value.start && withWords.value.end === alone.value.end && withWords.value.rest === word
    }), { numRuns: 1500 })
  })
})
