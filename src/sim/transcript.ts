// Replay transcripts (replay.md): one JSON object per line — setup, message, advance, restart —
// read and checked, with the line number of anything malformed.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { isValidTimeZone } from '../domain/zoned-time.js'

/** The calendar date written is a real one: Date.parse rolls 2026-11-31 over into December. */
function realDate (s: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)T/.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const instant = z.string().refine(s => /T.*([+-]\d\d:?\d\d|Z)$/.test(s) && !Number.isNaN(Date.parse(s)) && realDate(s), 'must be ISO 8601 with an offset, on a real date')

export const setupLine = z.object({
  type: z.literal('setup'),
  bot: z.string().min(1).default('新联小助手'),
  timezone: z.string().min(1).refine(isValidTimeZone, 'is not an IANA time zone (e.g. Asia/Shanghai)').optional(),
  admins: z.array(z.string()).default([]),
  rooms: z.array(z.object({
    topic: z.string().min(1),
    owner: z.string().min(1).optional(),
    enabled: z.boolean().default(false),
    members: z.array(z.string().min(1)).default([]),
  })).default([]).refine(rooms => new Set(rooms.map(r => r.topic)).size === rooms.length, 'two rooms have the same topic'),
  contacts: z.array(z.string().min(1)).default([]),
})

export const messageLine = z.object({
  type: z.literal('message'),
  at: instant,
  room: z.string().min(1).optional(),
  from: z.string().min(1),
  /** the text, or … */
  text: z.string().optional(),
  /** … a picture: the file's path, relative to the transcript (or absolute) */
  image: z.string().min(1).optional(),
  mentions: z.array(z.string()).default([]),
  id: z.string().min(1).optional(),
})

export const advanceLine = z.object({ type: z.literal('advance'), to: instant })
export const restartLine = z.object({ type: z.literal('restart'), at: instant })

const anyLine = z.discriminatedUnion('type', [setupLine, messageLine, advanceLine, restartLine])

export type SetupLine = z.infer<typeof setupLine>
export type MessageLine = z.infer<typeof messageLine>
export type TranscriptLine = z.infer<typeof anyLine>

export class TranscriptError extends Error {
  constructor (readonly line: number, message: string) {
    super(`line ${line}: ${message}`)
    this.name = 'TranscriptError'
  }
}

export interface Transcript {
  setup: SetupLine
  /** the other lines, with their line numbers */
  steps: Array<{ line: number, step: Exclude<TranscriptLine, SetupLine> }>
  /** when the simulated clock starts: the first message, advance or restart */
  startsAt: number | null
}

/** Reads a transcript; throws TranscriptError naming the first bad line. */
/** `baseDir`: where `image` paths are relative to (the transcript's folder); when given, each must exist. */
export function parseTranscript (text: string, baseDir?: string): Transcript {
  let setup: SetupLine | null = null
  const steps: Transcript['steps'] = []
  let last = -Infinity
  const people = new Set<string>()
  text.split('\n').forEach((raw, i) => {
    const n = i + 1
    const line = raw.trim()
    if (!line || line.startsWith('//')) return
    let json: unknown
    try { json = JSON.parse(line) } catch { throw new TranscriptError(n, 'not valid JSON') }
    const parsed = anyLine.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new TranscriptError(n, `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`)
    }
    const value = parsed.data
    if (value.type === 'setup') {
      if (setup) throw new TranscriptError(n, 'a second setup line')
      setup = value
      for (const name of [value.bot, ...value.admins, ...value.contacts, ...value.rooms.flatMap(r => [r.owner ?? '', ...r.members])]) if (name) people.add(name)
      return
    }
    if (!setup) throw new TranscriptError(n, 'the first line must be setup')
    const at = Date.parse(value.type === 'advance' ? value.to : value.at)
    if (at < last) throw new TranscriptError(n, 'time goes backwards')
    last = at
    if (value.type === 'message') {
      const s: SetupLine = setup
      if (!people.has(value.from)) throw new TranscriptError(n, `unknown person "${value.from}" (not in setup)`)
      if (value.room !== undefined && !s.rooms.some(r => r.topic === value.room)) throw new TranscriptError(n, `unknown room "${value.room}"`)
      if ((value.text === undefined) === (value.image === undefined)) throw new TranscriptError(n, 'a message has either text or image (a picture file)')
      if (value.image !== undefined && baseDir !== undefined && !existsSync(resolve(baseDir, value.image))) throw new TranscriptError(n, `image: no file at ${resolve(baseDir, value.image)}`)
      const unknown = value.mentions.find(m => !people.has(m))
      if (unknown) throw new TranscriptError(n, `unknown mention "${unknown}"`)
    }
    steps.push({ line: n, step: value })
  })
  if (!setup) throw new TranscriptError(1, 'no setup line')
  const first = steps[0]?.step
  const startsAt = first ? Date.parse(first.type === 'advance' ? first.to : first.at) : null
  return { setup, steps, startsAt }
}
