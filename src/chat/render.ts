// Turning a stored outbox row into what is sent: text split under the limit (room for the
// @mention prefix WeChat puts in front), acknowledgements written from their events with the
// seats as they are now, report files made from the query layer.
import { followUpText, mentionBatches } from '../domain/mentions.js'
import type { Person } from '../domain/records.js'
import { activityById } from '../db/activities.js'
import type { Db } from '../db/open.js'
import { ackEvents, noticeEvents, photoEvents, type AckBody, type AckEvent, type AskEvent, type FileBody, type NoticeBody, type PhotoAckBody, type RecordBody, type TextBody } from '../db/outbox-store.js'
import { photosOf } from '../db/photos.js'
import { currentPlace } from '../db/signups.js'
import { viewOf } from '../db/activity-with-roster.js'
import { ackText, netted } from '../domain/card.js'
import { cardMarker } from '../domain/member-reply.js'
import { attendedPeople, buildReport } from '../report/figures.js'
import type { Part, Renderer } from './outbox.js'
import { MESSAGE_LIMIT, splitText } from './split.js'

export interface RenderDeps {
  db: Db
  timeZone: string
  defaultOffsets: readonly number[]
}

/**
 * WeChat writes `@name ` for each mention in front of the text: keep the whole under the limit.
 * More than 20 mentions go out 20 at a time in short follow-ups. `continued` heads every part
 * after the first (e.g. the activity's marker), so a part read alone still says what it is about.
 */
function textParts (text: string, mentions: readonly Person[], continued?: string): Part[] {
  const [first = [], ...rest] = mentionBatches(mentions)
  const prefix = first.reduce((n, p) => n + p.name.length + 2, 0)
  const head = continued ? `${continued}\n` : ''
  const parts: Part[] = splitText(text, Math.max(200, MESSAGE_LIMIT - prefix - head.length))
    .map((t, i) => ({ kind: 'text' as const, text: i === 0 ? t : `${head}${t}`, mentions: i === 0 ? first : [] }))
  for (const batch of rest) parts.push({ kind: 'text', text: followUpText(continued), mentions: batch })
  return parts
}

/**
 * An acknowledgement's events as the group should read them when it goes out: netted (someone
 * promoted and then gone is neither listed nor @mentioned), with waitlist places as they are now
 * (people ahead may have left or moved up), and without those no longer waiting (moved up by a
 * larger 名额, which its own notice announced).
 */
function eventsAsSent (events: readonly AckEvent[], db: Db): AckEvent[] {
  return netted(events).flatMap(e => {
    if (e.kind !== 'waitlisted' || e.signupId === undefined) return [e]
    const place = currentPlace(db, e.signupId)
    return place > 0 ? [{ ...e, place }] : []
  })
}

export function createRenderer (deps: RenderDeps): Renderer {
  return async row => {
    switch (row.kind) {
      case 'text': {
        const body = JSON.parse(row.body) as TextBody
        return textParts(body.text, body.mentions)
      }
      case 'ack': {
        const body = JSON.parse(row.body) as AckBody
        const activity = activityById(deps.db, body.activityId)
        const written = ackEvents(deps.db, row.id)
        const asks = written.filter((e): e is AskEvent => e.kind === 'ask')
        const events = eventsAsSent(written.filter((e): e is AckEvent => e.kind !== 'ask'), deps.db)
        // once cancelled, the cancellation notice has told everyone: a pending acknowledgement would contradict it
        if (!activity || activity.status === 'cancelled' || (events.length === 0 && asks.length === 0)) return []
        const mentions: Person[] = []
        const mention = (p: Person): void => { if (!mentions.some(m => m.id === p.id)) mentions.push(p) }
        for (const e of events) if (e.kind === 'promoted' && e.mention) mention(e.mention)
        for (const a of asks) mention(a.mention)
        const lines = events.length > 0 ? [ackText(viewOf(deps.db, activity, deps.defaultOffsets), events, deps.timeZone)] : [`${cardMarker(activity.id)}${activity.title}`]
        // a large party from one reply is said back, so a misread count is seen at once
        const large = events.filter(e => e.checkCount && (e.kind === 'confirmed' || e.kind === 'waitlisted' || e.kind === 'resized'))
        for (const e of large) lines.push(`请核对人数：${e.name} 这次报名共${e.seats}人（含本人）。人数不对请回复「报名 ${activity.id} 正确人数」，例如：报名 ${activity.id} 2人`)
        // each question once, in the order asked
        for (const text of new Set(asks.map(a => a.text))) lines.push(text)
        return textParts(lines.join('\n'), mentions, `（续）${cardMarker(activity.id)}${activity.title}`)
      }
      case 'notice': {
        const body = JSON.parse(row.body) as NoticeBody
        const people = new Map(noticeEvents(deps.db, row.id).map(e => [e.mention.id, e.mention]))
        return textParts(body.text, [...people.values()])
      }
      case 'file': {
        const body = JSON.parse(row.body) as FileBody
        const report = body.report ??
          buildReport(deps.db, { from: body.from, to: body.to, timeZone: deps.timeZone, ...(body.roomIds ? { roomIds: body.roomIds } : {}) })
        // exceljs, vega and the font are loaded on first use: most runs never send a file
        const data = body.file === 'ledger-xlsx'
          ? await (await import('../report/xlsx.js')).renderWorkbook(report, { title: body.title, now: body.at, attendees: attendedPeople(deps.db, report.activities.map(a => a.id)) })
          : await (await import('../report/chart.js')).renderChartPng(report)
        return [{ kind: 'file', fileName: body.fileName, data }]
      }
      case 'photos': {
        // pictures deleted since (#删除照片) are not announced
        const body = JSON.parse(row.body) as PhotoAckBody
        const kept = new Set(photosOf(deps.db, body.activityId).map(p => p.id))
        const added = photoEvents(deps.db, row.id).filter(e => kept.has(e.photoId)).length
        const activity = activityById(deps.db, body.activityId)
        if (!activity || activity.status === 'cancelled' || added === 0) return []
        return textParts(`已记入活动 #${activity.id} 台账：照片${added}张（共${kept.size}张）`, [])
      }
      case 'record': {
        const body = JSON.parse(row.body) as RecordBody
        const { renderActivityRecord } = await import('../report/record-docx.js')
        const data = await renderActivityRecord(deps.db, body.activityId, deps.timeZone)
        return data ? [{ kind: 'file', fileName: body.fileName, data }] : []
      }
      default:
        throw new Error(`unknown outbox kind ${row.kind}`)
    }
  }
}
