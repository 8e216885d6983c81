// Reading durations people and config files write: `24h,1h`, `1天,2小时`, `30分钟`, `90s`.
import { readZhNumber, ZH_NUMERAL_CHARS } from './zh-numerals.js'

const UNITS: Array<[RegExp, number]> = [
  [/^(d|day|days|天|日)$/, 24 * 60 * 60_000],
  [/^(h|hr|hrs|hour|hours|小时|个小时|钟头|个钟头|时)$/, 60 * 60_000],
  [/^(m|min|mins|minute|minutes|分钟|分)$/, 60_000],
  [/^(s|sec|secs|second|seconds|秒|秒钟)$/, 1000],
  [/^(ms)$/, 1],
]

/** 24, 1.5, 二十四, 两, 半 → number; null when it is not a number. */
function readAmount (raw: string): number | null {
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw)
  if (raw === '半') return 0.5
  // 一个半 (小时), 两个半: a whole number and a half
  const andHalf = /^(.+?)个?半$/.exec(raw)
  if (andHalf) {
    const whole = readZhNumber(andHalf[1] ?? '')
    return whole === null ? null : whole + 0.5
  }
  return readZhNumber(raw)
}

/** One duration, e.g. `24h`, `1天`, `2小时`, `30分钟`, `半小时`, `一个半小时`; null when unreadable or not positive. */
export function parseDuration (text: string): number | null {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '')
  if (t === '半小时' || t === '半个小时') return 30 * 60_000
  const m = new RegExp(`^([\\d.]+|[${ZH_NUMERAL_CHARS}]+(?:个?半)?|半)(.+)$`).exec(t)
  if (!m) return null
  const amount = readAmount(m[1] as string)
  if (amount === null || !Number.isFinite(amount) || amount <= 0) return null
  for (const [re, ms] of UNITS) {
    if (re.test(m[2] as string)) return Math.round(amount * ms)
  }
  return null
}

/**
 * A list of reminder offsets: `24h,1h`, `1天,2小时`, `1天、1小时`. `无`/`不提醒`/`none` = [] (no
 * reminders). Returned longest first, without duplicates. null when any item is unreadable.
 */
export function parseOffsets (text: string): number[] | null {
  const t = text.trim()
  if (/^(无|不提醒|不需要|none|off|0)$/i.test(t)) return []
  const items = t.split(/[,，、;；\s]+/).filter(Boolean)
  if (items.length === 0) return null
  const out: number[] = []
  for (const item of items) {
    const ms = parseDuration(item)
    if (ms === null) return null
    if (!out.includes(ms)) out.push(ms)
  }
  return out.sort((a, b) => b - a)
}

/** 1天, 2小时, 30分钟 — how an offset reads in a reply. */
export function formatOffsetZh (ms: number): string {
  const min = Math.round(ms / 60_000)
  if (min % (24 * 60) === 0) return `${min / (24 * 60)}天`
  if (min % 60 === 0) return `${min / 60}小时`
  if (min >= 60) return `${Math.floor(min / 60)}小时${min % 60}分钟`
  return `${min}分钟`
}
