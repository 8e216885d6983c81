// 我的报名 — one's upcoming sign-ups (in a room: this room; in private chat: every room).
import { anyone, defineCommand } from '../src/core/command.js'
import { mySignups } from '../src/db/signups.js'
import { whenText } from '../src/domain/card.js'
import { readReply } from '../src/domain/reply-reader.js'

export default defineCommand<Record<string, never>>({
  name: '我的报名',
  aliases: ['我的活动'],
  summary: '查看自己报了哪些活动',
  example: '我的报名',
  where: 'any',
  allow: anyone,
  matchReply: text => { const r = readReply(text); return r.outcome === 'act' && r.reply.kind === 'mine' ? {} : null },
  parse: () => ({}),
  handle (ctx) {
    const rows = mySignups(ctx.db, ctx.member ? { memberId: ctx.member.id } : { contactId: ctx.msg.sender.id }, ctx.now)
    if (rows.length === 0) {
      // in a group, only this group's: someone signed up elsewhere is told where to see those
      const elsewhere = ctx.room ? mySignups(ctx.db, { contactId: ctx.msg.sender.id }, ctx.now).length : 0
      ctx.reply(elsewhere > 0
        ? `${ctx.msg.sender.name}，你在本群目前没有待参加的活动报名（在其他群有${elsewhere}个，私聊我发送「我的报名」可以查看全部）。发送「#近期活动」看看本群的活动。`
        : `${ctx.msg.sender.name}，你目前没有待参加的活动报名。${ctx.room ? '' : '在活动群里'}发送「#近期活动」看看有什么活动。`)
      return
    }
    const lines = rows.map(r => {
      const party = r.companions > 0 ? `，共${1 + r.companions}人` : ''
      const guests = r.guests.length > 0 ? `，代报：${r.guests.join('、')}` : ''
      const state = r.status === 'confirmed' ? '已报名' : r.status === 'waitlisted' ? `候补第${r.place}位` : '代报名'
      return `#${r.activity.id} ${whenText(r.activity, ctx.config.timeZone, ctx.now)} ${r.activity.title}（${state}${party}${guests}）`
    })
    ctx.reply([`${ctx.msg.sender.name} 的报名：`, ...lines, ctx.room ? '取消请回复「取消报名 编号」' : '取消请在活动群里回复「取消报名 编号」'].join('\n'))
  },
})
