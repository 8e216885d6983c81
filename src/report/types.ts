// The shape of a period's figures, exactly as report.md defines the JSON: every view (text reply,
// 台账 workbook, chart, CLI) renders this one object.

import type { ActivityStatus, ActivityType } from '../domain/activity-type.js'

export type { ActivityStatus, ActivityType }

export interface ReportTotals {
  activities: number
  completed: number
  cancelled: number
  signups: number
  waitlist: number
  attendance: number
  participants: number
}

export interface ReportByType {
  type: ActivityType
  activities: number
  completed: number
  attendance: number
  /** cancelled activities of the type (why a type with no activities is listed); not part of report.md's JSON contract */
  cancelled?: number
}

export interface ReportByRoom {
  room: string
  activities: number
  completed: number
  cancelled: number
  signups: number
  attendance: number
  participants: number
}

export interface ReportActivity {
  id: number
  room: string
  title: string
  type: ActivityType
  /** ISO 8601 with the configured offset, to the second */
  start: string
  end: string | null
  location: string | null
  capacity: number | null
  deadline: string
  status: ActivityStatus
  organizer: string
  signups: number
  waitlist: number
  checkins: number
  /** null unless completed */
  attendance: number | null
  /** the attended list; [] unless completed */
  participants: string[]
  /** pictures kept as evidence (commands.md, Photos) */
  photos: number
  /** 备注 given with #完成, or the cancellation reason; not part of report.md's JSON contract */
  note?: string | null
}

export interface Report {
  period: { from: string, to: string, timezone: string }
  totals: ReportTotals
  byType: ReportByType[]
  byRoom: ReportByRoom[]
  activities: ReportActivity[]
}

/** One person on a completed activity's attended list, as the sign-in sheet lists them. */
export interface Attendee {
  name: string
  /** a room member, a companion counted with them (unnamed), or a guest registered by a member */
  identity: '成员' | '随行' | '嘉宾'
  /** how they were signed up; 现场 = checked in without a sign-up */
  via: '回复' | '接龙' | '代报名' | '引用' | '现场'
  /** epoch ms; null when the list is the sign-ups (nobody checked in) */
  checkedInAt: number | null
}
