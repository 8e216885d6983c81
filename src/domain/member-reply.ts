// The strict forms of member replies — 报名, +1, 报名 4 3人, 代报名 张三, 取消报名, -1, 签到, 我的报名,
// also the prefixed commands' arguments. Pure text →
// meaning; replies as members write them (tails, +2, 加一, 我参加) are read by reply-reader.ts on top.
import { readZhNumber } from './zh-numerals.js'

export type MemberReply =
  /** `people` is null when no count was written (`报名`, `+1`): signing up again then changes nothing */
  | { kind: 'signup', activityId: number | null, people: number | null, bare?: true }
  /**
   * runOn: 代报名张三 / 报名张三, a name only if a member has it; title: or the title of an open activity (报名 读书会);
   * ownName: only the sender's own name counts (+1 林晓), not another member's
   */
  /** `people`: 报名 读书会 2人, a party for a title (never for a member's name) */
  | { kind: 'proxy', activityId: number | null, names: string[], runOn?: true, title?: true, ownName?: true, people?: number }
  /** `bare`: a lone +1 / -1, which is also how people agree or disagree in a chat */
  | { kind: 'cancel', activityId: number | null, bare?: true }
  | { kind: 'checkin', activityId: number | null }
  | { kind: 'mine' }

/** 3, 三, 俩, 十二, 二十五 → number (people counts are small: up to 99); the numerals are read by zh-numerals. */
export function readCount (raw: string): number | null {
  if (raw === '' || raw.startsWith('两十')) return null
  const n = readZhNumber(raw)
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 99 ? n : null
}

// an id stands on its own: `报名 25人` is 25 people, not activity 2 with 5
const ID = String.raw`#?(\d{1,9})(?=\s|$|[:,(])`
const PEOPLE = String.raw`[\s:,(]*(共|一共|带|携)?\s*(\d+|[一两二三四五六七八九十]{1,3}|俩)\s*(?:人|位|名|个人)\)?`
// what people add after a short reply: 报名！ / +1。 / 报名~ / 报名🙏 / +1[强] (WeChat's emoticon codes)
const TRAILING_CHAR = /[\s!.~。！～…\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/u
const EMOTICON_CODE = /\[[^\][\s]{1,4}\]$/

/** The reply without what follows it (in linear time: a regex anchored at the end is quadratic on long runs). */
function withoutTrailing (text: string): string {
  let t = text
  for (let changed = true; changed;) {
    changed = false
    const code = EMOTICON_CODE.exec(t.slice(-8))
    if (code) { t = t.slice(0, t.length - code[0].length); changed = true }
    let end = t.length
    while (end > 0) {
      const cp = t.codePointAt(end - 1) ?? 0
      // a character outside the BMP ends in a low surrogate: step back over the pair
      const width = end >= 2 && cp >= 0xDC00 && cp <= 0xDFFF ? 2 : 1
      if (!TRAILING_CHAR.test(t.slice(end - width, end))) break
      end -= width
    }
    if (end < t.length) { t = t.slice(0, end); changed = true }
  }
  return t
}

const SIGNUP = new RegExp(String.raw`^(?:报名\s*\+1|报名|我要报名|我也报名|我也要报名|接龙报名|我报名|我来报名|(?:我也?要?)?报个名)(?:\s*${ID})?(?:${PEOPLE})?$`)
// +1 and +1 3人 (never +12: that is not activity 2)
const PLUS_ONE = new RegExp(String.raw`^\+1()(?:\s${PEOPLE})?$`)
// 报名 -2人, 报名 2.5人: meant as a sign-up with a count that cannot be one (refused with an example, not ignored)
const SIGNUP_BAD_COUNT = new RegExp(String.raw`^(?:报名|我要报名|我也报名)(?:\s*${ID})?\s+(?:[-−]\d+|\d+\.\d+)\s*(?:人|位|名)$`)
const CANCEL = new RegExp(String.raw`^(?:取消报名|我要取消报名|退出报名)(?:\s*${ID})?$`)
const MINUS_ONE = /^-1$/
const CHECKIN = new RegExp(String.raw`^(?:签到|我已签到)(?:\s*${ID})?$`)
// names follow a space or a colon (代报名：王五); run straight on (代报名张三), the word is a name only when a
// member of the room has it (the command checks), so 代报名了 / 代报名怎么弄 / 代报名谢谢 stay chatter
const PROXY = new RegExp(String.raw`^(?:代报名|帮报名|替报名)(?:\s*#?(\d{1,9})(?=\s|$|:))?(?:\s*:\s*|\s+|$)([\s\S]*)$`)
const PROXY_RUN_ON = /^(?:代报名|帮报名|替报名)([\p{Script=Han}·]{2,4})$/u
const NOT_A_NAME_END = /^[一了的过好要下]|[了吗呢啊吧的嘛呀哦么]$/
const QUESTION = /[?？]/
const MINE = /^(?:我的报名|我报了什么|我的活动)$/

// what follows a name and is not part of it: a note in brackets (张三(瓯海)), an emoji or a kaomoji
const AFTER_NAME = /[\p{Extended_Pictographic}\p{So}()（）[\]【】]/u

/** Splits a list of names written with spaces, 、 or commas. */
export function splitNames (text: string): string[] {
  return text.split(/[\s,、;]+/).map(n => (n.replace(/^@/, '').split(AFTER_NAME)[0] ?? '').trim()).filter(Boolean)
}

/** The member reply this text is, or null when it is chatter. */
export function parseMemberReply (text: string): MemberReply | null {
  const t = withoutTrailing(text.trim())
  let m: RegExpExecArray | null
  if (MINUS_ONE.test(t)) return { kind: 'cancel', activityId: null, bare: true }
  if (t === '+1') return { kind: 'signup', activityId: null, people: null, bare: true }
  if ((m = SIGNUP.exec(t) ?? PLUS_ONE.exec(t))) {
    if (m[3] === undefined) return { kind: 'signup', activityId: m[1] ? Number(m[1]) : null, people: null }
    const count = readCount(m[3])
    if (count === null) return null
    // 带2人: two more than oneself
    const people = m[2] === '带' || m[2] === '携' ? count + 1 : count
    return { kind: 'signup', activityId: m[1] ? Number(m[1]) : null, people }
  }
  if ((m = SIGNUP_BAD_COUNT.exec(t))) return { kind: 'signup', activityId: m[1] ? Number(m[1]) : null, people: Number.NaN }
  if ((m = CANCEL.exec(t))) return { kind: 'cancel', activityId: m[1] === undefined ? null : Number(m[1]) }
  if ((m = CHECKIN.exec(t))) return { kind: 'checkin', activityId: m[1] === undefined ? null : Number(m[1]) }
  if ((m = PROXY.exec(t))) {
    if (QUESTION.test(m[2] ?? '')) return null
    return { kind: 'proxy', activityId: m[1] === undefined ? null : Number(m[1]), names: splitNames(m[2] ?? '') }
  }
  if ((m = PROXY_RUN_ON.exec(t)) && !NOT_A_NAME_END.test(m[1] ?? '')) return { kind: 'proxy', activityId: null, names: [m[1] ?? ''], runOn: true }
  if (MINE.test(t)) return { kind: 'mine' }
  return null
}

/** The card marker every activity card starts with. */
export function cardMarker (activityId: number): string {
  return `【活动 #${activityId}】`
}
