// Message normalisation before any parsing. Two layers with the same length, so an index found in
// one is valid in the other: `cleanText` (zero-width characters dropped, odd spaces made plain,
// runs of spaces collapsed, lines trimmed) keeps what people wrote for titles and names;
// `normalizeText` also folds full-width letters, digits and punctuation to half-width for parsing.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
// U+2005 is WeChat's separator after an @mention; the others are spaces people paste in.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** ＡＢＣ１２３：；，（） → ABC123:;,() (the U+FF01–FF5E block). One code unit for one. */
export function toHalfWidth (text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
}

export function cleanText (text: string): string {
  return text.replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(line => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

export function normalizeText (text: string): string {
  return toHalfWidth(cleanText(text))
}

/**
 * A leading activity id (`4`, `#4`, `＃４`) and what follows it, as written. null id when the
 * text does not start with one.
 */
export function splitLeadingId (text: string): { id: number | null, rest: string } {
  const m = /^#?\s*(\d+)(?=\s|$|[^\d])\s*/.exec(toHalfWidth(text))
  if (!m) return { id: null, rest: text.trim() }
  return { id: Number(m[1]), rest: text.slice(m[0].length).trim() }
}
