// npm run replay -- TRANSCRIPT.jsonl [--db FILE] [--out-dir DIR]: plays a transcript through the
// real bot on wechaty-puppet-mock (replay.md); stdout carries only what the bot sent.
import './quiet-stdout.js'
import { existsSync, mkdtempSync, readFileSync, rmdirSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parseTranscript, TranscriptError, type SetupLine } from '../sim/transcript.js'

/**
 * Each line is in the pipe before the bot goes on (a crash right after must not lose it);
 * a full non-blocking pipe answers EAGAIN, so wait a moment and write the rest.
 */
function writeStdoutSync (text: string): void {
  const data = Buffer.from(text)
  let offset = 0
  while (offset < data.length) {
    try {
      offset += writeSync(1, data, offset)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
    }
  }
}

/** XL_CRASH=send:N or XL_CRASH=message:N — for the crash tests only (see SimulationOptions.crash). */
function crashPoint (): { beforeSend?: number, afterMessage?: number } | undefined {
  const m = /^(send|message):(\d+)$/.exec(process.env['XL_CRASH'] ?? '')
  if (!m) return undefined
  return m[1] === 'send' ? { beforeSend: Number(m[2]) } : { afterMessage: Number(m[2]) }
}

/**
 * The people of the mock world. Lenient where a transcript names someone twice: the bot is in every room
 * already, and a contact who is also in a room is that room member; an admin named only in `admins`
 * is still someone who can write to the bot in private.
 */
function worldOf (setup: SetupLine): { bot: string, rooms: SetupLine['rooms'], contacts: string[] } {
  const inRooms = new Set(setup.rooms.flatMap(r => [r.owner, ...r.members]))
  const rooms = setup.rooms.map(r => ({ ...r, members: r.members.filter(m => m !== setup.bot) }))
  const contacts = [...new Set([...setup.contacts, ...setup.admins])].filter(c => c !== setup.bot && !inRooms.has(c))
  return { bot: setup.bot, rooms, contacts }
}

function fail (message: string): never {
  process.stderr.write(`replay: ${message}\n`)
  process.exit(2)
}

async function main (): Promise<void> {
  const USAGE = 'usage: replay TRANSCRIPT.jsonl [--db FILE] [--out-dir DIR]'
  let args
  try {
    args = parseArgs({ allowPositionals: true, options: { db: { type: 'string' }, 'out-dir': { type: 'string' } } })
  } catch (err) {
    fail(`${(err as Error).message}; ${USAGE}`)
  }
  const { values, positionals } = args
  const file = positionals[0]
  if (!file || positionals.length > 1) fail(USAGE)
  let text: string
  try { text = readFileSync(file, 'utf8') } catch (err) { fail(`cannot read ${file}: ${(err as Error).message}`) }
  let transcript
  try { transcript = parseTranscript(text, dirname(resolve(file))) } catch (err) {
    if (err instanceof TranscriptError) fail(`${file}: ${err.message}`)
    throw err
  }
  // the bot (Wechaty and all) is loaded only once the transcript is known to be good
  const [{ log: wechatyLog }, { settingsFromConfig }, { loadConfig }, { createLogger }, { Simulation }, { isOtherDatabase }] = await Promise.all([
    import('wechaty'), import('../app.js'), import('../config.js'), import('../log.js'), import('../sim/simulation.js'), import('../db/open.js'),
  ])
  // the transcript is the whole world: the bot's settings are the defaults (times, offsets and pacing from the
  // environment would change what a transcript means); only how much is logged comes from outside
  let config
  try {
    config = loadConfig({ LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' })
  } catch (err) {
    fail(`LOG_LEVEL: ${(err as Error).message.split('\n')[0] ?? ''}`)
  }
  wechatyLog.level((process.env['WECHATY_LOG'] ?? 'silent') as 'silent')
  const log = createLogger(config.LOG_LEVEL)
  const settings = settingsFromConfig(config)
  const { setup } = transcript
  settings.core = { ...settings.core, admins: setup.admins, ...(setup.timezone ? { timeZone: setup.timezone } : {}) }
  settings.scheduler = { ...settings.scheduler, timeZone: settings.core.timeZone, backup: null }
  // a temp folder for sent files is removed again when nothing was written to it
  const outDir = values['out-dir'] ?? mkdtempSync(join(tmpdir(), 'xinlian-replay-'))
  if (!values['out-dir']) process.on('exit', () => { try { rmdirSync(outDir) } catch { /* it holds files: keep them */ } })
  if (values.db && existsSync(values.db) && statSync(values.db).isDirectory()) fail(`--db ${values.db} is a folder, not a database file`)
  try {
    if (values.db && existsSync(values.db) && isOtherDatabase(values.db)) fail(`--db ${values.db}: not a database of the bot (its tables are another program's)`)
  } catch (err) {
    fail(`--db ${values.db}: not a database the bot can read (${(err as Error).message})`)
  }
  const sim = await Simulation.start({
    // an admin named only in `admins` is still someone who can write to the bot in private
    world: worldOf(setup),
    enabledRooms: setup.rooms.filter(r => r.enabled).map(r => r.topic),
    settings,
    dbPath: values.db ?? ':memory:',
    outDir,
    startsAt: transcript.startsAt ?? Date.now(),
    log,
    onOutput: line => { writeStdoutSync(`${JSON.stringify(line)}\n`) },
    crash: crashPoint(),
  }).catch((err: unknown) => {
    // a --db SQLite cannot open or write (locked, read-only: a file that is not SQLite was refused above) is the
    // caller's to fix: one line, as for a malformed transcript
    if (String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_')) fail(`--db ${values.db}: not a database the bot can read (${(err as Error).message})`)
    throw err
  })
  for (const { step } of transcript.steps) {
    if (step.type === 'message') {
      const image = step.image === undefined ? undefined : { name: basename(step.image), bytes: readFileSync(resolve(dirname(resolve(file)), step.image)) }
      await sim.deliver({ at: Date.parse(step.at), from: step.from, room: step.room, text: step.text ?? '', mentions: step.mentions, id: step.id, image })
    } else if (step.type === 'advance') {
      await sim.advanceTo(Date.parse(step.to))
    } else {
      await sim.restart(Date.parse(step.at))
    }
  }
  await sim.finish()
}

main().then(() => process.exit(0), err => {
  process.stderr.write(`replay: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
