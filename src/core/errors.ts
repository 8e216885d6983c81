// A UserError carries the Chinese sentence the user sees: what was wrong and a correct example.

export class UserError extends Error {
  constructor (message: string, readonly example?: string) {
    super(message)
    this.name = 'UserError'
  }

  /** The whole reply: the problem, then the example on its own line. */
  get reply (): string {
    return this.example ? `${this.message}\n例如：${this.example}` : this.message
  }
}
