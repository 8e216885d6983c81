// What the domain says when what someone wrote cannot be used: the sentence they see (what was
// wrong) and a correct example. The readers' entry points return it as a Result; inside a reading,
// a rule deep down may throw it to end the reading, and the entry point catches it (`attempt`).
// The core shows it to the user (its UserError is a Refusal with the reply's wording).

export class Refusal extends Error {
  constructor (message: string, readonly example?: string) {
    super(message)
    this.name = 'Refusal'
  }
}

export type Result<T> = { ok: true, value: T } | { ok: false, error: Refusal }

/** The value of a reading, or the refusal that ended it; anything else thrown is a bug and goes on up. */
export function attempt<T> (read: () => T): Result<T> {
  try {
    return { ok: true, value: read() }
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err }
    throw err
  }
}
