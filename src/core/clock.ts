// Time is injected: production reads the system clock, tests and replay move a fake one.

export interface Clock {
  /** epoch milliseconds */
  now (): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that only moves when told to, and never backwards. */
export class FakeClock implements Clock {
  constructor (private current: number) {}

  now (): number {
    return this.current
  }

  set (epochMs: number): void {
    if (epochMs < this.current) throw new Error(`FakeClock cannot go back from ${new Date(this.current).toISOString()} to ${new Date(epochMs).toISOString()}`)
    this.current = epochMs
  }

  advance (ms: number): void {
    this.set(this.current + ms)
  }
}
