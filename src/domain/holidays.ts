// Chinese holidays as organisers name them in notices (元宵节晚上7点, 中秋节联谊, 国庆节上午9点), as calendar dates.
// The lunar ones (and 清明, a solar term) move every year: their dates for 2025–2036 were computed with the
// lunar-javascript library (the holidays table in test/time-phrase.test.ts spot-checks them); later years are
// refused rather than guessed.
import { readZhNumber } from './zh-numerals.js'
import { addDays, type WallTime } from './zoned-time.js'

/** The festivals whose date moves, in the order of each year's row below. */
const MOVING = ['除夕', '春节', '元宵', '清明', '端午', '七夕', '中秋', '重阳'] as const
type Moving = (typeof MOVING)[number]

/** Per year, the MM-DD of each MOVING festival in that order. */
const MOVING_DATES: Record<number, readonly string[]> = {
  2025: ['01-28', '01-29', '02-12', '04-04', '05-31', '08-29', '10-06', '10-29'],
  2026: ['02-16', '02-17', '03-03', '04-05', '06-19', '08-19', '09-25', '10-18'],
  2027: ['02-05', '02-06', '02-20', '04-05', '06-09', '08-08', '09-15', '10-08'],
  2028: ['01-25', '01-26', '02-09', '04-04', '05-28', '08-26', '10-03', '10-26'],
  2029: ['02-12', '02-13', '02-27', '04-04', '06-16', '08-16', '09-22', '10-16'],
  2030: ['02-02', '02-03', '02-17', '04-05', '06-05', '08-05', '09-12', '10-05'],
  2031: ['01-22', '01-23', '02-06', '04-05', '06-24', '08-24', '10-01', '10-24'],
  2032: ['02-10', '02-11', '02-25', '04-04', '06-12', '08-12', '09-19', '10-12'],
  2033: ['01-30', '01-31', '02-14', '04-04', '06-01', '08-01', '09-08', '10-01'],
  2034: ['02-18', '02-19', '03-05', '04-05', '06-20', '08-20', '09-27', '10-20'],
  2035: ['02-07', '02-08', '02-22', '04-05', '06-10', '08-10', '09-16', '10-09'],
  2036: ['01-27', '01-28', '02-11', '04-04', '05-30', '08-28', '10-04', '10-27'],
}

/** Holidays on the same date every year, as month and day. */
const FIXED: Record<string, readonly [number, number]> = {
  国庆: [10, 1], 劳动节: [5, 1], 五一: [5, 1], 儿童节: [6, 1], 六一: [6, 1], 妇女节: [3, 8], 三八: [3, 8],
  建军节: [8, 1], 八一: [8, 1], 教师节: [9, 10], 圣诞: [12, 25],
  五一劳动节: [5, 1], 六一儿童节: [6, 1], 三八妇女节: [3, 8], 八一建军节: [8, 1],
}

const ALIASES: Record<string, Moving> = {
  大年三十: '除夕', 年三十: '除夕', 大年初一: '春节', 正月初一: '春节', 春节: '春节', 除夕: '除夕', 元宵: '元宵', 正月十五: '元宵',
  清明: '清明', 端午: '端午', 七夕: '七夕', 中秋: '中秋', 重阳: '重阳',
}

type CalendarDay = Pick<WallTime, 'year' | 'month' | 'day'>

/** Days in order: 2027-02-06 is 20270206. */
const dayNumber = (d: CalendarDay): number => d.year * 10_000 + d.month * 100 + d.day

/**
 * The holiday a word names, on or after `today`: a fixed one as month and day (the year follows as for any date), a
 * moving one as a full date. `正月初八` counts from 春节. null when the word is no holiday, or its date is beyond the table.
 */
export function holidayDate (word: string, today: CalendarDay, year?: number): { month: number, day: number, year?: number } | null {
  const name = word.replace(/节$/, '')
  const fixed = FIXED[name] ?? FIXED[word]
  if (fixed) return { month: fixed[0], day: fixed[1], ...(year ? { year } : {}) }
  const firstMonth = /^(?:正月|大年)初([一二三四五六七八九十])$/.exec(word)
  const moving = firstMonth ? '春节' : ALIASES[name] ?? ALIASES[word]
  if (!moving) return null
  const after = firstMonth ? (readZhNumber(firstMonth[1] ?? '') ?? 1) - 1 : 0
  // 2027年中秋节: that year's; else the next one on or after today
  for (const y of year ? [year] : [today.year, today.year + 1]) {
    const mmdd = MOVING_DATES[y]?.[MOVING.indexOf(moving)]
    if (!mmdd) return null
    const [month, day] = mmdd.split('-').map(Number) as [number, number]
    const found = addDays({ year: y, month, day }, after)
    if (year || dayNumber(found) >= dayNumber(today)) return found
  }
  return null
}

/** The words holidayDate reads, longest first, for a pattern. */
export const HOLIDAY_WORDS = [
  ...Object.keys(ALIASES), ...Object.keys(FIXED),
].sort((a, b) => b.length - a.length)
