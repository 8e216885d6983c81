// Numbers as Chinese people write them — 十二, 二十八, 廿六, 两, 一百二十, 二〇二七, ３０ — read in one place for every parser.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 俩: 2, 倆: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
/** 廿 and 卅 are twenty and thirty in one character, as dates write them: 廿六日, 卅日. */
const TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 }
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const MYRIAD = '万'

/** Every character a numeral can be written with, for a regular expression's character class. */
export const ZH_NUMERAL_CHARS = `${Object.keys(DIGITS).join('')}${Object.keys(TENS).join('')}${Object.keys(UNITS).join('')}${MYRIAD}`

/** A run of numeral characters or ASCII digits (after NFKC, full-width digits are ASCII). */
const RUN = new RegExp(`[0-9${ZH_NUMERAL_CHARS}]+`, 'g')

/**
 * A whole string as a number: `3`, `３０`, `十二`, `二十八`, `廿六`, `两`, `一百二十`, `一百零五`, `两千五` (2500), `二〇二七`
 * (digit by digit, as years are written). null for anything else, including `三五` (a few, not 35) and `十几`.
 */
export function readZhNumber (raw: string): number | null {
  const text = raw.normalize('NFKC').trim()
  if (/^\d+$/.test(text)) return Number(text)
  if (text === '' || [...text].some(ch => !ZH_NUMERAL_CHARS.includes(ch))) return null
  if (text in DIGITS) return DIGITS[text] ?? null // 零, 〇, 两
  return digitByDigit(text) ?? positional(text)
}

/** 二〇二七, 二零二六, 一九九八: digits without units, as years are written (two digits alone are a range: 三五个). */
function digitByDigit (text: string): number | null {
  const chars = [...text]
  if (chars.length < 2 || !chars.every(ch => ch in DIGITS)) return null
  if (chars.length < 4 && !chars.some(ch => ch === '〇' || ch === '零')) return null
  // 零五 is not a year, but 二〇 reads as 20 no better than as two numbers: leading zero or a short run is refused
  if (DIGITS[chars[0] ?? ''] === 0 || chars.length < 3) return null
  return Number(chars.map(ch => DIGITS[ch]).join(''))
}

/** 一百二十, 二十八, 十二, 廿六, 三万五千: digits with units; null when the units are out of order or doubled. */
function positional (text: string): number | null {
  let total = 0 // whole 万s already read
  let section = 0 // below 万
  let digit: number | null = null // a digit waiting for its unit
  let lastUnit = Infinity // units fall within a section: 百 after 十 is wrong
  let zero = false // 一百零五: a 零 stands for the skipped unit
  let usedTens = false
  for (const ch of text) {
    if (ch in DIGITS) {
      const value = DIGITS[ch] ?? 0
      if (value === 0) {
        if (digit !== null) return null
        zero = true
        continue
      }
      if (digit !== null) return null // 三五: two digits in a row
      digit = value
    } else if (ch in TENS) {
      if (digit !== null || lastUnit <= 10 || usedTens) return null
      section += TENS[ch] ?? 0
      lastUnit = 10
      usedTens = true
    } else if (ch in UNITS) {
      const unit = UNITS[ch] ?? 0
      if (unit >= lastUnit) return null
      // 十二 = 一十二, but 百 alone is not a number
      if (digit === null && !(unit === 10 && section === 0 && !zero)) return null
      section += (digit ?? 1) * unit
      digit = null
      lastUnit = unit
      zero = false
    } else if (ch === MYRIAD) {
      if (total > 0) return null
      total = (section + (digit ?? 0)) * 10_000
      if (total === 0) return null
      section = 0
      digit = null
      lastUnit = Infinity
      zero = false
    }
  }
  if (digit !== null) {
    // 两千五 = 2500, 一百二 = 120: a last digit without its unit is one step below the previous unit, unless a 零 stood in
    section += !zero && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit
  } else if (zero) {
    return null // 一百零: a 零 waiting for a digit
  }
  return total + section
}

export interface NumeralMatch { index: number, text: string, value: number }

/** Every run of digits or numeral characters in `text` that reads as a number, where it stands: 我们三个人 → 三 = 3. */
export function findZhNumbers (text: string): NumeralMatch[] {
  const found: NumeralMatch[] = []
  for (const match of text.matchAll(RUN)) {
    const value = readZhNumber(match[0])
    if (value !== null) found.push({ index: match.index, text: match[0], value })
  }
  return found
}

/**
 * `text` with the numerals that `accept` keeps written in digits (all of them by default): 十二月廿六日 → 12月26日.
 * `accept` sees each match and the whole text, so a caller converts only numerals followed by its units.
 */
export function zhNumeralsToDigits (text: string, accept: (match: NumeralMatch, text: string) => boolean = () => true): string {
  let out = ''
  let at = 0
  for (const match of findZhNumbers(text)) {
    if (/^\d+$/.test(match.text) || !accept(match, text)) continue
    out += text.slice(at, match.index) + String(match.value)
    at = match.index + match.text.length
  }
  return out + text.slice(at)
}
