// npm run report -- (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--room NAME]
//   [--format json|xlsx|text|records] [--out FILE|DIR] [--db FILE] — the figures of report.md from the shell.
import './quiet-stdout.js'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, loadDotEnv } from '../config.js'
import { isOtherDatabase, openDb } from '../db/open.js'
import { roomByReportName, roomByTopic, roomReportName } from '../db/membership.js'
import { getSetting } from '../db/settings.js'
import { ALL_ROOMS } from '../report/bundle.js'
import { attendedPeople, buildReport, isValidDate, monthPeriod, type Period } from '../report/figures.js'
import type { Report } from '../report/types.js'
import type { Db } from '../db/open.js'
import { periodLabel } from '../report/text.js'
import { reportText } from '../report/text.js'

const USAGE = 'usage: report (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--room NAME] [--format json|xlsx|text|records] [--out FILE|DIR] [--db FILE]'

class ArgError extends Error {}

interface Args {
  /** the period in a given zone */
  period: (timeZone: string) => Period
  room?: string
  format: 'json' | 'xlsx' | 'text' | 'records'
  out?: string
  db: string
  /** BOT_TIMEZONE when set in the environment; else the zone the bot recorded in the database */
  timeZone?: string
}

function readArgs (argv: string[]): Args {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        month: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        room: { type: 'string' },
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
      },
    }).values
  } catch (err) {
    throw new ArgError(`${(err as Error).message}; ${USAGE}`)
  }
  loadDotEnv()
  const config = (() => {
    try {
      return loadConfig()
    } catch (err) {
      throw new ArgError((err as Error).message.replace(/\s*\n\s*-?\s*/g, ' '))
    }
  })()
  const format = parsed.format
  if (format !== 'json' && format !== 'xlsx' && format !== 'text' && format !== 'records') throw new ArgError(`--format must be json, xlsx, text or records, not "${format}"`)
  let period: Args['period']
  if (parsed.month !== undefined) {
    const month = parsed.month
    if (parsed.from !== undefined || parsed.to !== undefined) throw new ArgError('give either --month or --from/--to, not both')
    if (!monthPeriod(month, 'UTC') || !/^\d{4}-\d{2}$/.test(month)) throw new ArgError(`--month must be YYYY-MM (a year from 1000 on), not "${month}"`)
    period = timeZone => monthPeriod(month, timeZone) as Period
  } else if (parsed.from !== undefined || parsed.to !== undefined) {
    const { from, to } = parsed
    if (from === undefined || to === undefined) throw new ArgError('--from and --to go together')
    if (!isValidDate(from)) throw new ArgError(`--from must be a date YYYY-MM-DD (a year from 1000 on), not "${from}"`)
    if (!isValidDate(to)) throw new ArgError(`--to must be a date YYYY-MM-DD (a year from 1000 on), not "${to}"`)
    if (to < from) throw new ArgError('--to is before --from')
    period = timeZone => ({ from, to, timeZone })
  } else {
    throw new ArgError(`a period is required; ${USAGE}`)
  }
  if (format === 'xlsx' && !parsed.out) throw new ArgError('--format xlsx needs --out FILE')
  if (format === 'records' && !parsed.out) throw new ArgError('--format records needs --out DIR (a folder for the 台账 and the activity records)')
  if (parsed.room !== undefined && parsed.room.trim() === '') throw new ArgError('--room needs a room name')
  return {
    period,
    format,
    db: parsed.db ?? config.DB_PATH,
    ...(process.env['BOT_TIMEZONE']?.trim() ? { timeZone: config.BOT_TIMEZONE } : {}),
    ...(parsed.room ? { room: parsed.room.trim() } : {}),
    ...(parsed.out ? { out: parsed.out } : {}),
  }
}

/** The 台账 and one activity record per completed activity of the period, into `dir`; the paths written. */
async function writeRecords (db: Db, report: Report, title: string, dir: string, timeZone: string): Promise<string[]> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ArgError(`--out ${dir} is a file: --format records writes into a folder`)
  mkdirSync(dir, { recursive: true })
  const { renderWorkbook } = await import('../report/xlsx.js')
  const { renderActivityRecord, recordFileName } = await import('../report/record-docx.js')
  const written: string[] = []
  const ledger = join(dir, `${title === ALL_ROOMS ? '' : title}${periodLabel(report.period)}活动台账.xlsx`)
  writeFileSync(ledger, await renderWorkbook(report, { title, now: Date.now(), attendees: attendedPeople(db, report.activities.map(a => a.id)) }))
  written.push(ledger)
  for (const a of report.activities) {
    if (a.status !== 'completed') continue
    const data = await renderActivityRecord(db, a.id, timeZone)
    if (!data) continue
    const path = join(dir, recordFileName(a))
    writeFileSync(path, data)
    written.push(path)
  }
  return written
}

async function main (): Promise<void> {
  const args = readArgs(process.argv.slice(2))
  if (args.db !== ':memory:' && !existsSync(args.db)) throw new ArgError(`no database at ${args.db}`)
  if (args.db !== ':memory:' && statSync(args.db).isDirectory()) throw new ArgError(`--db ${args.db} is a folder, not a database file`)
  const { db, close } = (() => {
    try {
      if (args.db !== ':memory:' && isOtherDatabase(args.db)) throw new Error('its tables are not the bot’s')
      return openDb(args.db)
    } catch (err) {
      throw new ArgError(`--db ${args.db} is not a database the bot can read (${(err as Error).message})`)
    }
  })()
  try {
    let roomIds: number[] | undefined
    let title = ALL_ROOMS
    if (args.room !== undefined) {
      // by its report name; the group's own topic finds it too
      const room = roomByReportName(db, args.room) ?? roomByTopic(db, args.room)
      if (!room) throw new ArgError(`no room named "${args.room}"`)
      roomIds = [room.id]
      title = roomReportName(room)
    }
    const timeZone = args.timeZone ?? getSetting(db, 'timezone') ?? 'Asia/Shanghai'
    const report = buildReport(db, { ...args.period(timeZone), ...(roomIds ? { roomIds } : {}) })
    if (args.format === 'records') {
      for (const path of await writeRecords(db, report, title, args.out ?? '.', timeZone)) process.stdout.write(`${path}\n`)
      return
    }
    const output = args.format === 'json'
      ? `${JSON.stringify(report)}\n`
      : args.format === 'text'
        ? `${reportText(report, { title, maxDetails: Infinity, now: Date.now() })}\n`
        : await (await import('../report/xlsx.js')).renderWorkbook(report, { title, now: Date.now(), attendees: attendedPeople(db, report.activities.map(a => a.id)) })
    if (args.out) {
      const out = args.out
      if (existsSync(out) && statSync(out).isDirectory()) throw new ArgError(`--out ${out} is a folder: give a file name, e.g. ${join(out, 'report.xlsx')}`)
      mkdirSync(dirname(resolve(out)), { recursive: true })
      writeFileSync(out, output)
    }
    // json is always on stdout (report.md), written to --out as well when asked
    if (!args.out || args.format === 'json') process.stdout.write(output)
  } finally {
    close()
  }
}

main().then(() => process.exit(0), err => {
  if (err instanceof ArgError) {
    process.stderr.write(`report: ${err.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`report: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
