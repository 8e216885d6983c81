// #近期活动 — the room's open and upcoming activities (anyone may ask).
import { anyone, defineCommand } from '../src/core/command.js'
import { listLines } from '../src/core/activity-lookup.js'
import { upcomingActivities } from '../src/db/activities.js'

export default defineCommand<Record<string, never>, 'room'>({
  name: '近期活动',
  aliases: ['活动列表', '活动安排'],
  summary: '查看本群近期的活动',
  example: '#近期活动',
  where: 'room',
  allow: anyone,
  parse: () => ({}),
  handle (ctx) {
    const rows = upcomingActivities(ctx.db, ctx.room.id, ctx.now)
    if (rows.length === 0) {
      ctx.reply('本群近期没有活动。组织者可以发送「#活动」发起活动。')
      return
    }
    // how to sign up only while something takes sign-ups
    const open = rows.some(a => a.deadlineAt > ctx.now)
    ctx.reply([`本群近期活动（${rows.length}个）：`, listLines(ctx, rows), open ? '报名请回复「报名 编号」，查看名单发送「#名单 编号」' : '查看名单发送「#名单 编号」'].join('\n'))
  },
})
