// The short replies members type without a prefix — 报名, +1, 报名 4 3人, 代报名 张三, 取消报名,
// -1, 签到, 我的报名 — and the quote-reply form the puppets deliver. Pure text → meaning.

export type MemberReply =
  | { kind: 'signup', activityId: number | null, people: number }
  | { kind: 'proxy', activityId: number | null, names: string[] }
  | { kind: 'cancel', activityId: number | null }
  | { kind: 'checkin', activityId: number | null }
  | { kind: 'mine' }

const ZH_NUM: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/** 3, 三, 十 → number (people counts are small). */
function readCount (raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw)
  return ZH_NUM[raw] ?? null
}

// an id stands on its own: `报名 25人` is 25 people, not activity 2 with 5
const ID = String.raw`#?(\d+)(?=\s|$)`
const PEOPLE = String.raw`(\d+|[一两二三四五六七八九十])\s*(?:人|位|名|个人)`

const SIGNUP = new RegExp(String.raw`^(?:报名|我要报名|接龙报名)(?:\s*${ID})?(?:\s*(?:共|一共|带)?\s*${PEOPLE})?$`)
const PLUS_ONE = /^\+1$/
const CANCEL = new RegExp(String.raw`^(?:取消报名|我要取消报名|退出报名)(?:\s*${ID})?$`)
const MINUS_ONE = /^-1$/
const CHECKIN = new RegExp(String.raw`^(?:签到|我已签到)(?:\s*${ID})?$`)
const PROXY = new RegExp(String.raw`^(?:代报名|帮报名|替报名)(?:\s*#?(\d+)(?=\s|$))?\s*([\s\S]*)$`)
const MINE = /^(?:我的报名|我报了什么|我的活动)$/

/** Splits a list of names written with spaces, 、 or commas. */
export function splitNames (text: string): string[] {
  return text.split(/[\s,、;]+/).map(n => n.replace(/^@/, '').trim()).filter(Boolean)
}

/** The member reply this text is, or null when it is chatter. */
export function parseMemberReply (text: string): MemberReply | null {
  const t = text.trim()
  let m: RegExpExecArray | null
  if (PLUS_ONE.test(t)) return { kind: 'signup', activityId: null, people: 1 }
  if (MINUS_ONE.test(t)) return { kind: 'cancel', activityId: null }
  if ((m = SIGNUP.exec(t))) {
    const people = m[2] === undefined ? 1 : readCount(m[2])
    if (people === null) return null
    return { kind: 'signup', activityId: m[1] === undefined ? null : Number(m[1]), people }
  }
  if ((m = CANCEL.exec(t))) return { kind: 'cancel', activityId: m[1] === undefined ? null : Number(m[1]) }
  if ((m = CHECKIN.exec(t))) return { kind: 'checkin', activityId: m[1] === undefined ? null : Number(m[1]) }
  if ((m = PROXY.exec(t))) {
    return { kind: 'proxy', activityId: m[1] === undefined ? null : Number(m[1]), names: splitNames(m[2] ?? '') }
  }
  if (MINE.test(t)) return { kind: 'mine' }
  return null
}

export interface Quote {
  /** the activity id of a quoted card (its 【活动 #id】 marker), if any */
  activityId: number | null
  /** where what the member wrote under the quote starts in the text */
  bodyStart: number
}

// 「新联小助手:【活动 #4】同心大讲堂…」\n- - - - - - - - - - - - - - -\n报名
const QUOTE = /^「([\s\S]*)」\s*\n\s*(?:-\s*){3,}\n([\s\S]*)$/d
const CARD_MARKER = /【活动\s*#(\d+)】/

/** A quote-reply split into the quoted activity and the reply; null when the text is not a quote. */
export function parseQuote (text: string): Quote | null {
  const m = QUOTE.exec(text)
  if (!m) return null
  const marker = CARD_MARKER.exec(m[1] ?? '')
  return { activityId: marker ? Number(marker[1]) : null, bodyStart: m.indices?.[2]?.[0] ?? text.length }
}

/** The card marker every activity card starts with. */
export function cardMarker (activityId: number): string {
  return `【活动 #${activityId}】`
}
