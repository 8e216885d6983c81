// Messages are handled in the order the puppet delivered them. Wechaty looks each one up
// asynchronously, so in a burst they reach the plugin out of order — and the waitlist is first
// come, first served. Each delivery gets a number on arrival; its handling waits for everything
// numbered before it (a delivery that never reaches the plugin is skipped after `stallMs`).

export class ArrivalOrder {
  private last = 0
  private next = 1
  private readonly numbers = new Map<string, number[]>()
  private readonly ready = new Map<number, () => void>()
  private stallTimer: NodeJS.Timeout | undefined

  constructor (private readonly stallMs = 2000, private readonly onError: (err: unknown) => void = () => {}) {}

  /** The puppet delivered message `id` (a duplicate delivery is a new arrival). */
  arrived (id: string): void {
    const list = this.numbers.get(id)
    if (list) list.push(++this.last)
    else this.numbers.set(id, [++this.last])
  }

  /**
   * The handling of `id` is ready to run: `run` is called once everything that arrived before it
   * has run (at once for a message that was never numbered). Call it exactly once per delivery,
   * with a no-op when there is nothing to do.
   */
  done (id: string, run: () => void): void {
    const list = this.numbers.get(id)
    const n = list?.shift()
    if (list && list.length === 0) this.numbers.delete(id)
    if (n === undefined || n < this.next) {
      this.safely(run)
      return
    }
    this.ready.set(n, run)
    this.drain()
  }

  /** How many handlings wait for an earlier one. */
  get waiting (): number {
    return this.ready.size
  }

  private drain (): void {
    for (let run = this.ready.get(this.next); run; run = this.ready.get(this.next)) {
      this.ready.delete(this.next)
      this.next++
      this.safely(run)
    }
    if (this.stallTimer) clearTimeout(this.stallTimer)
    this.stallTimer = undefined
    if (this.ready.size > 0) {
      // an earlier delivery never reached us (the puppet could not load it): go on without it
      this.stallTimer = setTimeout(() => {
        this.next = Math.min(...this.ready.keys())
        this.drain()
      }, this.stallMs)
      this.stallTimer.unref()
    }
  }

  private safely (run: () => void): void {
    try {
      run()
    } catch (err) {
      this.onError(err)
    }
  }
}
