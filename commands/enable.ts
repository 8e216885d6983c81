// #启用 [名称] — an admin turns the bot on in a room; the name labels the room in reports.
import { adminOnly, defineCommand } from '../src/core/command.js'
import { UserError } from '../src/core/errors.js'
import { roomReportName, setRoomEnabled } from '../src/db/membership.js'

export default defineCommand<{ reportName: string | null }, 'room'>({
  name: '启用',
  summary: '在本群启用活动助手（名称用于报表）',
  example: '#启用 鹿城新联会',
  where: 'room',
  allow: adminOnly,
  worksWhenDisabled: true,
  parse (rest) {
    if ([...rest].length > 40) throw new UserError('名称太长了（最多40个字）', '#启用 鹿城新联会')
    return { reportName: rest || null }
  },
  handle (ctx) {
    const room = ctx.room
    const wasEnabled = room.enabled
    const updated = setRoomEnabled(ctx.db, room.id, true, ctx.args.reportName ?? undefined, ctx.now)
    ctx.audit({ action: 'enable', entity: 'room', entityId: room.id, detail: { reportName: updated.reportName } })
    const before = roomReportName(room)
    const after = roomReportName(updated)
    // a new name applies to every report from now on, past months included: said once, here
    const renamed = wasEnabled && before !== after
    ctx.reply([
      renamed
        ? `本群的报表名称已由「${before}」改为「${after}」，以后的月报和台账（包括以前月份的）都用新名称。`
        : wasEnabled ? `活动助手已在本群启用（报表名称：${after}）。` : `已在本群启用新联会活动助手（报表名称：${after}）。`,
      '组织者发送「#活动」发起活动，成员回复「报名」即可报名。',
      '发送「#帮助」查看全部命令。',
    ].join('\n'))
  },
})
