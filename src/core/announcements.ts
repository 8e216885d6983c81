// Notices that @mention many people — reminders, edits, cancellations — split into messages of
// at most 20 mentions, and the reminder itself (scheduled or sent by #提醒).
import { remindOffsetsOf, type ActivityRow } from '../db/activities.js'
import type { Db } from '../db/open.js'
import { enqueueText } from '../db/outbox-store.js'
import { memberById, toPerson } from '../db/membership.js'
import { checkinsOf, liveSignups, peopleIn, rosterCounts, signupLabels } from '../db/signups.js'
import { reminderAudience, viewOf } from '../db/activity-with-roster.js'
import { cardMarker } from '../domain/member-reply.js'
import { formatOffsetZh } from '../domain/durations.js'
import { whenText } from '../domain/card.js'
import { mentionBatches } from '../domain/mentions.js'
import type { Person, Target } from '../domain/records.js'

/**
 * Enqueues `text` with the first batch of mentions, then short follow-ups carrying the rest, so
 * everyone is @mentioned and no message has more than WeChat handles.
 */
export function enqueueWithMentions (db: Db, target: Target, text: string, people: readonly Person[], now: number, followUp: string): void {
  const chunks = mentionBatches(people)
  enqueueText(db, target, text, chunks[0] ?? [], now)
  for (const chunk of chunks.slice(1)) enqueueText(db, target, followUp, chunk, now)
}

function startsIn (ms: number): string {
  if (ms <= 0) return '马上开始'
  const min = Math.round(ms / 60_000)
  if (min < 60) return `${min}分钟后开始`
  if (min < 24 * 60) return `${Math.round(min / 60)}小时后开始`
  return `${formatOffsetZh(Math.round(min / (24 * 60)) * 24 * 3600_000)}后开始`
}

export interface ReminderOptions {
  timeZone: string
  defaultOffsets: readonly number[]
  /** also send the organizer the roster in private chat */
  withRoster: boolean
}

/** The reminder for an activity: in its room, @mentioning everyone confirmed (and who registered guests). */
export function enqueueReminder (db: Db, activity: ActivityRow, opts: ReminderOptions, now: number): void {
  const view = viewOf(db, activity, opts.defaultOffsets)
  const audience = reminderAudience(db, activity.id)
  const lines = [
    `${cardMarker(activity.id)}${activity.title} · 活动提醒（${startsIn(activity.startAt - now)}）`,
    `时间：${whenText(view, opts.timeZone, now)}`,
    `地点：${activity.location ?? '待定'}`,
    `已报名${view.confirmed}人${view.capacity === null ? '' : `（名额${view.capacity}人）`}`,
    audience.length > 0
      ? `请已报名的成员准时参加；不能参加的请回复「取消报名 ${activity.id}」，${view.capacity === null ? '方便组织者安排。' : '把名额留给候补的朋友。'}`
      : `目前还没有人报名，回复「报名 ${activity.id}」即可报名。`,
    // close to the start, say how to check in (it opens an hour before)
    ...(activity.startAt - now <= 3 * 3600_000 ? [`到场后回复「签到 ${activity.id}」即可签到。`] : []),
  ]
  enqueueWithMentions(db, { roomId: activity.roomId }, lines.join('\n'), audience, now, `（续）活动 #${activity.id} 提醒，请以下成员留意：`)
  if (opts.withRoster && activity.organizerMemberId !== null) {
    const organizer = memberById(db, activity.organizerMemberId)
    if (organizer) enqueueText(db, { contact: toPerson(organizer) }, rosterText(db, activity, opts.timeZone, now), [], now)
  }
}

/** The roster as the organizer wants it before the day: confirmed (with companions and who registered guests), then the waitlist. */
export function rosterText (db: Db, activity: ActivityRow, timeZone: string, now: number): string {
  const live = liveSignups(db, activity.id)
  const labels = signupLabels(db, live)
  const line = (s: (typeof live)[number], i: number): string => {
    const label = labels.get(s.id)
    const extra = s.companions > 0 ? `（另带${s.companions}人）` : ''
    const by = label?.by ? `（${label.by}代报）` : ''
    return `${i + 1}. ${label?.name ?? '?'}${extra}${by}`
  }
  const confirmed = live.filter(s => s.status === 'confirmed')
  const waiting = live.filter(s => s.status === 'waitlisted')
  const seats = peopleIn(confirmed)
  return [
    `${cardMarker(activity.id)}${activity.title} · 报名名单`,
    `时间：${whenText({ startAt: activity.startAt, endAt: activity.endAt }, timeZone, now)}`,
    `已报名（${seats}人${activity.capacity === null ? '' : `/${activity.capacity}`}）：`,
    ...(confirmed.length > 0 ? confirmed.map(line) : ['（暂无）']),
    ...(waiting.length > 0 ? [`候补（${peopleIn(waiting)}人）：`, ...waiting.map(line)] : []),
  ].join('\n')
}

/**
 * An activity ended without #完成: ask its organizer, in private, to mark it completed so it
 * counts in the month's 台账. Nobody else is bothered; an activity without a known organizer is
 * left to the month-end report's reminder.
 */
export function enqueueFollowUp (db: Db, activity: ActivityRow, timeZone: string, now: number): boolean {
  if (activity.organizerMemberId === null) return false
  const organizer = memberById(db, activity.organizerMemberId)
  if (!organizer) return false
  enqueueText(db, { contact: toPerson(organizer) }, [
    `${cardMarker(activity.id)}${activity.title} 已结束（${whenText(activity, timeZone, now)}）。`,
    `请在群里发送「#完成 ${activity.id}」，把它记入本月台账；实到人数和报名不同可写「#完成 ${activity.id} 实到 N」。`,
    `目前报名${rosterCounts(db, activity.id).taken}人，签到${checkinsOf(db, activity.id).length}人。`,
  ].join('\n'), [], now)
  return true
}

/** Offsets actually used for an activity. */
export function offsetsOf (activity: ActivityRow, defaults: readonly number[]): readonly number[] {
  return remindOffsetsOf(activity) ?? defaults
}
