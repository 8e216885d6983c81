// Seats, waitlist and promotion: who gets in when a sign-up arrives or a seat frees up. Pure:
// the database layer applies what these functions decide, inside one transaction.
//
// The rule (commands.md: "sign-ups beyond 名额 join the waitlist in arrival order"): a sign-up that
// fits the seats left is confirmed; one that does not waits. Freed seats go to the waitlist in
// arrival order, each to the first sign-up that fits them: a party too big for the seats left
// keeps its place at the front and does not hold back the single people behind it. So no one
// waits while there are seats enough for them.

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

/** Where a new sign-up of `seats` people goes: in if it fits the seats left, else to the end of the waitlist. */
export function admitByCounts (counts: RosterCounts, capacity: number | null, seats: number): 'confirmed' | 'waitlisted' {
  if (capacity === null) return 'confirmed'
  return counts.taken + seats <= capacity ? 'confirmed' : 'waitlisted'
}

export function admit (roster: readonly RosterEntry[], capacity: number | null, seats: number): 'confirmed' | 'waitlisted' {
  return admitByCounts({ taken: seatsTaken(roster), waiting: roster.filter(e => e.status === 'waitlisted').length }, capacity, seats)
}

/** Ids of the queue (in order) that move up into `free` seats: each in turn that still fits what is left. */
export function promotionsFrom (queue: readonly RosterEntry[], free: number): number[] {
  const promoted: number[] = []
  for (const e of queue) {
    if (free <= 0) break
    if (e.seats > free) continue
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
