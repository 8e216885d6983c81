// #月报 [YYYY-MM] (#统计) — in a room, that room's month; in private chat to a secretary or an
// admin, every room, with the 台账 workbook and a chart (an organizer gets the rooms they organize).
import { defineCommand, reporters, type CommandContext } from '../src/core/command.js'
import { LAST_MONTH, UserError } from '../src/core/errors.js'
import { toHalfWidth } from '../src/domain/normalize.js'
import { organizerRoomIds, roomById, roomReportName } from '../src/db/membership.js'
import { toWall } from '../src/domain/zoned-time.js'
import { ALL_ROOMS, enqueueReportBundle } from '../src/report/bundle.js'
import { readPeriod } from '../src/domain/periods.js'
import type { Period } from '../src/report/figures.js'

/** Which rooms the asker's report covers, and what it is called. */
export function reportScope (ctx: CommandContext<unknown>): { roomIds: number[] | null, title: string } {
  if (ctx.room) return { roomIds: [ctx.room.id], title: roomReportName(ctx.room) }
  if (ctx.who.admin || ctx.who.secretary) return { roomIds: null, title: ALL_ROOMS }
  // an organizer asking in private gets the rooms they organize, named as the title says
  const roomIds = organizerRoomIds(ctx.db, ctx.msg.sender)
  const names = roomIds.flatMap(id => { const room = roomById(ctx.db, id); return room ? [roomReportName(room)] : [] })
  return { roomIds, title: names.length <= 3 ? names.join('、') : `${names[0]}等${names.length}个群` }
}

/** Said under a room's report to a secretary or an admin: the report of every room is in private chat. */
export function wholeReportHint (ctx: CommandContext<unknown>, command: string): string | undefined {
  return ctx.room && (ctx.who.secretary || ctx.who.admin) ? `（这是本群的数字；全部群的月报和台账请私聊我发送「#${command}」）` : undefined
}

/** The month (or year, or quarter) asked for; refused with how to write each. */
export function periodOf (ctx: CommandContext<{ month: string }>, example: string): Period {
  const period = readPeriod(ctx.args.month, ctx.now, ctx.config.timeZone)
  if (period) return period
  const { year } = toWall(ctx.now, ctx.config.timeZone)
  throw new UserError(`看不懂月份「${ctx.args.month}」，请写成「年-月」（全年写「${year}年」，季度写「${year}年第一季度」）`, example)
}

export default defineCommand<{ month: string }>({
  name: '月报',
  aliases: ['统计', '月度统计'],
  summary: '查看月度活动统计（也可写全年、季度；私聊还会收到台账和统计图）',
  example: `#月报 ${LAST_MONTH}`,
  where: 'any',
  allow: reporters,
  parse: rest => ({ month: toHalfWidth(rest).trim() }),
  handle (ctx) {
    const period = periodOf(ctx, `#月报 ${LAST_MONTH}`)
    const scope = reportScope(ctx)
    const target = ctx.room ? { roomId: ctx.room.id } : { contact: ctx.msg.sender }
    const isPrivate = ctx.room === null
    const footer = wholeReportHint(ctx, '月报')
    enqueueReportBundle(ctx.db, target, { period, ...scope, text: true, ...(footer ? { footer } : {}), ledger: isPrivate, chart: isPrivate }, ctx.now)
  },
})
