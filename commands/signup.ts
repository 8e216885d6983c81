// 报名 / +1 / 报名 4 / 报名 4 3人 — a member signs up (with companions); quote-replies too. Replies as members
// write them (+2, 加一, 我参加, 带孩子, a bare 1) act when the room makes them clear and ask when it does not.
import { anyone, defineCommand, type CommandContext } from '../src/core/command.js'
import { listLines, noOpenActivity, openInRoom, pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import { prefixedReply, replyOfKind, type ReplyOf } from '../src/core/reply-args.js'
import { askInAck, askInRoom, signUpSender } from '../src/core/roster-acks.js'
import { activityById, type ActivityRow } from '../src/db/activities.js'
import { liveSignupOf } from '../src/db/signups.js'

/** A party larger than this is an organizer's job (名额 and 代报名), not a member reply. */
const MAX_PARTY = 20

/** A notice that asks members to reply 1: 扣1, 回复1, 回1, 接龙扣1, 请打1, 扣个1, 回复数字1. */
const ASKS_FOR_ONE = /(?:扣|回复|回|打|发|复)\s*(?:个|数字)?\s*["“「『]?\s*[1１](?![0-9０-９])/

type Args = ReplyOf<'signup'>

/** The one activity the reply can mean without an id: the quoted card, else the room's only open activity (null with none or several). */
function onlyActivity (ctx: CommandContext<Args>, open: () => ActivityRow[]): ActivityRow | null {
  if (ctx.quotedActivityId !== null) {
    const quoted = activityById(ctx.db, ctx.quotedActivityId)
    return quoted && quoted.roomId === ctx.room?.id ? quoted : null
  }
  const list = open()
  return list.length === 1 ? list[0] ?? null : null
}

export default defineCommand<Args, 'room'>({
  name: '报名',
  summary: '报名活动（回复即可，带人写「N人」）',
  example: `报名 ${OPEN_ACTIVITY_ID}`,
  where: 'room',
  allow: anyone,
  matchReply: replyOfKind('signup'),
  parse: prefixedReply('signup', '报名', '报名 4 3人'),
  handle (ctx) {
    const { people, need, ask } = ctx.args
    const member = ctx.member
    if (!member) return
    const candidates = openInRoom(ctx)
    if (ask) {
      // +2 一家三口: two counts that disagree are asked about, never guessed
      const activity = onlyActivity(ctx, candidates)
      if (activity && activity.status === 'scheduled' && activity.deadlineAt > ctx.now) {
        const exact = ask.reply.replace(/^报名 /, `报名 ${activity.id} `)
        askInAck(ctx, activity, `${ask.about}:${ask.reply}`, ask.about === 'with'
          ? `${member.name}：请回复「报名 ${activity.id}」给自己报名，再回复「${ask.reply.replace(/^代报名 /, `代报名 ${activity.id} `)}」为对方报名`
          : ask.about === 'proxy'
          ? `${member.name}：请问帮谁报名？请回复「代报名 ${activity.id} 名字」，例如「代报名 ${activity.id} 王芳」`
          : ask.about === 'correct'
            ? `${member.name}：要改成${ask.reply.replace(/^报名 /, '一共')}吗？${liveSignupOf(ctx.db, activity.id, { memberId: member.id }) ? `请先回复「取消报名 ${activity.id}」，再回复「${exact}」` : `请回复「${exact}」`}`
            : `${member.name}：请问一共几位（自己也算）？${ask.reply.replace(/^报名 /, '如果一共')}，请回复「${exact}」`)
      }
      return
    }
    // people is NaN for 报名 2.5人 / 报名 -2人
    if (people !== null && !(people >= 1)) throw new UserError('人数要写成1以上的整数（自己也算一人）', '报名 3人')
    if (people !== null && people > MAX_PARTY) throw new UserError(`一次最多报名${MAX_PARTY}人；更多人请联系组织者`, `报名 ${MAX_PARTY}人`)
    if (need === 'notice-asks-for-1') {
      // a bare 1 signs up where the notice asked for 扣1 / 回复1; elsewhere the member is asked, once
      const activity = onlyActivity(ctx, candidates)
      if (!activity || activity.status !== 'scheduled' || activity.deadlineAt <= ctx.now) return
      if (liveSignupOf(ctx.db, activity.id, { memberId: member.id })) return
      if (ASKS_FOR_ONE.test(`${activity.title}\n${activity.description ?? ''}`)) {
        signUpSender(ctx, activity, null)
        return
      }
      askInAck(ctx, activity, 'one', `${member.name}：是要报名吗？报名请回复「报名」或「+1」`)
      return
    }
    if (need === 'one-open-activity' && ctx.quotedActivityId === null) {
      // 我参加 / 算我一个: clear with one open activity; with several, the member is asked which, once
      const open = candidates()
      if (open.length === 0) return
      if (open.length > 1) {
        askInRoom(ctx, `which:${open.map(a => a.id).join(',')}`,
          `现在有${open.length}个活动在报名，请回复「报名 编号」${people !== null ? `（带人写「报名 编号 ${people}人」）` : ''}，例如「报名 ${open[0]?.id ?? 1}」：\n${listLines(ctx, open)}`)
        return
      }
    }
    // a lone +1 with nothing to sign up for is someone agreeing in the chat: no reply
    if (ctx.args.bare && ctx.quotedActivityId === null && candidates().length === 0) return
    const activity = pickActivity(ctx, ctx.args.activityId, candidates, {
      verb: '报名',
      none: () => noOpenActivity(ctx),
      example: id => `报名 ${id}`,
    })
    signUpSender(ctx, activity, people)
  },
})
