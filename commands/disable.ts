// #停用 — an admin turns the bot off in a room; every record is kept.
import { adminOnly, defineCommand } from '../src/core/command.js'
import { setRoomEnabled } from '../src/db/membership.js'

export default defineCommand<Record<string, never>, 'room'>({
  name: '停用',
  summary: '在本群停用活动助手（数据保留）',
  example: '#停用',
  where: 'room',
  allow: adminOnly,
  parse: () => ({}),
  handle (ctx) {
    setRoomEnabled(ctx.db, ctx.room.id, false, undefined, ctx.now)
    ctx.audit({ action: 'disable', entity: 'room', entityId: ctx.room.id })
    ctx.reply('活动助手已在本群停用，活动和报名记录都已保留。管理员发送「#启用」可随时恢复。')
  },
})
