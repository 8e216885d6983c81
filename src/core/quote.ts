// A quote-reply as the puppets deliver it — 「name：quoted text」, a separator line, then what was
// written — split into the quoted message (its text and the activity of a quoted card) and the body.

export interface Quote {
  /** what was quoted, as written, without the 「name： wrapper */
  text: string
  /** who wrote the quoted message, as the puppet names them ('' when it gives no name) */
  author: string
  /** the activity id of a quoted card (its 【活动 #id】 marker), if any */
  activityId: number | null
}

export interface QuoteSplit {
  quote: Quote
  /** where what the member wrote under the quote starts in the text */
  bodyStart: number
}

// 「新联小助手:【活动 #4】同心大讲堂…」\n- - - - - - - - - - - - - - -\n报名
// dashes as the puppets draw them: - - -, — — —, ———, －－－
const SEPARATOR_LINE = /^[ \t]*(?:[-‐‑–—―−－─][ \t]*){3,}$/
const CARD_MARKER = /【活动\s*#(\d+)】/
// the quoted message starts with its author's name: 「林律师：… or 「林律师: …
const AUTHOR = /^([^\n:：「」]{1,40})[:：]\s*/

/**
 * The quote and where the reply starts; null when the text is not a quote-reply. The reply follows
 * the last separator line that comes right after the closing 」 (read line by line: one pattern
 * over the whole text would backtrack quadratically on long messages). Positions are the same in
 * the written and the half-width layer (see normalize.ts), so `text` may be either.
 */
export function splitQuote (text: string, written = text): QuoteSplit | null {
  if (!text.startsWith('「')) return null
  let quoteEnd = -1
  let bodyStart = -1
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart)
    if (newline < 0) break
    const next = text.indexOf('\n', newline + 1)
    const line = text.slice(newline + 1, next < 0 ? text.length : next)
    // a separator line, followed by a newline, after text that ends with 」
    if (next >= 0 && SEPARATOR_LINE.test(line)) {
      const before = text.slice(0, newline).trimEnd()
      if (before.endsWith('」') && before.length > 1) {
        quoteEnd = before.length - 1
        bodyStart = next + 1
      }
    }
    lineStart = newline + 1
  }
  if (bodyStart < 0) return null
  const inner = written.slice(1, quoteEnd)
  const author = AUTHOR.exec(inner)
  const marker = CARD_MARKER.exec(text.slice(1, quoteEnd))
  return {
    quote: {
      text: (author ? inner.slice(author[0].length) : inner).trim(),
      author: author?.[1]?.trim() ?? '',
      activityId: marker ? Number(marker[1]) : null,
    },
    bodyStart,
  }
}
