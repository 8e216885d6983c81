// Wall-clock time in a named IANA zone, independent of the machine's TZ: the one place instants
// (epoch ms) become dates people read, and dates people write become instants.

export interface WallTime {
  year: number
  month: number // 1–12
  day: number
  hour: number
  minute: number
  second: number
}

export interface ZonedWallTime extends WallTime {
  /** ISO weekday: Monday = 1 … Sunday = 7 */
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter (timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone (timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall-clock reading of an instant, asked of Intl (slow: see offsetMinutes for the cache). */
function intlWall (epochMs: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs))
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find(p => p.type === type)?.value ?? 0)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  }
}

function intlOffset (epochMs: number, timeZone: string): number {
  const w = intlWall(epochMs, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000)
}

// Offsets change at most a few times a year, on whole minutes. A UTC day whose two ends have
// the same offset has it throughout (nobody changes and changes back within a day); a day with a
// change is cached minute by minute. So a month of times costs a few dozen Intl look-ups instead
// of one each.
const DAY = 24 * 3600_000
const MINUTE = 60_000
const offsetCache = new Map<string, Map<number, number>>()

function cachedOffset (zone: Map<number, number>, key: number, at: number, timeZone: string): number {
  let offset = zone.get(key)
  if (offset === undefined) {
    offset = intlOffset(at, timeZone)
    if (zone.size >= 200_000) zone.clear()
    zone.set(key, offset)
  }
  return offset
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function offsetMinutes (epochMs: number, timeZone: string): number {
  if (epochMs < 0) return intlOffset(epochMs, timeZone)
  let zone = offsetCache.get(timeZone)
  if (!zone) {
    formatter(timeZone) // throws for an unknown zone
    zone = new Map()
    offsetCache.set(timeZone, zone)
  }
  // day keys are day numbers; minute keys are negative, so the two never meet
  const day = Math.floor(epochMs / DAY)
  const atStart = cachedOffset(zone, day, day * DAY, timeZone)
  const atEnd = cachedOffset(zone, day + 1, (day + 1) * DAY, timeZone)
  if (atStart === atEnd) return atStart
  const minute = Math.floor(epochMs / MINUTE)
  return cachedOffset(zone, -1 - minute, minute * MINUTE, timeZone)
}

/** The wall-clock reading of an instant in a zone. */
export function toWall (epochMs: number, timeZone: string): ZonedWallTime {
  const d = new Date(epochMs + offsetMinutes(epochMs, timeZone) * 60_000)
  const wall = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
  return { ...wall, weekday: weekdayOf(wall) }
}

/** ISO weekday (Monday = 1) of a calendar date. */
export function weekdayOf (date: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  return d === 0 ? 7 : d
}

/** The instant at which the zone's clocks read this wall time (the earlier one in a DST overlap). */
export function fromWall (wall: Partial<WallTime> & Pick<WallTime, 'year' | 'month' | 'day'>, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0)
  let guess = asUtc - offsetMinutes(asUtc, timeZone) * 60_000
  // A second pass settles instants near an offset change.
  guess = asUtc - offsetMinutes(guess, timeZone) * 60_000
  return guess
}

/** Calendar arithmetic on dates (no zone involved): the date `days` after this one. */
export function addDays<T extends Pick<WallTime, 'year' | 'month' | 'day'>> (date: T, days: number): T {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { ...date, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** Number of days in a month (month 1–12). */
export function daysInMonth (year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Start of the calendar day containing the instant, in the zone. */
export function startOfDay (epochMs: number, timeZone: string): number {
  const w = toWall(epochMs, timeZone)
  return fromWall({ year: w.year, month: w.month, day: w.day }, timeZone)
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))

/** Year, month, day of a day number (days since 1970-01-01), without a Date (Hinnant's civil_from_days). */
function civilFromDays (days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

/** ISO 8601 with the zone's offset, to the second: 2026-11-07T14:00:00+08:00 (reports write thousands). */
export function formatIso (epochMs: number, timeZone: string): string {
  const off = offsetMinutes(epochMs, timeZone)
  const local = Math.floor(epochMs / 1000) + off * 60
  const days = Math.floor(local / 86400)
  const secs = local - days * 86400
  const [y, m, d] = civilFromDays(days)
  const abs = Math.abs(off)
  const two = (n: number): string => TWO_DIGITS[n] as string
  return `${y}-${two(m)}-${two(d)}T${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}${off < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
}

/** YYYY-MM-DD of the instant in the zone. */
export function formatDate (epochMs: number, timeZone: string): string {
  const w = toWall(epochMs, timeZone)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** HH:mm, zero-padded, 24-hour. */
export function formatClock (wall: Pick<WallTime, 'hour' | 'minute'>): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`
}

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 周一 … 周日 for an ISO weekday. */
export function weekdayZh (weekday: number): string {
  return WEEKDAY_ZH[weekday] ?? ''
}

/** 11月28日(周六) 14:00 — the way every reply shows a time. */
export function formatDateTimeZh (epochMs: number, timeZone: string): string {
  const w = toWall(epochMs, timeZone)
  return `${w.month}月${w.day}日(${weekdayZh(w.weekday)}) ${formatClock(w)}`
}

/** 11月28日(周六) 14:00–16:00, or with the end's date when it ends on another day. */
export function formatSpanZh (startMs: number, endMs: number | null, timeZone: string): string {
  const start = formatDateTimeZh(startMs, timeZone)
  if (endMs === null) return start
  const s = toWall(startMs, timeZone)
  const e = toWall(endMs, timeZone)
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day
  return sameDay ? `${start}–${formatClock(e)}` : `${start} 至 ${formatDateTimeZh(endMs, timeZone)}`
}

/** The month before the one containing `now`, as YYYY-MM in the zone. */
export function previousMonth (now: number, timeZone: string): string {
  const w = toWall(now, timeZone)
  const firstOfThisMonth = fromWall({ year: w.year, month: w.month, day: 1 }, timeZone)
  const prev = toWall(firstOfThisMonth - 1, timeZone)
  return `${prev.year}-${String(prev.month).padStart(2, '0')}`
}

/** The month containing `now`, as YYYY-MM in the zone. */
export function currentMonth (now: number, timeZone: string): string {
  const w = toWall(now, timeZone)
  return `${w.year}-${String(w.month).padStart(2, '0')}`
}
