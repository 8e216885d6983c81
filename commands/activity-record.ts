// #活动记录 <id> — the activity record as a Word file (title, time, place, figures, the sign-in
// sheet, the #完成 remark, pictures): for the organizers of its room, secretaries and admins.
import { activityInRoom } from '../src/core/activity-lookup.js'
import { defineCommand, reporters } from '../src/core/command.js'
import { UserError } from '../src/core/errors.js'
import { splitLeadingId } from '../src/domain/normalize.js'
import { organizerRoomIds } from '../src/db/membership.js'
import { enqueue, type RecordBody } from '../src/db/outbox-store.js'
import { photoCount } from '../src/db/photos.js'
import { cardMarker } from '../src/domain/member-reply.js'
import { formatIso } from '../src/domain/zoned-time.js'
import { recordFileName } from '../src/report/record-docx.js'

const EXAMPLE = '#活动记录 4'

export default defineCommand<{ id: number }>({
  name: '活动记录',
  aliases: ['记录', '活动档案'],
  summary: '导出一场活动的活动记录（Word 文件，含签到名单和照片）',
  example: EXAMPLE,
  where: 'any',
  allow: reporters,
  parse (rest) {
    const { id, rest: extra } = splitLeadingId(rest)
    if (id === null || extra) throw new UserError('请写明活动编号', EXAMPLE)
    return { id }
  },
  handle (ctx) {
    const a = activityInRoom(ctx, ctx.args.id)
    // in private chat an organizer (not secretary or admin) gets the records of the rooms they organize
    if (!ctx.room && !ctx.who.admin && !ctx.who.secretary && !organizerRoomIds(ctx.db, ctx.msg.sender).includes(a.roomId)) {
      throw new UserError(`活动 #${a.id} 不是你组织的群的活动。组织者只能导出自己群的活动记录，秘书可以导出所有活动的记录`, EXAMPLE)
    }
    const target = ctx.room ? { roomId: ctx.room.id } : { contact: ctx.msg.sender }
    const fileName = recordFileName({ id: a.id, title: a.title, start: formatIso(a.startAt, ctx.config.timeZone) })
    const photos = photoCount(ctx.db, a.id)
    const pending = a.status === 'completed' ? '' : '（活动还没有标记完成，记录里的实到人次和参加名单要等「#完成」后才有）'
    ctx.reply(`${cardMarker(a.id)}${a.title} 的活动记录（Word 文件，照片${photos}张）正在生成，稍后发送。${pending}`)
    enqueue(ctx.db, target, 'record', { activityId: a.id, fileName } satisfies RecordBody, ctx.now)
  },
})
