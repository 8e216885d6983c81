// Reading a member's unprefixed message as members really write it: act (sign up, cancel, check in),
// ask (likely but unclear), or chatter — with the reason. Pure: what the database decides (open
// activities, signed up or not, the check-in window) is left to the handler through `needs`.
import { parseMemberReply, readCount, type MemberReply } from './member-reply.js'

/** What the handler must find in the database before acting. */
export type Need =
  /** intent words (我参加, 算我一个): act with exactly one open activity in the room, ask with several */
  | 'one-open-activity'
  /** a bare 1: acts only when the activity's notice asked for 扣1 / 回复1, else ask */
  | 'notice-asks-for-1'
  /** a cancellation acts only for someone signed up (a -1 from anyone else is disagreement) */
  | 'signed-up'
  /** 到了 / 已到: a check-in only inside a check-in window, else chatter */
  | 'checkin-window'
  /** 报名张三 / 报名 读书会: a member of the room (代报名) or the title of one open activity, else chatter */
  | 'member-or-title'

export type Reading =
  | { outcome: 'act', reply: MemberReply, need?: Need, reason: string }
  /** likely but unclear: the handler asks (with `reply`, the exact words to send) when `need` holds, else stays quiet */
  | { outcome: 'ask', about: AskAbout, reply: string, need?: Need, reason: string }
  | { outcome: 'chatter', reason: string }

/** withdraw: 不去了; count: +2 一家三口, 我们家3个人; one: a bare 1; correct: 刚才报错了，是2人; proxy: 帮我老婆报个名 (no name) */
/** with: +2 我和李四 (oneself and someone named: 报名 and 代报名, asked) */
export type AskAbout = 'withdraw' | 'count' | 'one' | 'correct' | 'proxy' | 'with'

/** Longer than this (tails excluded), a message that merely contains 报名 is talk, not a reply. */
export const MAX_REPLY_CORE = 20
/** Nothing a person types as a reply is longer than this, tails included. */
const MAX_REPLY_TOTAL = 80

// ---- normalisation --------------------------------------------------------------------------

// the characters of traditional writing that sign-up replies use, to their simplified forms
const TRADITIONAL: Record<string, string> = {
  報: '报', 參: '参', 簽: '签', 個: '个', 來: '来', 帶: '带', 屬: '属', 愛: '爱', 謝: '谢', 頂: '顶', 兩: '两',
  倆: '俩', 與: '与', 們: '们', 時: '时', 麼: '么', 嗎: '吗', 點: '点', 開: '开', 這: '这', 還: '还', 會: '会',
  說: '说', 給: '给', 對: '对', 幾: '几', 後: '后', 號: '号', 場: '场', 書: '书', 讀: '读', 辦: '办', 組: '组',
  織: '织', 臨: '临', 趕: '赶', 見: '见', 親: '亲', 媽: '妈', 爺: '爷', 師: '师', 請: '请', 問: '问', 於: '于',
  裡: '里', 裏: '里', 錯: '错', 歲: '岁', 離: '离', 隊: '队', 員: '员', 訊: '讯', 結: '结', 際: '际', 發: '发',
  係: '系', 務: '务', 業: '业', 準: '准', 備: '备', 萬: '万', 億: '亿', 孫: '孙', 婦: '妇', 兒: '儿', 邊: '边',
  頭: '头', 樂: '乐', 歡: '欢', 聽: '听', 週: '周', 車: '车', 門: '门', 間: '间', 動: '动', 擊: '击', 
}
const TRADITIONAL_CHAR = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g')
// zero-width characters, direction marks, the soft hyphen and emoji variation selectors: nothing anyone reads
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD\uFE0E\uFE0F]/g
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/**
 * The text as the reader sees it: invisible characters dropped, full-width folded to half-width, traditional
 * characters of replies simplified, spaces collapsed. Normalising twice is normalising once.
 */
export function normalizeReply (text: string): string {
  return text.replace(INVISIBLE, '')
    .replace(/[\uFF01-\uFF5E]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
    // the emoji and small forms of plus and minus (➕1, ﹢1, ➖1)
    .replace(/[\u2795\uFE62]/g, '+').replace(/[\u2796\uFE63\u2212]/g, '-')
    .replace(ODD_SPACES, ' ')
    .replace(TRADITIONAL_CHAR, ch => TRADITIONAL[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim()
}

// ---- pieces ----------------------------------------------------------------------------------

interface Piece {
  text: string
  /** a question mark (or 吗/呢) ends it */
  question: boolean
}

/** What a piece of a reply may be made of: Han characters, Latin letters, digits, + - # and 十 for +. */
const WORD_CHAR = /[\p{Script=Han}A-Za-z0-9+\-#·]/u

/**
 * The message cut into pieces at everything that is not a word character: punctuation, spaces, emoji and
 * kaomoji ((๑•̀ㅂ•́)و✧ has no Han, digit or Latin letter in it) separate pieces and are dropped.
 */
function piecesOf (text: string): Piece[] {
  const pieces: Piece[] = []
  let current = ''
  const flush = (sep: string): void => {
    if (current) pieces.push({ text: current, question: /[?？]/.test(sep) || /[吗呢么嘛]$/.test(current) })
    // words of another script (ですか, да) are words, not decoration: a kaomoji has no two letters in a row
    const words = /\p{L}{2,}/u.exec(sep)
    if (words) pieces.push({ text: words[0], question: false })
    else if (/[?？]/.test(sep) && pieces.length > 0) (pieces[pieces.length - 1] as Piece).question = true
    current = ''
  }
  // WeChat's emoticon codes ([强], [抱拳], [OK]) are decoration, like emoji
  const t = text.replace(/\[[^\][\s]{1,4}\]/g, ' ')
  let sep = ''
  for (const ch of t) {
    if (WORD_CHAR.test(ch)) {
      if (sep) { flush(sep); sep = '' }
      current += ch
    } else {
      sep += ch
    }
  }
  flush(sep)
  return pieces
}

// politeness and short words people add to a reply; never the reply itself
const POLITE = /^(?:(?:谢谢|感谢|辛苦了?|辛苦啦)(?:会长|老师|秘书长|主任|组织者?|大家|各位)|(?:会长|老师|秘书长|主任|组织者|各位)辛苦(?:了|啦)?|(?:可能|会|要)?(?:晚到|迟到|晚点到|晚一点到|早退|早走)(?:一会儿?|一点|一些|几分钟|一下)?|谢谢|感谢|多谢|谢谢组织|感谢组织|谢谢老师|感谢老师|谢谢会长|谢谢大家|辛苦|辛苦了|辛苦啦|老师辛苦了|组织辛苦了|会长辛苦了|大家辛苦了|抱歉|不好意思|对不起|麻烦了|顶|顶顶|支持|大力支持|准时到|一定到|准时参加|期待|好的|好|好滴|收到|必须的|冲|哈哈|哈哈哈|嘿嘿|谢|thx|thanks|ok|OK)$/
// a sign-up written with a plus: +1, +2, 加一, 加二, 十1 (the input method's 十 for +), +
const PLUS = /^(?:\+|十(?=\d)|加)(\d{1,6}|[一二两三四五六七八九十百千万]{1,4})?$/
const BARE_PLUS = /^\+$/
// whom the reply is addressed to, when it opens the message (会长，我报名了): not a name to sign up
const VOCATIVE = /^(?:会长|老师|秘书长|主任|各位|大家好|各位好|您好|你好)$/
// the sign-up words
const SIGNUP_WORD = /^(?:\+1)?(?:我?(?:也|要|也要|来)?报名(?:参加)?|我?也?要?报个名|接龙报名|(?:帮|给)我也?(?:报个名|报名|报一个|报一下名?))(?:\+1)?$/
// wanting to come, without the word 报名: a sign-up when the room has one open activity
const INTENT = /^(?:我也?要?参加|参加|我也?会参加|我来参加|也?算我一个吧?|算我一位|算我一份|也?算上我|算我|加我一个|带我一个|带上我|我也要?去|我要去|我也来)(?:\+1)?$/
// 我报名了: said of oneself, a sign-up only with one's party beside it (我报名了，带孩子一起); alone it is talk
const SIGNED_UP_SAID = /^我?也?报名了$/
// a party in words: the companions beside oneself, or everyone
const RELATION = '(?:家属|家人|孩子|小孩|小朋友|娃|宝宝|爱人|老婆|老公|妻子|丈夫|先生|太太|夫人|女儿|儿子|闺女|妈妈|爸爸|母亲|父亲|朋友|同事|老人)'
const COMPANIONS = new RegExp(`^(?:带|携|另带|再带|还带)(?:上)?${RELATION}?(\\d{1,2}|[一二两三四五六七八九十]{1,2}|俩)?(?:个|人|位|名|个人)?${RELATION}?(?:一起|同行|一同)?$`)
const FAMILY = /^(?:一家|全家)(两|二|三|四|五|六)口$/
const COUPLE = /^(?:夫妻俩|夫妻二人|夫妻两人|两口子|夫妇俩|夫妇二人|母子俩|母女俩|父子俩|父女俩)$/
const ADULTS_CHILDREN = /^(\d|[一二两三四五])大(\d|[一二两三四五])小$/
// 大人2个小孩1个 / 2个大人1个小孩
const ADULTS_CHILDREN_WORDS = /^(?:大人(\d|[一二两三四五])(?:个|位|名)?(?:小孩|孩子|小朋友)(\d|[一二两三四五])(?:个|位|名)?|(\d|[一二两三四五])(?:个|位|名)?大人(\d|[一二两三四五])(?:个|位|名)?(?:小孩|孩子|小朋友))$/
const PARTY_TOTAL = /^(?:共|一共|总共|我们家?|我家|我们一家)?(\d{1,2}|[一二两三四五六七八九十]{1,3}|俩)(?:个人|人|位|名)$/
// 我和爱人报名: oneself and one relation
const WITH_RELATION = new RegExp(`^我(?:和|跟|与|带)我?${RELATION}(?:一起)?(?:报名|参加|去)$`)
// (+2) 我和孩子: oneself and one relation, beside a sign-up word
const WITH_ONE = new RegExp(`^我(?:和|跟|与|带)我?${RELATION}(?:一起)?$`)
// (+2) 我和李四: oneself and someone named
const WITH_NAMED = /^我(?:和|跟|与)([\p{Script=Han}·]{2,4})(?:一起)?$/u
// 我们俩报名 / 我们3个人参加: that many in all
const WE_COUNT = /^我们(俩|两|二|三|四|五|[2-5])(?:个|位)?人?(?:一起)?(?:报名|参加|去)$/
// 带老婆孩子 / 带爱人和孩子: two companions
const TWO_RELATIONS = new RegExp(`^(?:带|携)(?:上)?${RELATION}(?:和|跟|、|与)?${RELATION}$`)
// politeness written onto a reply without a stop: 报名谢谢, +1辛苦了; before one, only an apology before a cancellation
// (抱歉取消报名) — 谢谢报名 and 感谢参加 are what an organizer says
const POLITE_AFTER = /(谢谢|感谢|辛苦了|辛苦啦|抱歉|顶)$/
const APOLOGY_BEFORE = /^(抱歉|不好意思|对不起)(?=.*(?:取消|去不了|来不了|参加不了|不去|不参加))/
// a reason written onto a cancellation or a withdrawal: 临时有事取消报名, 临时加班去不了了
const REASON_THEN = /^([\p{Script=Han}]{2,8}?)(我?要?取消报名了?|我?去不了了?|我?来不了了?|我?参加不了了?|我?不去了|我?不参加了)$/u
// cancelling: only these act (from someone signed up)
const CANCEL_WORD = /^(?:我?要?取消报名了?|(?:帮|麻烦|请)我取消(?:一下)?(?:我的)?报名|退出报名|撤销报名|取消我的报名|报名取消)$/
const MINUS_ONE = /^-1$/
// withdrawing in other words: asked about, never acted on
const WITHDRAW = /^(?:我?取消|取消了|取消吧|我?不去了|我?去不了了?|我?来不了了?|我?参加不了了?|我?不参加了|我?不能参加了|我?不能去了|我?没法参加了|我?没办法参加了|我?退出|临时有事|有事去不了了?|有事来不了了?|有事参加不了了?)$/
// check-in words: a check-in inside its window
const CHECKIN_WORD = /^(?:到了|到啦|我到啦|已到场|到场了|我已到场|已到|我到了|我已到|签到了|已签到|我已签到|已到达|我已到达|到达|到)$/
// a bare 1: 扣1 / 回复1 where the notice asked for it
const ONE = /^(?:扣|回|回复|打)?1$/
// 报名张三 / 报名 读书会: a name or a title after the word
const SIGNUP_RUN_ON = /^(?:我?(?:也|要)?报名)([\p{Script=Han}A-Za-z·]{2,12})$/u
const NOT_A_NAME = /^[一了的过好要下吧啊]|[了吗呢啊吧的嘛呀哦么]$/
// why someone cannot come, as it comes with a cancellation: never a name (帮张三，取消报名 is about 张三)
const REASON = /^(?=[\p{Script=Han}]{2,10}$).*(?:有事|临时|加班|出差|生病|病了|身体|不舒服|家里|开会|冲突|值班|外地|在外|没空|没时间|急事|情况|安排|变动|抱歉|不好意思|计划有变|走不开|下次|改天)/u
const NAME_OR_TITLE = /^[\p{Script=Han}A-Za-z·]{2,12}$/u
// agreeing with someone in the chat: 同意+1, 附议+1
const AGREEING = /同意|赞同|赞成|附议|赞|支持|顶|楼上|加油|收到|好的|我也|大家|报名|参加/
// words of a sentence, not of a name or a title: +1 这个主意好 is agreement
const SENTENCE = /[这那是很太的了吧不没你他她它们么呢吗也都就还]/
// what follows 报名 when someone talks about signing up (报名已截止, 报名请接龙, 报名表), not a name or a title
const ABOUT_SIGNING_UP = /已|请|从|截止|时间|表|链接|方式|地点|费用|须知|成功|结束|入口|通道|情况|开始|接龙|满|人数|名额|信息|事项|要求|条件|流程|二维码|系统|即日/
const MEMBERISH_WORD = /报名|参加|取消|签到|\d/
// correcting an earlier reply: 刚才报错了, 写错了, 更正
const CORRECTION = /^(?:刚才|刚刚|之前|前面)?(?:我)?(?:报错了|写错了|说错了|搞错了|打错了|弄错了)$|^(?:更正|纠正|修改)(?:一下)?$/
// the party a correction gives: 是2人, 改成3人, 应该是两位
const CORRECTED_PARTY = /^(?:是|改成|改为|改|应该是|其实是|实际是|实际)(\d{1,2}|[一二两三四五六七八九十]{1,3}|俩)(?:个人|人|位|名)$/
// signing up someone unnamed: 帮我老婆报个名 (who, by name, is asked)
const PROXY_UNNAMED = new RegExp(`^(?:帮|替|给)(?:我|我家)?${RELATION}(?:也)?(?:报个名|报名|报一个|报一下名?)$`)
// 帮王芳报个名: 代报名 王芳 when 王芳 is in the room (the handler decides), else chatter
const PROXY_NAMED = /^(?:帮|替|给)([\p{Script=Han}A-Za-z·]{2,6}?)(?:也)?(?:报个名|报名|报一个|报一下名?)$/u

/** A party written onto the word without a space is a family's. */
const MAX_GLUED_PARTY = 5

/**
 * A piece with politeness or a reason written onto it, cut in two (报名谢谢 → 报名 谢谢, 临时有事取消报名 →
 * 临时有事 取消报名); any other piece as it is.
 */
function splitGlued (piece: Piece): Piece[] {
  const t = piece.text
  if (POLITE.test(t)) return [piece]
  // +1+1, 报名报名: said twice for emphasis, once
  const twice = /^(报名)\1+$/.exec(t)
  if (twice) return [{ text: twice[1] ?? '', question: piece.question }]
  // 我+1: the plus is the sender's
  const mine = /^我也?(\+\d{1,2})$/.exec(t)
  if (mine) return [{ text: mine[1] ?? '', question: piece.question }]
  const polite = POLITE_AFTER.exec(t) ?? APOLOGY_BEFORE.exec(t)
  if (polite && t.length > polite[0].length) {
    const word = polite[0]
    const rest = polite.index === 0 ? t.slice(word.length) : t.slice(0, t.length - word.length)
    return [{ text: word, question: false }, ...splitGlued({ text: rest, question: piece.question })]
  }
  // 林晓+1 / +1林晓: a name and a plus (the handler takes only one's own name, or a title)
  const named = /^([\p{Script=Han}A-Za-z·]{2,6})(\+1)$/u.exec(t) ?? /^(\+1)([\p{Script=Han}A-Za-z·]{2,6})$/u.exec(t)
  if (named && !SIGNUP_WORD.test(t) && !INTENT.test(t) && !AGREEING.test(t) && !SENTENCE.test(t)) return [{ text: named[1] ?? '', question: false }, { text: named[2] ?? '', question: piece.question }]
  // 报名+2, 报名2大1小, 一家三口报名, 两人参加: the word and the party
  const plus = /^(我?也?要?报名)(\+\d{1,2})$/.exec(t)
  if (plus) return [{ text: plus[1] ?? '', question: false }, { text: plus[2] ?? '', question: piece.question }]
  // (a family, not a crowd: 20人报名 is someone telling how many have signed up)
  const family = (words: string | undefined): boolean => (partyOf(words ?? '') ?? Infinity) <= MAX_GLUED_PARTY
  const after = /^(我?也?要?报名)(.{2,8})$/.exec(t)
  if (after && family(after[2])) return [{ text: after[1] ?? '', question: false }, { text: after[2] ?? '', question: piece.question }]
  const before = /^(.{2,8}?)(报名|参加)$/.exec(t)
  if (before && family(before[1])) return [{ text: before[1] ?? '', question: false }, { text: '报名', question: piece.question }]
  const reason = REASON_THEN.exec(t)
  if (reason && REASON.test(reason[1] ?? '')) return [{ text: reason[1] ?? '', question: false }, { text: reason[2] ?? '', question: piece.question }]
  return [piece]
}

/** A number of people in words or digits, as members write it: 3, 三, 两, 俩, 十二 (null when it is not one). */
function count (raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null
  return readCount(raw)
}

/** People in all said by one piece beside the sign-up word, or null when the piece is not a party. */
function partyOf (piece: string): number | null {
  let m: RegExpExecArray | null
  if (TWO_RELATIONS.test(piece)) return 3
  if ((m = COMPANIONS.exec(piece))) {
    // 带孩子 is one child; 带家属1人 is one more; 带 alone is nothing
    if (m[1] === undefined && !new RegExp(RELATION).test(piece)) return null
    const more = m[1] === undefined ? 1 : count(m[1])
    return more === null || more < 1 ? null : 1 + more
  }
  if ((m = FAMILY.exec(piece))) return count(m[1])
  if (COUPLE.test(piece)) return 2
  if (WITH_ONE.test(piece)) return 2
  if ((m = ADULTS_CHILDREN.exec(piece))) {
    const adults = count(m[1])
    const children = count(m[2])
    return adults === null || children === null ? null : adults + children
  }
  if ((m = ADULTS_CHILDREN_WORDS.exec(piece))) {
    const adults = count(m[1] ?? m[3])
    const children = count(m[2] ?? m[4])
    return adults === null || children === null ? null : adults + children
  }
  if ((m = PARTY_TOTAL.exec(piece))) return count(m[1])
  return null
}

/** The N of +N / 加N, or null when it is not a count (加油, +-1, 加一百 is too many to be a reply). */
function plusCount (piece: string): number | null {
  const m = PLUS.exec(piece)
  if (!m) return null
  if (m[1] === undefined) return piece === '加' ? null : 1
  if (/^\d+$/.test(m[1])) return Number(m[1])
  return readCount(m[1])
}

const act = (reply: MemberReply, reason: string, need?: Need): Reading => need ? { outcome: 'act', reply, need, reason } : { outcome: 'act', reply, reason }
const chatter = (reason: string): Reading => ({ outcome: 'chatter', reason })

/** The strict forms (报名 4 3人, 取消报名 2, 签到, 代报名 张三, 我的报名), or null. */
function strictReading (text: string): Reading | null {
  const strict = parseMemberReply(text)
  if (!strict) return null
  // a -1 from someone not signed up is disagreement (the handler stays quiet); 取消报名 from them is answered
  if (strict.kind === 'cancel') return act(strict, strict.bare ? '-1' : 'cancel word', strict.bare ? 'signed-up' : undefined)
  if (strict.kind === 'proxy' && strict.runOn) return act(strict, '代报名 and a name', 'member-or-title')
  return act(strict, `${strict.kind} as written`)
}

/**
 * What a member's message in a room means. Never throws; the same for every way of writing the same
 * text (full-width, traditional, zero-width characters, emoji variation).
 */
export function readReply (raw: string): Reading {
  const text = normalizeReply(raw)
  if (text === '') return chatter('empty')
  // the forms with an id, a count and 代报名 (报名 4 3人, 取消报名 2, 签到, 代报名 张三 李四 …, 我的报名)
  const strict = strictReading(text.replace(/([+十])\s+(\d)/g, '$1$2'))
  if (strict) return strict
  if (text.length > MAX_REPLY_TOTAL) return chatter('too long to be a reply')
  const pieces = piecesOf(text.replace(/([+十])\s+(\d)/g, '$1$2')).flatMap(splitGlued)
  if (pieces.length === 0) return chatter('emoji or punctuation only')
  // politeness and decoration are tails; what is left is the reply itself
  const core = pieces.filter(p => !POLITE.test(p.text))
  if (core.length === 0) return chatter('politeness only')
  // (会长 +1 stays as it is: a plus beside a name is also agreeing with them)
  if (core.length > 1 && VOCATIVE.test(core[0]?.text ?? '') && !PLUS.test(core[1]?.text ?? '')) core.shift()
  // a strict form with a kaomoji or a politeness around it (签到(๑•̀ㅂ•́)و✧, 取消报名 2 谢谢)
  // (never 代报名: a comma may end the names there, 代报名，张三说得对 is talk)
  const inner = core.some(p => p.question) ? null : strictReading(core.map(p => p.text).join(' '))
  if (inner?.outcome === 'act' && inner.reply.kind !== 'proxy') return inner
  const coreLength = core.reduce((n, p) => n + p.text.length, 0)

  let signup = false
  /** a sign-up word (报名) or 我和爱人, not only a plus */
  let worded = false
  let intent = false
  let people: number | null = null
  let plus: number | null = null
  let cancel = false
  let withdraw = false
  let checkin = false
  let one = false
  let word: string | null = null
  let correction = false
  let corrected: number | null = null
  let proxyUnnamed = false
  let signedUpSaid = false
  let proxyNamed: string | null = null
  let plusTwice = false
  const questions: string[] = []
  const unknown: string[] = []
  for (const p of core) {
    const t = p.text
    let party: number | null
    let n: number | null
    let m: RegExpExecArray | null
    if (p.question) {
      // a question about the reply itself (报名？ +1吗) is not a reply; one beside it (几点开始？) is asked of the group
      if (SIGNUP_WORD.test(t) || PLUS.test(t) || CANCEL_WORD.test(t) || INTENT.test(t) || MEMBERISH_WORD.test(t)) return chatter('a question about signing up')
      questions.push(t)
    } else if (SIGNUP_WORD.test(t)) {
      signup = true
      worded = true
    } else if (BARE_PLUS.test(t)) {
      signup = true
      plus ??= 1
    } else if ((n = plusCount(t)) !== null) {
      if (n < 1) return chatter('+0 is no one')
      if (plus !== null && plus !== n) return chatter('two different counts')
      signup = true
      plus = n
    } else if (PLUS.test(t)) {
      return chatter('a plus with a number that is not a count')
    } else if (INTENT.test(t)) {
      intent = true
    } else if ((m = WE_COUNT.exec(t)) && (n = count(m[1])) !== null) {
      signup = true
      worded = true
      if (people !== null && people !== n) return chatter('two different counts')
      people = n
    } else if (WITH_RELATION.test(t)) {
      signup = true
      worded = true
      if (people !== null && people !== 2) return chatter('two different counts')
      people = 2
    } else if ((party = partyOf(t)) !== null) {
      if (people !== null && people !== party) return chatter('two different counts')
      people = party
    } else if (CANCEL_WORD.test(t) || MINUS_ONE.test(t)) {
      cancel = true
    } else if (WITHDRAW.test(t)) {
      withdraw = true
    } else if (CHECKIN_WORD.test(t)) {
      checkin = true
    } else if (ONE.test(t)) {
      one = true
    } else if (CORRECTION.test(t)) {
      correction = true
    } else if ((m = CORRECTED_PARTY.exec(t)) && (n = count(m[1])) !== null) {
      corrected = n
    } else if (PROXY_UNNAMED.test(t)) {
      proxyUnnamed = true
    } else if ((m = PROXY_NAMED.exec(t)) && !/^我|取消|撤销|退出|不|别|没|签|参加|大家|各位/.test(m[1] ?? '') && !NOT_A_NAME.test(m[1] ?? '') && !SENTENCE.test(m[1] ?? '') && !new RegExp(RELATION).test(m[1] ?? '')) {
      proxyNamed = m[1] ?? null
    } else if (SIGNED_UP_SAID.test(t)) {
      signedUpSaid = true
    } else if (/^(?:\+1){2,}$/.test(t)) {
      plusTwice = true
    } else {
      m = SIGNUP_RUN_ON.exec(t)
      if (m && !NOT_A_NAME.test(m[1] ?? '') && !SENTENCE.test(m[1] ?? '') && !ABOUT_SIGNING_UP.test(m[1] ?? '')) {
        signup = true
        worded = true
        word = m[1] ?? null
      } else {
        unknown.push(t)
      }
    }
  }

  // +1+1: emphasis or two people — too unclear to act on, and groups use it as cheering: left alone
  // (the transcripts of members' mistakes expect no answer to it)
  if (plusTwice) return chatter('+1+1: cheering, or two people — not clear enough to act or to ask')
  if (signedUpSaid) {
    if (people === null || signup || intent) return chatter('saying one has signed up')
    signup = true
    worded = true
  }
  const only = !signup && !intent && !cancel && !withdraw && !checkin && !one && unknown.length === 0 && questions.length === 0
  // 刚才报错了，是2人: the party is asked about, never changed by a guess
  if (corrected !== null && people === null && !proxyUnnamed && only && coreLength <= MAX_REPLY_CORE) {
    return { outcome: 'ask', about: 'correct', reply: `报名 ${corrected}人`, need: 'one-open-activity', reason: 'a correction of the party' }
  }
  if (correction || corrected !== null) return chatter('a correction inside other talk')
  if (proxyNamed !== null) {
    if (only && people === null && corrected === null && !proxyUnnamed && !correction) return act({ kind: 'proxy', activityId: null, names: [proxyNamed], runOn: true }, '帮 a name 报名', 'member-or-title')
    return chatter('signing someone up inside other talk')
  }
  // 帮我老婆报个名: whom to sign up is asked, by name
  if (proxyUnnamed) {
    if (only && people === null) return { outcome: 'ask', about: 'proxy', reply: '代报名', need: 'one-open-activity', reason: 'signing up someone unnamed' }
    return chatter('signing up someone unnamed inside other talk')
  }
  // 我们家3个人: one's own party without a sign-up word is likely a sign-up, and asked about
  if (people !== null && only && text.includes('我') && people >= 2 && people <= MAX_GLUED_PARTY && coreLength <= MAX_REPLY_CORE) {
    return { outcome: 'ask', about: 'count', reply: `报名 ${people}人`, need: 'one-open-activity', reason: 'one\'s party without a sign-up word' }
  }
  if (people !== null && !signup && !intent) return chatter('a number of people without a sign-up word')
  const kinds = [signup || intent, cancel, withdraw && !cancel, checkin, one].filter(Boolean).length
  if (kinds === 0) return chatter('no reply word')
  if (kinds > 1 && !(cancel && withdraw)) return chatter('words of different replies')
  if (coreLength > MAX_REPLY_CORE) return chatter(`longer than ${MAX_REPLY_CORE} characters`)

  if (cancel) {
    // 临时加班，取消报名: a reason may come with it, but nothing that signs anyone up
    if (unknown.some(u => !REASON.test(u) || MEMBERISH_WORD.test(u))) return chatter('a cancel word inside other talk')
    const minusOnly = core.every(p => MINUS_ONE.test(p.text))
    return act({ kind: 'cancel', activityId: null, ...(minusOnly ? { bare: true as const } : {}) }, unknown.length > 0 ? 'cancel word with a reason' : 'cancel word', minusOnly ? 'signed-up' : undefined)
  }
  if (withdraw) {
    if (unknown.some(u => !REASON.test(u) || MEMBERISH_WORD.test(u))) return chatter('a withdrawal inside other talk')
    return { outcome: 'ask', about: 'withdraw', reply: '取消报名', need: 'signed-up', reason: 'a withdrawal in other words' }
  }
  if (checkin) {
    if (unknown.length > 0) return chatter('check-in words inside other talk')
    return act({ kind: 'checkin', activityId: null }, 'check-in words', 'checkin-window')
  }
  if (one) {
    if (unknown.length > 0) return chatter('a 1 inside other talk')
    return act({ kind: 'signup', activityId: null, people: null, bare: true }, 'a bare 1', 'notice-asks-for-1')
  }

  // +2 我和李四: oneself and someone named — two replies, asked, never guessed
  const withNamed = plus === 2 && !worded && !intent && people === null && unknown.length === 1 ? WITH_NAMED.exec(unknown[0] ?? '') : null
  if (withNamed && !new RegExp(RELATION).test(withNamed[1] ?? '') && !SENTENCE.test(withNamed[1] ?? '') && !AGREEING.test(withNamed[1] ?? '') && !NOT_A_NAME.test(withNamed[1] ?? '')) {
    return { outcome: 'ask', about: 'with', reply: `代报名 ${withNamed[1] ?? ''}`, need: 'one-open-activity', reason: '+2 and someone named' }
  }
  // a sign-up: at most one word after it that is a name or a title (报名 张三, 报名 读书会)
  const lone = unknown.length === 1 && NAME_OR_TITLE.test(unknown[0] ?? '') && !NOT_A_NAME.test(unknown[0] ?? '') && !MEMBERISH_WORD.test(unknown[0] ?? '')
  // +1 林晓 / +1 读书会: one's own name or the activity's title beside a plus (another member's name is agreement with them)
  const ownOrTitle = word === null && lone && plus === 1 && !worded && !intent && people === null && !SENTENCE.test(unknown[0] ?? '') && !AGREEING.test(unknown[0] ?? '')
  if (word === null && lone && (signup || intent) && (plus === null || ownOrTitle) && (people === null || (worded && plus === null && !intent))) {
    word = unknown.pop() ?? null
  }
  if (unknown.length > 0) return chatter('a sign-up word inside other talk')
  if (word !== null && ownOrTitle) {
    return act({ kind: 'proxy', activityId: null, names: [word], runOn: true, title: true, ownName: true }, 'a plus and one\'s own name or a title', 'member-or-title')
  }
  // 报名 读书会 2人: a title with a party (a member's name with one is chatter: the handler signs up titles only)
  if (word !== null && people !== null && plus === null && !intent && worded && people <= MAX_GLUED_PARTY) {
    return act({ kind: 'proxy', activityId: null, names: [word], runOn: true, title: true, people }, 'a sign-up word, a title and a party', 'member-or-title')
  }
  if (word !== null && (plus !== null || people !== null || intent)) return chatter('a name with a count')
  // +1 带孩子: the plus is oneself and the words say who comes along; +2 一家三口 disagree
  if (plus !== null && plus > 1 && people !== null && plus !== people) {
    return { outcome: 'ask', about: 'count', reply: `报名 ${people}人`, need: 'one-open-activity', reason: '+N and a party in words disagree' }
  }
  const total = people ?? (plus !== null && plus > 1 ? plus : null)
  if (word !== null) return act({ kind: 'proxy', activityId: null, names: [word], runOn: true, title: true }, 'a sign-up word and a name or title', 'member-or-title')
  // a +1 alone (tails aside) is also how people agree in a chat: with nothing open it stays chatter
  const bare = plus === 1 && !worded && !intent && total === null
  const reply: MemberReply = { kind: 'signup', activityId: null, people: total, ...(bare ? { bare: true as const } : {}) }
  if (!signup) return act(reply, 'intent words', 'one-open-activity')
  return act(reply, plus !== null ? `+${plus}` : 'sign-up word')
}

/**
 * The party a 接龙 line gives after its name, in all (the person named included), or null when it gives none:
 * `+1` is the person and one companion (as on a list, not as a reply), `带娃` / `带家属1人` / `2人` / `一家三口` / `2大1小`
 * as in a reply. Notes (单位, 电话, 鹿城支部) are ignored; two parties that disagree give none.
 */
export function lineParty (rest: string): number | null {
  let found: number | null = null
  for (const p of piecesOf(normalizeReply(rest))) {
    const m = /^\+(\d{1,2})$/.exec(p.text)
    const party = m ? 1 + Number(m[1]) : partyOf(p.text)
    if (party === null) continue
    if (found !== null && found !== party) return null
    found = party
  }
  return found !== null && found >= 1 && found <= MAX_LINE_PARTY ? found : null
}

/** A 接龙 line is one family or a few friends; a larger number is a note (单位 30人), not a party. */
const MAX_LINE_PARTY = 10
