// Text normalisation before any reading (pure, used by every reader). Two layers with the same length, so an index found in
// one is valid in the other: `cleanText` (zero-width characters dropped, odd spaces made plain,
// runs of spaces collapsed, lines trimmed) keeps what people wrote for titles and names;
// `normalizeText` also folds full-width letters, digits and punctuation to half-width for parsing.

// zero-width characters, and the direction controls that would turn a WeChat line round when echoed back
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]/g
// control characters (not tab or newline) and halves of a surrogate pair without the other half: nothing a
// person typed, and stored they would come back as garbage in cards, reminders and the 台账
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// U+2005 is WeChat's separator after an @mention; the others are spaces people paste in.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** ＡＢＣ１２３：；，（） → ABC123:;,() (the U+FF01–FF5E block). One code unit for one. */
export function toHalfWidth (text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
}

/** How a typed name is compared with people's names: full-width folded, Latin letters in any case (Lily, lily, ＬＩＬＹ). */
export function nameKey (name: string): string {
  return toHalfWidth(name).toLowerCase()
}

/** Leading and trailing newlines dropped, in linear time (`/\n+$/` is quadratic on a run of newlines mid-text). */
function trimNewlines (text: string): string {
  let start = 0
  let end = text.length
  while (start < end && text.charCodeAt(start) === 10) start++
  while (end > start && text.charCodeAt(end - 1) === 10) end--
  return text.slice(start, end)
}

export function cleanText (text: string): string {
  const joined = text.replace(ZERO_WIDTH, '').replace(CONTROL, '')
    .replace(ODD_SPACES, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(line => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
  return trimNewlines(joined)
}

export function normalizeText (text: string): string {
  return toHalfWidth(cleanText(text))
}

/**
 * A leading activity id (`4`, `#4`, `＃４`) and what follows it, as written. null id when the
 * text does not start with one.
 */
export function splitLeadingId (text: string): { id: number | null, rest: string } {
  const m = /^#?\s*(\d{1,9})(?=\s|$|[^\d])\s*/.exec(toHalfWidth(text))
  if (!m) return { id: null, rest: text.trim() }
  return { id: Number(m[1]), rest: text.slice(m[0].length).trim() }
}
