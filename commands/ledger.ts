// #台账 [YYYY-MM] — the Excel workbook of a month (a room's in the room; every room for a
// secretary or admin in private chat).
import { defineCommand, reporters } from '../src/core/command.js'
import { LAST_MONTH } from '../src/core/errors.js'
import { toHalfWidth } from '../src/domain/normalize.js'
import { enqueueReportBundle } from '../src/report/bundle.js'
import { periodLabel } from '../src/report/text.js'
import type { Report } from '../src/report/types.js'
import { periodOf, reportScope, wholeReportHint } from './monthly-report.js'

export default defineCommand<{ month: string }>({
  name: '台账',
  aliases: ['活动台账', '导出台账'],
  summary: '导出月度活动台账（Excel）',
  example: `#台账 ${LAST_MONTH}`,
  where: 'any',
  allow: reporters,
  parse: rest => ({ month: toHalfWidth(rest).trim() }),
  handle (ctx) {
    const period = periodOf(ctx, `#台账 ${LAST_MONTH}`)
    const scope = reportScope(ctx)
    const target = ctx.room ? { roomId: ctx.room.id } : { contact: ctx.msg.sender }
    const label = periodLabel({ from: period.from, to: period.to, timezone: period.timeZone })
    const hint = wholeReportHint(ctx, '台账') ?? ''
    // written from the figures the file is drawn from: an empty month is said to be empty
    const lead = (report: Report): string => report.activities.length === 0
      ? `${label}（${scope.title}）没有活动记录，台账里只有表头，稍后以文件发送。${hint}`
      : `${label}活动台账（${scope.title}）正在生成，稍后以文件发送。${hint}`
    enqueueReportBundle(ctx.db, target, { period, ...scope, text: false, lead, ledger: true, chart: false }, ctx.now)
  },
})
