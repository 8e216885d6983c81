// Splitting long text for WeChat: parts under a limit, cut on line boundaries where possible.

export const MESSAGE_LIMIT = 1500

/** Where a long line may be cut: after a sentence, a clause, a name in a list (、) or a space. */
function cutPoint (window: string, limit: number): number {
  const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('，'), window.lastIndexOf('、'), window.lastIndexOf(' '))
  let at = cut > window.length * 0.6 ? cut + 1 : Math.min(limit, window.length)
  // never cut an emoji (a surrogate pair) in half
  if (/[\uD800-\uDBFF]/.test(window.charAt(at - 1))) at -= 1
  return at
}

/**
 * Parts of at most `limit` characters, each made of whole lines; a single line longer than the
 * limit is cut (after a sentence, a clause or a listed name when there is one near the limit),
 * its first piece filling what is left of the part before, so a heading never goes out alone.
 */
export function splitText (text: string, limit = MESSAGE_LIMIT): string[] {
  if (limit < 1) throw new Error('limit must be positive')
  if (text.length <= limit) return [text]
  const parts: string[] = []
  let current = ''
  const flush = (): void => {
    if (current.trim()) parts.push(current.replace(/\n+$/, ''))
    current = ''
  }
  for (const line of text.split('\n')) {
    const piece = current ? `\n${line}` : line
    if (current.length + piece.length <= limit) {
      current += piece
      continue
    }
    let rest = line
    // a line too long for any part starts in the room left in this one, when that is worth it
    const room = limit - current.length - 1
    if (line.length > limit && current && room > limit * 0.3) {
      const at = cutPoint(line.slice(0, room), room)
      current += `\n${line.slice(0, at)}`
      rest = line.slice(at)
    }
    flush()
    while (rest.length > limit) {
      const at = cutPoint(rest.slice(0, limit), limit)
      parts.push(rest.slice(0, at))
      rest = rest.slice(at)
    }
    current = rest
  }
  flush()
  return parts.length > 0 ? parts : [text.slice(0, limit)]
}
