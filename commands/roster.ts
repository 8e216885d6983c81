// #名单 <id> — who is confirmed, who waits (in order), who has checked in (anyone may ask).
import { anyone, defineCommand } from '../src/core/command.js'
import { activityInRoom, pickActivity } from '../src/core/activity-lookup.js'
import { OPEN_ACTIVITY_ID, UserError } from '../src/core/errors.js'
import { splitLeadingId } from '../src/domain/normalize.js'
import { upcomingActivities } from '../src/db/activities.js'
import { checkinsOf, liveSignups, peopleIn, signupLabels } from '../src/db/signups.js'
import { peopleByMemberId } from '../src/db/activity-with-roster.js'
import { photoCount } from '../src/db/photos.js'
import { whenText } from '../src/domain/card.js'
import { cardMarker } from '../src/domain/member-reply.js'

export default defineCommand<{ id: number | null }, 'room'>({
  name: '名单',
  aliases: ['报名名单', '查看名单'],
  summary: '查看活动的报名、候补和签到名单',
  example: `#名单 ${OPEN_ACTIVITY_ID}`,
  where: 'room',
  allow: anyone,
  parse (rest) {
    const { id, rest: extra } = splitLeadingId(rest)
    if (extra) throw new UserError('请只写活动编号', `#名单 ${OPEN_ACTIVITY_ID}`)
    return { id }
  },
  handle (ctx) {
    const room = ctx.room
    const a = ctx.args.id !== null
      ? activityInRoom(ctx, ctx.args.id)
      : pickActivity(ctx, null, () => upcomingActivities(ctx.db, room.id, ctx.now), {
        verb: '查看',
        none: '本群近期没有活动。',
        example: id => `#名单 ${id}`,
      })
    const live = liveSignups(ctx.db, a.id)
    const labels = signupLabels(ctx.db, live)
    const line = (s: (typeof live)[number], i: number): string => {
      const label = labels.get(s.id)
      return `${i + 1}. ${label?.name ?? '?'}${s.companions > 0 ? `（另带${s.companions}人）` : ''}${label?.by ? `（${label.by}代报）` : ''}`
    }
    const confirmed = live.filter(s => s.status === 'confirmed')
    const waiting = live.filter(s => s.status === 'waitlisted')
    const seats = peopleIn(confirmed)
    const checks = checkinsOf(ctx.db, a.id)
    const names = peopleByMemberId(ctx.db, checks.map(c => c.memberId))
    const photos = photoCount(ctx.db, a.id)
    const status = a.status === 'cancelled' ? '（已取消）' : a.status === 'completed' ? '（已完成）' : ''
    ctx.reply([
      `${cardMarker(a.id)}${a.title}${status}`,
      `时间：${whenText(a, ctx.config.timeZone, ctx.now)}`,
      `已报名 ${seats}人${a.capacity === null ? '' : `/${a.capacity}`}：`,
      ...(confirmed.length > 0 ? confirmed.map(line) : ['（暂无）']),
      ...(waiting.length > 0 ? [`候补 ${peopleIn(waiting)}人：`, ...waiting.map(line)] : []),
      ...(checks.length > 0 ? [`已签到 ${checks.length}人：${checks.map(c => `${names.get(c.memberId)?.name ?? '?'}${c.signupId === null ? '(现场)' : ''}`).join('、')}`] : []),
      // evidence once the activity is near or past (before that, a count of 0 says nothing)
      ...(photos > 0 || ctx.now >= a.startAt - 60 * 60_000 ? [`活动照片：${photos}张`] : []),
    ].join('\n'))
  },
})
