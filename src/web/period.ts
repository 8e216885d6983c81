// The period of a page's `?period=`: a month (2026-11), a quarter (2026Q4) or a year (2026); anything
// else is refused before any figure is read. Also the periods the picker offers and the chart's months.
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../domain/periods.js'
import { currentMonth } from '../domain/zoned-time.js'

export interface PagePeriod extends Period {
  /** as written in a URL: 2026-11, 2026Q4, 2026 */
  key: string
  kind: 'month' | 'quarter' | 'year'
  /** YYYY-MM of its last month (the chart ends there) */
  lastMonth: string
}

const FIRST_YEAR = 2000
const LAST_YEAR = 2100

export function readPagePeriod (text: string | undefined, now: number, timeZone: string): PagePeriod | null {
  if (text === undefined || text === '') return monthOf(currentMonth(now, timeZone), timeZone)
  if (text.length > 7) return null
  let m = /^(\d{4})-(\d{2})$/.exec(text)
  if (m) return inYears(m[1]) ? monthOf(text, timeZone) : null
  m = /^(\d{4})[Qq]([1-4])$/.exec(text)
  if (m && inYears(m[1])) {
    const q = Number(m[2])
    const quarter = quarterPeriod(Number(m[1]), q, timeZone)
    return quarter ? { ...quarter, key: `${m[1]}Q${q}`, kind: 'quarter', lastMonth: `${m[1]}-${pad(q * 3)}` } : null
  }
  m = /^(\d{4})$/.exec(text)
  const year = m?.[1]
  const whole = year && inYears(year) ? yearPeriod(Number(year), timeZone) : null
  return whole && year ? { ...whole, key: year, kind: 'year', lastMonth: `${year}-12` } : null
}

function inYears (year: string | undefined): boolean {
  const y = Number(year)
  return y >= FIRST_YEAR && y <= LAST_YEAR
}

const pad = (n: number): string => String(n).padStart(2, '0')

function monthOf (key: string, timeZone: string): PagePeriod | null {
  const p = monthPeriod(key, timeZone)
  return p ? { ...p, key, kind: 'month', lastMonth: key } : null
}

/** YYYY-MM `n` months after (before, when negative) `month`. */
export function shiftMonth (month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`
}

/** The twelve months up to and including `lastMonth`, oldest first. */
export function twelveMonths (lastMonth: string): string[] {
  return Array.from({ length: 12 }, (_, i) => shiftMonth(lastMonth, i - 11))
}

export type PickerChoices = Array<{ group: string, options: Array<{ key: string, label: string }> }>

/** What the picker offers around now: the last 24 months, the last 8 quarters, the last 4 years. */
export function pickerChoices (now: number, timeZone: string): PickerChoices {
  const month = currentMonth(now, timeZone)
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const months = Array.from({ length: 24 }, (_, i) => shiftMonth(month, -i)).map(k => ({ key: k, label: `${k.slice(0, 4)}年${Number(k.slice(5))}月` }))
  const quarters: Array<{ key: string, label: string }> = []
  for (let i = 0, y = year, q = Math.floor((mon - 1) / 3) + 1; i < 8; i++) {
    quarters.push({ key: `${y}Q${q}`, label: `${y}年第${'一二三四'[q - 1]}季度` })
    if (--q === 0) { q = 4; y-- }
  }
  const years = Array.from({ length: 4 }, (_, i) => ({ key: String(year - i), label: `${year - i}年全年` }))
  return [{ group: '按月', options: months }, { group: '按季度', options: quarters }, { group: '按年', options: years }]
}
