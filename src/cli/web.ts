// npm run web -- [--db FILE] [--host H] [--port N]: the web pages alone over a database (an office
// machine with a copy of it; tests). They never change the bot's records: only their own login
// links and sessions are written.
// npm run web -- [--db FILE] --link NAME: prints one one-time login link for the secretary, admin or
// organizer named NAME, and exits (the link is kept, as a hash, in the database the pages read).
import './quiet-stdout.js'
import { existsSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createConfig, loadConfig, loadDotEnv, type Config } from '../config.js'
import { systemClock } from '../core/clock.js'
import { isOtherDatabase, openDb, type OpenDb } from '../db/open.js'
import { getSetting } from '../db/settings.js'
import { contactsNamed, hasRoleByNameOnly, mintLoginLink, webAccessOf } from '../db/web-auth.js'
import { createLogger } from '../log.js'
import { loginUrl } from '../web/login-url.js'

const USAGE = 'usage: web [--db FILE] [--host H] [--port N] [--link NAME]'

class ArgError extends Error {}

interface Args {
  db: string
  host: string
  port: number
  link?: string
  config: Config
}

function readArgs (argv: string[]): Args {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, link: { type: 'string' } } }).values
  } catch (err) {
    throw new ArgError(`${(err as Error).message}; ${USAGE}`)
  }
  loadDotEnv()
  const env = { ...process.env }
  // --host/--port stand for WEB_HOST/WEB_PORT, checked by the same rules
  if (parsed.host !== undefined) env['WEB_HOST'] = parsed.host
  if (parsed.port !== undefined) env['WEB_PORT'] = parsed.port
  let config: Config
  try {
    config = parsed.host !== undefined || parsed.port !== undefined ? createConfig(env) : loadConfig(env)
  } catch (err) {
    throw new ArgError((err as Error).message.replace(/\s*\n\s*-?\s*/g, ' '))
  }
  if (parsed.link !== undefined && parsed.link.trim() === '') throw new ArgError('--link needs a name, e.g. --link 陈秘书')
  if (config.WEB_PORT === 0 && (parsed.link === undefined || !env['WEB_BASE_URL']?.trim())) {
    throw new ArgError('--port 0 (or WEB_PORT=0) turns the pages off; give a port, e.g. --port 8080')
  }
  return {
    db: parsed.db ?? config.DB_PATH,
    host: config.WEB_HOST,
    port: config.WEB_PORT,
    config,
    ...(parsed.link !== undefined ? { link: parsed.link.trim() } : {}),
  }
}

function open (path: string): OpenDb {
  if (path !== ':memory:' && !existsSync(path)) throw new ArgError(`no database at ${path}`)
  if (path !== ':memory:' && statSync(path).isDirectory()) throw new ArgError(`--db ${path} is a folder, not a database file`)
  try {
    if (path !== ':memory:' && isOtherDatabase(path)) throw new Error('its tables are not the bot’s')
    return openDb(path)
  } catch (err) {
    throw new ArgError(`--db ${path} is not a database the bot can read (${(err as Error).message})`)
  }
}

/** The one-time link for NAME, or an ArgError naming why there is none. */
function linkFor (store: OpenDb, args: Args): string {
  const name = args.link ?? ''
  const admins = args.config.BOT_ADMINS
  const person = contactsNamed(store.db, name).find(p => webAccessOf(store.db, p.contactId, admins) !== null)
  if (!person) {
    if (hasRoleByNameOnly(store.db, name, admins)) throw new ArgError(`${name} has a role only by name (no WeChat contact id is recorded for it); have an admin appoint them again by @mention`)
    throw new ArgError(`${name} is not a secretary, admin or organizer in this database`)
  }
  const token = mintLoginLink(store.db, person, systemClock.now())
  return loginUrl(args.config.WEB_BASE_URL, token)
}

async function main (): Promise<void> {
  const args = readArgs(process.argv.slice(2))
  const store = open(args.db)
  if (args.link !== undefined) {
    try {
      process.stdout.write(`${linkFor(store, args)}\n`)
    } finally {
      store.close()
    }
    return
  }
  const log = createLogger(args.config.LOG_LEVEL)
  // the zone of the figures: BOT_TIMEZONE when set here, else the one the bot recorded (as npm run report does)
  const timeZone = process.env['BOT_TIMEZONE']?.trim() ? args.config.BOT_TIMEZONE : getSetting(store.db, 'timezone') ?? args.config.BOT_TIMEZONE
  const { startWebServer } = await import('../web/server.js')
  let web
  try {
    web = await startWebServer({ db: store.db, clock: systemClock, log, timeZone, admins: args.config.BOT_ADMINS, baseUrl: args.config.WEB_BASE_URL }, args.host, args.port)
  } catch (err) {
    store.close()
    throw new ArgError(`cannot listen on ${args.host}:${args.port} (${(err as Error).message})`)
  }
  process.stderr.write(`web: pages of ${args.db} on http://${args.host}:${web.port} (links: ${args.config.WEB_BASE_URL}); Ctrl-C stops\n`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => { void web.close().then(() => { store.close(); process.exit(0) }) })
  }
}

main().catch(err => {
  if (err instanceof ArgError) {
    process.stderr.write(`web: ${err.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`web: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
