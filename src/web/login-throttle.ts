// Wrong login links from one address are slowed down: each is answered after a pause, and after
// a few within the window the address is refused until the window has passed.

export interface ThrottleOptions {
  /** wrong tries allowed in a window before the address is refused */
  maxFailures: number
  windowMs: number
  /** the pause before answering a wrong try, times the tries so far (capped at 5 s) */
  delayMs: number
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, delayMs: 400 }

/** At most this many addresses are remembered (a flood from many addresses cannot grow the map without end). */
const MAX_ADDRESSES = 10_000

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number, since: number }>()

  constructor (private readonly opts: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** ms until the address may try again; 0 when it may now. */
  blockedFor (address: string, now: number): number {
    const f = this.failures.get(address)
    if (!f) return 0
    if (now - f.since >= this.opts.windowMs) {
      this.failures.delete(address)
      return 0
    }
    return f.count >= this.opts.maxFailures ? f.since + this.opts.windowMs - now : 0
  }

  /** Records a wrong try; returns how long to pause before answering it. */
  fail (address: string, now: number): number {
    let f = this.failures.get(address)
    if (!f || now - f.since >= this.opts.windowMs) {
      if (this.failures.size >= MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value as string)
      f = { count: 0, since: now }
      this.failures.set(address, f)
    }
    f.count++
    return Math.min(this.opts.delayMs * f.count, 5000)
  }
}
