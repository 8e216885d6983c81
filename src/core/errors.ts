// A UserError carries the Chinese sentence the user sees: what was wrong and a correct example.
import { Refusal, type Result } from '../domain/refusal.js'
import { previousMonth } from '../domain/zoned-time.js'

/** Written in an example where last month goes (`#月报 {上月}`): shown as that month, so a copied example asks for a real one. */
export const LAST_MONTH = '{上月}'

/** Stands in an example for an open activity of the room the example is shown in (`#4 同心大讲堂`): see exampleInRoom. */
export const OPEN_ACTIVITY = '{活动}'
/** The same activity's id alone (`报名 4`). */
export const OPEN_ACTIVITY_ID = '{编号}'

/** An example (or a text carrying examples) as the user sees it today. */
export function datedExample (text: string, now: number, timeZone: string): string {
  return text.includes(LAST_MONTH) ? text.replaceAll(LAST_MONTH, previousMonth(now, timeZone)) : text
}

/** A refusal as the user reads it (a domain Refusal thrown through a handler is answered the same way). */
export class UserError extends Refusal {
  constructor (message: string, example?: string) {
    super(message, example)
    this.name = 'UserError'
  }

  static from (refusal: Refusal): UserError {
    return refusal instanceof UserError ? refusal : new UserError(refusal.message, refusal.example)
  }

  /** The whole reply: the problem, then the example on its own line. */
  get reply (): string {
    if (!this.example) return this.message
    // pointing at the list of activities is advice, not an example of the refused command
    if (this.example === '#近期活动') {
      return this.message.includes('「#近期活动」') ? this.message : `${this.message}\n发送「#近期活动」查看本群的活动`
    }
    return `${this.message}\n例如：${this.example}`
  }
}

/** The value of a domain reading, or its refusal thrown as the reply. */
export function unwrap<T> (result: Result<T>): T {
  if (!result.ok) throw UserError.from(result.error)
  return result.value
}
