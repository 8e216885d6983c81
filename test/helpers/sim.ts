// Transcripts in-process: the same Simulation `npm run replay` uses, for transcript tests that
// need to look inside (the database) or run many variations quickly.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { log as wechatyLog } from 'wechaty'
import { silentLogger } from '../../src/log.js'
import { Simulation, type OutputLine } from '../../src/sim/simulation.js'
import { parseTranscript, type TranscriptLine } from '../../src/sim/transcript.js'
import { testSettings } from './core.js'

wechatyLog.level('silent')

export interface Played {
  out: OutputLine[]
  sim: Simulation
}

/** Plays transcript lines (setup first) and returns what the bot sent; the simulation is finished unless `keepOpen`. */
export async function play (lines: TranscriptLine[] | Array<Record<string, unknown>>, opts: { db?: string, keepOpen?: boolean } = {}): Promise<Played> {
  const t = parseTranscript(lines.map(l => JSON.stringify(l)).join('\n'))
  const settings = testSettings({ admins: t.setup.admins, ...(t.setup.timezone ? { timeZone: t.setup.timezone } : {}) })
  const out: OutputLine[] = []
  const sim = await Simulation.start({
    world: { bot: t.setup.bot, rooms: t.setup.rooms, contacts: t.setup.contacts },
    enabledRooms: t.setup.rooms.filter(r => r.enabled).map(r => r.topic),
    settings,
    dbPath: opts.db ?? ':memory:',
    outDir: mkdtempSync(join(tmpdir(), 'xl-sim-')),
    startsAt: t.startsAt ?? Date.now(),
    log: silentLogger,
    onOutput: line => out.push(line),
  })
  for (const { step } of t.steps) {
    if (step.type === 'message') {
      // a picture line: an absolute path here (there is no transcript file to be relative to)
      const image = step.image === undefined ? undefined : { name: basename(step.image), bytes: readFileSync(step.image) }
      await sim.deliver({ at: Date.parse(step.at), from: step.from, room: step.room, text: step.text ?? '', mentions: step.mentions, id: step.id, image })
    }
    else if (step.type === 'advance') await sim.advanceTo(Date.parse(step.to))
    else await sim.restart(Date.parse(step.at))
  }
  if (!opts.keepOpen) await sim.finish()
  return { out, sim }
}

/** ISO time `s` seconds after `base`, in +08:00. */
export function plus (base: string, seconds: number): string {
  const t = new Date(Date.parse(base) + seconds * 1000)
  const local = new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 19)
  return `${local}+08:00`
}
