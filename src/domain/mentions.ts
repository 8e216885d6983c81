// WeChat handles a limited number of @mentions per message: everyone a message is for is
// @mentioned, in batches of at most MAX_MENTIONS, the first with the message itself.

/** WeChat handles a limited number of @mentions per message. */
export const MAX_MENTIONS = 20

/** The people of one message in batches of at most MAX_MENTIONS, in order (none for nobody). */
export function mentionBatches<T> (people: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < people.length; i += MAX_MENTIONS) batches.push(people.slice(i, i + MAX_MENTIONS))
  return batches
}

/** What a follow-up batch says: the marker of what it is about when there is one, so it reads alone. */
export function followUpText (marker?: string): string {
  return marker ? `${marker}\n请以上成员留意前面的消息` : '（续）请以上成员留意本条消息'
}
