// #帮助 — the commands the asker may use here, one example each.
import { anyone, defineCommand, type Command, type CommandContext } from '../src/core/command.js'
import { exampleInRoom } from '../src/core/activity-lookup.js'

function usable (ctx: CommandContext<unknown>, c: Command<any, any>): boolean {
  if (!c.allow.test(ctx.who)) return false
  if (c.where === 'room' && !ctx.room) return false
  if (c.where === 'private' && ctx.room) return false
  return true
}

const help = defineCommand<Record<string, never>>({
  name: '帮助',
  aliases: ['help', '命令', '菜单'],
  summary: '查看可用的命令',
  example: '#帮助',
  where: 'any',
  allow: anyone,
  matchReply: text => (/^(帮助|使用帮助)$/.test(text) ? {} : null),
  parse: () => ({}),
  handle (ctx) {
    // a multi-line example keeps its lines (indented), so it works when typed or copied as shown
    const lines = ctx.commands.filter(c => usable(ctx, c))
      .map(c => `· ${c.summary}：${c.example.includes('\n') ? `\n${c.example.split('\n').map(l => `  ${l}`).join('\n')}` : c.example}`)
    ctx.reply(exampleInRoom(ctx.db, ctx.room?.id ?? null, [
      ctx.room ? '新联会活动助手 · 你在本群可以用：' : '新联会活动助手 · 私聊可以用：',
      ...lines,
      ctx.room ? '带「#」的是命令；报名、签到等直接回复即可，不用加「#」。' : '带「#」的是命令；报名、签到请在活动群里直接回复，不用加「#」。',
    ].join('\n'), ctx.now, ctx.config.timeZone))
  },
})

export default help
