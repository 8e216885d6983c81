// Reading a #接龙 list as WeChat members copy and extend it: header lines naming the activity,
// then numbered lines (`1. 名字 其他`, `2、名字`, `3 名字`) whose first word is a name, and whose
// other words may give the party (`2. 王五 带娃` two people, `3. 李四 +1` a member and one companion).
import { lineParty } from './reply-reader.js'

export interface JielongList {
  /** `#4` in the header, if given */
  activityId: number | null
  /** the header lines (before the list) without the #id, to match an activity by title */
  header: string[]
  /** first word of each numbered line, in list order, without repeats */
  names: string[]
  /** how many numbered lines the list has */
  lines: number
  /** people in all for the names whose line gives a party (带娃, +1, 2人); a name not here is one person */
  parties: Record<string, number>
}

const FIRST_LINE = /^[#/]接龙\s*/
const NUMBERED = /^(\d{1,4})\s*(?:[.、,:)．]\s*|\s+)(.*)$/
const HEADER_ID = /#(\d{1,9})(?!\d)/

/** The first word of a line, up to a space or what people write after a name: 丁老师(瓯海区), 马律师,2人, 吕主播+1. */
function firstName (line: string): string {
  return line.trim().replace(/^@/, '').split(/[\s,，、;；:：()（）[\]【】+＋/|]/)[0] ?? ''
}

/**
 * Whether a numbered line is the first entry: `1.` is. A list with no `1.` (copied from its 3rd line, or
 * renumbered) starts at a line whose next line carries the next number, so a header line such as
 * `12.5 下午3点` or `2 位嘉宾分享` is never entry 12 or 2.
 */
function startsList (m: RegExpExecArray, rest: readonly string[], hasFirst: boolean): boolean {
  if (Number(m[1]) === 1) return true
  if (hasFirst || /^\d/.test((m[2] ?? '').trim()) || !firstName(m[2] ?? '')) return false
  const next = rest.find(l => l.trim() !== '')
  const n = next === undefined ? null : NUMBERED.exec(next.trim())
  return n !== null && Number(n[1]) === Number(m[1]) + 1
}

/** True when the text is a 接龙 list (first line `#接龙`). */
export function isJielong (text: string): boolean {
  return FIRST_LINE.test(text)
}

/** The list, or null when the text is not a 接龙. */
export function parseJielong (text: string): JielongList | null {
  if (!isJielong(text)) return null
  const lines = text.split('\n')
  const headerLines: string[] = [(lines[0] ?? '').replace(FIRST_LINE, '')]
  const names: string[] = []
  const parties: Record<string, number> = {}
  let numbered = 0
  const body = lines.slice(1)
  const hasFirst = body.some(line => NUMBERED.exec(line.trim())?.[1] === '1')
  body.forEach((line, i) => {
    const m = NUMBERED.exec(line.trim())
    if (!m || (numbered === 0 && !startsList(m, body.slice(i + 1), hasFirst))) {
      if (numbered === 0) headerLines.push(line)
      return
    }
    numbered++
    const entry = (m[2] ?? '').trim().replace(/^@/, '')
    const name = firstName(entry)
    if (name && !names.includes(name)) {
      names.push(name)
      const party = lineParty(entry.slice(name.length))
      if (party !== null && party > 1) parties[name] = party
    }
  })
  const id = HEADER_ID.exec(headerLines.join(' '))
  return {
    activityId: id ? Number(id[1]) : null,
    header: headerLines.map(l => l.replace(HEADER_ID, '').trim()).filter(Boolean),
    names,
    lines: numbered,
    parties,
  }
}

/**
 * How well the header names this title, 0 when it does not (one contains the other, ignoring spaces and punctuation).
 * A header line that is the title beats one that contains it, which beats one that is part of it; among those, the
 * longer the title named, the better: 同心大讲堂（第二期）报名 names 同心大讲堂（第二期）, not 同心大讲堂.
 */
export function titleMatch (header: readonly string[], title: string): number {
  const squash = (s: string): string => s.replace(/[\s\p{P}\p{S}]/gu, '')
  const t = squash(title)
  if (t.length < 2) return 0
  return Math.max(0, ...header.map(line => {
    const h = squash(line)
    if (h.length < 2) return 0
    if (h === t) return 3_000_000
    if (h.includes(t)) return 2_000_000 + t.length
    return t.includes(h) ? 1_000_000 + h.length : 0
  }))
}
