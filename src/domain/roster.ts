// Seats, waitlist and promotion: who gets in when a sign-up arrives or a seat frees up. Pure:
// the database layer applies what these functions decide, inside one transaction.

export interface RosterEntry {
  id: number
  /** people this sign-up brings: the person plus unnamed companions */
  seats: number
  status: 'confirmed' | 'waitlisted'
  queuedAt: number
}

/** Seats held by confirmed sign-ups. */
export function seatsTaken (roster: readonly RosterEntry[]): number {
  let taken = 0
  for (const e of roster) if (e.status === 'confirmed') taken += e.seats
  return taken
}

/** The waitlist in the order it is served: arrival, then id. */
export function waitlist (roster: readonly RosterEntry[]): RosterEntry[] {
  return roster.filter(e => e.status === 'waitlisted').sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id)
}

/** Seats still free; Infinity when there is no capacity. */
export function seatsLeft (roster: readonly RosterEntry[], capacity: number | null): number {
  return capacity === null ? Infinity : Math.max(0, capacity - seatsTaken(roster))
}

/** A roster summed up: seats held by confirmed sign-ups, and how many sign-ups wait. */
export interface RosterCounts {
  taken: number
  waiting: number
}

/**
 * Where a new sign-up of `seats` people goes. Nobody jumps the queue: while anyone is waiting, a
 * newcomer waits too, even if a small party would fit.
 */
export function admitByCounts (counts: RosterCounts, capacity: number | null, seats: number): 'confirmed' | 'waitlisted' {
  if (capacity === null) return 'confirmed'
  if (counts.waiting > 0) return 'waitlisted'
  return counts.taken + seats <= capacity ? 'confirmed' : 'waitlisted'
}

export function admit (roster: readonly RosterEntry[], capacity: number | null, seats: number): 'confirmed' | 'waitlisted' {
  return admitByCounts({ taken: seatsTaken(roster), waiting: roster.filter(e => e.status === 'waitlisted').length }, capacity, seats)
}

/**
 * Ids of the queue (in order) that move up into `free` seats, first come first served. The head
 * of the queue is never skipped: if it does not fit, nobody behind it moves up either.
 */
export function promotionsFrom (queue: readonly RosterEntry[], free: number): number[] {
  const promoted: number[] = []
  for (const e of queue) {
    if (e.seats > free) break
    promoted.push(e.id)
    free -= e.seats
  }
  return promoted
}

export function promotions (roster: readonly RosterEntry[], capacity: number | null): number[] {
  return promotionsFrom(waitlist(roster), capacity === null ? Infinity : capacity - seatsTaken(roster))
}

/** 1-based place on the waitlist, or 0 when not waiting. */
export function waitlistPlace (roster: readonly RosterEntry[], id: number): number {
  return waitlist(roster).findIndex(e => e.id === id) + 1
}
