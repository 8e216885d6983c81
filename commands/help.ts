// #帮助 — the commands the asker may use here, one example each.
import { anyone, defineCommand, type Command, type CommandContext } from '../src/core/command.js'
import { exampleInRoom } from '../src/core/activity-lookup.js'

function usable (ctx: CommandContext<unknown>, c: Command<any, any>): boolean {
  if (!c.allow.test(ctx.who)) return false
  if (c.where === 'room' && !ctx.room) return false
  if (c.where === 'private' && ctx.room) return false
  return true
}

/** A notice as organizers write it, pasted after #活动 (read by the notice reader). */
const NOTICE_EXAMPLE = '#活动\n关于举办同心读书会的通知\n一、活动时间：下周六下午2:30\n二、活动地点：同心荟\n三、名额：限30人'

const indented = (example: string): string => (example.includes('\n') ? `\n${example.split('\n').map(l => `  ${l}`).join('\n')}` : example)

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
      .flatMap(c => [`· ${c.summary}：${indented(c.example)}`, ...(c.name === '活动' ? [`· 已经写好的通知可以原样贴在「#活动」后面，机器人会读出主题、时间、地点、名额：${indented(NOTICE_EXAMPLE)}`] : [])])
    ctx.reply(exampleInRoom(ctx.db, ctx.room?.id ?? null, [
      ctx.room ? '新联会活动助手 · 你在本群可以用：' : '新联会活动助手 · 私聊可以用：',
      ...lines,
      ctx.room ? '带「#」的是命令；报名、签到等直接回复即可，不用加「#」。' : '带「#」的是命令；报名、签到请在活动群里直接回复，不用加「#」。',
    ].join('\n'), ctx.now, ctx.config.timeZone))
  },
})

export default help
