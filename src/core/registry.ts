// The command index: every name and alias maps to exactly one command (a clash is a bug, found
// when the index is built), plus the ordered list of member replies that need no prefix.
import type { Command } from './command.js'

export interface Registry {
  all: readonly Command<any, any>[]
  /** the command for a command word: exact, else the longest name the word starts with (#名单4) */
  lookup (word: string): { command: Command<any, any>, rest: string } | null
  /** commands that recognise plain member replies, in registration order */
  replies: readonly Command<any, any>[]
  /** commands that take pictures, in registration order */
  images: readonly Command<any, any>[]
}

export function buildRegistry (commands: readonly Command<any, any>[]): Registry {
  const index = new Map<string, Command<any, any>>()
  for (const command of commands) {
    for (const key of [command.name, ...(command.aliases ?? [])]) {
      const k = key.toLowerCase()
      const clash = index.get(k)
      if (clash) throw new Error(`command word "${key}" of ${command.name} is already used by ${clash.name}`)
      index.set(k, command)
    }
  }
  const keys = [...index.keys()].sort((a, b) => b.length - a.length)
  return {
    all: commands,
    replies: commands.filter(c => c.matchReply),
    images: commands.filter(c => c.matchImage),
    lookup (word) {
      const w = word.toLowerCase()
      const exact = index.get(w)
      if (exact) return { command: exact, rest: '' }
      const key = keys.find(k => w.startsWith(k))
      return key ? { command: index.get(key) as Command<any, any>, rest: word.slice(key.length) } : null
    },
  }
}
