// Messages are handled in the order the puppet delivered them. Wechaty looks each one up
// asynchronously, so in a burst they reach the plugin out of order — and the waitlist is first
// come, first served. Each delivery gets a number on arrival; its handling waits for everything
// numbered before it (a delivery that never reaches the plugin is skipped after `stallMs`).
//
// A handling may return a promise (the command path over an asynchronous database such as
// PostgreSQL): then nothing else runs until it settles, so messages are still handled one at a
// time, in arrival order. Over SQLite every handling is synchronous and runs at once.

/** One handling: synchronous (whatever it returns), or a promise that the next handling waits for. */
export type Handling = () => unknown

export class ArrivalOrder {
  private last = 0
  private next = 1
  private readonly numbers = new Map<string, number[]>()
  private readonly ready = new Map<number, Handling>()
  /** handlings with no earlier delivery to wait for, in the order they became ready */
  private readonly due: Handling[] = []
  /** an asynchronous handling is under way */
  private running = false
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
   * has run (at once for a message that was never numbered, unless an asynchronous handling is
   * under way). Call it exactly once per delivery, with a no-op when there is nothing to do.
   */
  done (id: string, run: Handling): void {
    const list = this.numbers.get(id)
    const n = list?.shift()
    if (list && list.length === 0) this.numbers.delete(id)
    if (n === undefined || n < this.next) this.due.push(run)
    else this.ready.set(n, run)
    this.drain()
  }

  /** How many handlings wait for an earlier one. */
  get waiting (): number {
    return this.ready.size + this.due.length
  }

  /** Runs whatever may run now, in order, until an asynchronous handling has to be waited for. */
  private drain (): void {
    while (!this.running) {
      let run = this.due.shift()
      if (!run) {
        run = this.ready.get(this.next)
        if (!run) break
        this.ready.delete(this.next)
        this.next++
      }
      const pending = this.safely(run)
      if (pending) {
        this.running = true
        void pending.then(() => {
          this.running = false
          this.drain()
        })
      }
    }
    if (this.stallTimer) clearTimeout(this.stallTimer)
    this.stallTimer = undefined
    if (this.ready.size > 0 && !this.running) {
      // an earlier delivery never reached us (the puppet could not load it): go on without it
      this.stallTimer = setTimeout(() => {
        this.next = Math.min(...this.ready.keys())
        this.drain()
      }, this.stallMs)
      this.stallTimer.unref()
    }
  }

  /** Runs one handling; its promise (settled, never rejected) when it is asynchronous. */
  private safely (run: Handling): Promise<void> | undefined {
    try {
      const result = run()
      return result instanceof Promise ? result.then(() => {}, err => { this.onError(err) }) : undefined
    } catch (err) {
      this.onError(err)
      return undefined
    }
  }
}
