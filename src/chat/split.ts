// Splitting long text for WeChat: parts under a limit, cut on line boundaries where possible.

export const MESSAGE_LIMIT = 1500

/**
 * Parts of at most `limit` characters, each made of whole lines; a single line longer than the
 * limit is cut (at a sentence end when there is one near the limit).
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
    flush()
    let rest = line
    while (rest.length > limit) {
      const window = rest.slice(0, limit)
      const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('，'), window.lastIndexOf(' '))
      let at = cut > limit * 0.6 ? cut + 1 : limit
      // never cut an emoji (a surrogate pair) in half
      if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1
      parts.push(rest.slice(0, at))
      rest = rest.slice(at)
    }
    current = rest
  }
  flush()
  return parts.length > 0 ? parts : [text.slice(0, limit)]
}
