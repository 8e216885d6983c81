// Reading member replies, quote-replies and 接龙 lists: tables of what people type.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalizeText } from '../../../src/domain/normalize.js'
import { parseJielong } from '../../../src/domain/jielong.js'
import { parseMemberReply } from '../../../src/domain/member-reply.js'

describe('parseMemberReply', () => {
  it.each([
    ['报名', { kind: 'signup', activityId: null, people: null }],
    ['+1', { kind: 'signup', activityId: null, people: null, bare: true }],
    ['报名 4', { kind: 'signup', activityId: 4, people: null }],
    ['报名4', { kind: 'signup', activityId: 4, people: null }],
    ['报名 #4', { kind: 'signup', activityId: 4, people: null }],
    ['报名 3人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名3人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名 25人', { kind: 'signup', activityId: null, people: 25 }],
    ['报名 4 3人', { kind: 'signup', activityId: 4, people: 3 }],
    ['报名 两人', { kind: 'signup', activityId: null, people: 2 }],
    ['报名 4 共3人', { kind: 'signup', activityId: 4, people: 3 }],
    // what people add: punctuation, separators, a count in words, 带N人 (N more than oneself)
    ['报名！', { kind: 'signup', activityId: null, people: null }],
    ['报名。', { kind: 'signup', activityId: null, people: null }],
    ['+1。', { kind: 'signup', activityId: null, people: null, bare: true }],
    ['＋１！', { kind: 'signup', activityId: null, people: null, bare: true }],
    ['报名~', { kind: 'signup', activityId: null, people: null }],
    ['+1 3人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名:3人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名，3人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名(3人)', { kind: 'signup', activityId: null, people: 3 }],
    ['报名（3人）', { kind: 'signup', activityId: null, people: 3 }],
    ['报名 十二人', { kind: 'signup', activityId: null, people: 12 }],
    // a count that cannot be one is still a sign-up, refused with an example (NaN people), not chatter
    ['报名 2.5人', { kind: 'signup', activityId: null, people: Number.NaN }],
    ['报名 1 -2人', { kind: 'signup', activityId: 1, people: Number.NaN }],
    ['报名 二十人', { kind: 'signup', activityId: null, people: 20 }],
    ['报名 4 二十五人', { kind: 'signup', activityId: 4, people: 25 }],
    ['报名 带2人', { kind: 'signup', activityId: null, people: 3 }],
    ['报名 4 带一人', { kind: 'signup', activityId: 4, people: 2 }],
    ['报名 2 人', { kind: 'signup', activityId: null, people: 2 }],
    ['取消报名！', { kind: 'cancel', activityId: null }],
    ['-1。', { kind: 'cancel', activityId: null, bare: true }],
    ['签到!', { kind: 'checkin', activityId: null }],
    ['取消报名', { kind: 'cancel', activityId: null }],
    ['取消报名 2', { kind: 'cancel', activityId: 2 }],
    ['-1', { kind: 'cancel', activityId: null, bare: true }],
    ['签到', { kind: 'checkin', activityId: null }],
    ['签到 1', { kind: 'checkin', activityId: 1 }],
    ['代报名 2 刘护士 孙护士', { kind: 'proxy', activityId: 2, names: ['刘护士', '孙护士'] }],
    ['代报名 刘护士、孙护士,王五', { kind: 'proxy', activityId: null, names: ['刘护士', '孙护士', '王五'] }],
    ['代报名 #3 @张三', { kind: 'proxy', activityId: 3, names: ['张三'] }],
    ['代报名：王五', { kind: 'proxy', activityId: null, names: ['王五'] }],
    ['报名🙏', { kind: 'signup', activityId: null, people: null }],
    ['报名 2👍🏻', { kind: 'signup', activityId: 2, people: null }],
    ['+1[强]', { kind: 'signup', activityId: null, people: null, bare: true }],
    ['报名[抱拳][抱拳]', { kind: 'signup', activityId: null, people: null }],
    ['取消报名🙏', { kind: 'cancel', activityId: null }],
    ['签到[OK]', { kind: 'checkin', activityId: null }],
    ['我也报名', { kind: 'signup', activityId: null, people: null }],
    ['报名+1', { kind: 'signup', activityId: null, people: null }],
    ['报名 俩人', { kind: 'signup', activityId: null, people: 2 }],
    ['代报名张三', { kind: 'proxy', activityId: null, names: ['张三'], runOn: true }],
    ['代报名', { kind: 'proxy', activityId: null, names: [] }],
    ['我报名', { kind: 'signup', activityId: null, people: null }],
    ['报个名', { kind: 'signup', activityId: null, people: null }],
    ['我也报个名', { kind: 'signup', activityId: null, people: null }],
    ['我报名 2', { kind: 'signup', activityId: 2, people: null }],
    ['我的报名', { kind: 'mine' }],
  ])('%j', (text, expected) => {
    expect(parseMemberReply(normalizeText(text))).toEqual(expected)
  })

  it.each(['报名的人好多啊', '我想报名', '算我一个', '报个名吧？', '+2', '+1+1', '+12', '取消', '签到了吗', '报名 4 3', '-1-1', '今天报名截止吗', '报名了', '怎么报名？', '已报名', '报名 两十人', '报名 一二人',
    '代报名了', '代报名的话怎么弄？', '代报名一下可以吗', '代报名一下', '代报名 王五？', '报名 999999999999999999999999'])('%j is chatter', text => {
    expect(parseMemberReply(normalizeText(text))).toBeNull()
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), s => { parseMemberReply(s) }))
  })
})

describe('parseJielong', () => {
  it('reads the header and the numbered names in the usual forms', () => {
    const list = parseJielong('#接龙\n#4 同心大讲堂\n例：姓名+单位\n\n1. 郑主播\n2、黄医生\n3 黄医生家属\n4.王会计 鹿城会计所\n5. @林律师')
    expect(list).toEqual({ activityId: 4, header: ['同心大讲堂', '例：姓名+单位'], names: ['郑主播', '黄医生', '黄医生家属', '王会计', '林律师'], lines: 5, parties: {} })
  })

  it('does not take a date in the header for an entry, and counts repeated names once', () => {
    const list = parseJielong('#接龙\n12.5 下午3点 助农直播\n1. 张三\n2. 张三\n3. 李四')
    expect(list?.header).toEqual(['12.5 下午3点 助农直播'])
    expect(list?.names).toEqual(['张三', '李四'])
    expect(list?.lines).toBe(3)
  })

  it('reads a list that does not start at 1 when its numbers run on, and never takes a header line for a name', () => {
    expect(parseJielong('#接龙\n#3\n2. 甲\n3. 乙')?.names).toEqual(['甲', '乙'])
    expect(parseJielong('#接龙\n#1\n2. 周会长\n3. 郑主播')?.names).toEqual(['周会长', '郑主播'])
    expect(parseJielong('#接龙\n3 点开始\n12.5 下午3点\n2. 甲\n3. 乙')).toMatchObject({ header: ['3 点开始', '12.5 下午3点'], names: ['甲', '乙'] })
    for (const header of ['2 位嘉宾分享，30 名额', '30 名额', '2 场', '3 楼会议室', '2 小时讲座', '10人以内']) {
      expect(parseJielong(`#接龙 读书沙龙\n${header}\n1. 林律师`), header).toMatchObject({ header: ['读书沙龙', header], names: ['林律师'] })
    }
    // a lone entry that is not 1, or a list numbered out of order, is read from its 1
    expect(parseJielong('#接龙\n#3\n7、甲')?.names).toEqual([])
    expect(parseJielong('#接龙\n#3\n3. 甲\n1. 乙\n2. 丙')?.names).toEqual(['乙', '丙'])
  })

  it('takes the name before what people write after it', () => {
    const list = parseJielong('#接龙\n1. 丁老师（瓯海区）\n2. 马律师，2人\n3. 吕主播+1\n4.(空)\n5. 郑医生：带家属')
    expect(list?.names).toEqual(['丁老师', '马律师', '吕主播', '郑医生'])
  })

  it('is null when the first line is not #接龙', () => {
    expect(parseJielong('1. 张三')).toBeNull()
  })

  it('never throws on arbitrary lists', () => {
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 30 }), lines => { parseJielong(['#接龙', ...lines].join('\n')) }))
  })
})

describe('parseJielong: the party a line gives, read as a reply is', () => {
  it('带娃 is two people, +1 a member and one companion, notes give none', () => {
    const list = parseJielong('#接龙\n#4 同心大讲堂\n\n1. 张三 鹿城律所\n2. 王五 带娃\n3. 李四 +1\n4. 赵六+2\n5. 钱七 2人\n6. 孙八 一家三口\n7. 周九 138****0004\n8. 吴十 2大1小\n9. 郑十一 单位30人')
    expect(list?.names).toEqual(['张三', '王五', '李四', '赵六', '钱七', '孙八', '周九', '吴十', '郑十一'])
    expect(list?.parties).toEqual({ 王五: 2, 李四: 2, 赵六: 3, 钱七: 2, 孙八: 3, 吴十: 3 })
  })

  it('two parties that disagree, or a party too large for a line, give none', () => {
    expect(parseJielong('#接龙\n#4\n1. 王五 +1 一家三口\n2. 李四 +99')?.parties).toEqual({})
  })
})
