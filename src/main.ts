// The bot in production. Wiring only: config → logger → database → core → Wechaty + plugin →
// node-cron ticking the scheduler; SIGINT/SIGTERM drain the outbox and close the database.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import cron from 'node-cron'
import { log as wechatyLog, WechatyBuilder } from 'wechaty'
import { createCore, settingsFromConfig } from './app.js'
import { activityBot } from './chat/plugin.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { systemClock } from './core/clock.js'
import { openDb } from './db/open.js'
import { createLogger } from './log.js'

const startedAt = performance.now()

function readConfig (): Config {
  // .env beside package.json, if there is one; variables already set win
  if (existsSync('.env')) process.loadEnvFile('.env')
  try {
    return loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`)
      process.exit(1)
    }
    throw err
  }
}

async function main (): Promise<void> {
  const config = readConfig()
  const log = createLogger(config.LOG_LEVEL)
  wechatyLog.level(config.WECHATY_LOG)
  const store = openDb(config.DB_PATH)
  const core = createCore({ db: store.db, clock: systemClock, log, settings: settingsFromConfig(config), autoSend: true })

  const puppetOptions = config.WECHATY_PUPPET_SERVICE_TOKEN
    ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN, ...(config.WECHATY_PUPPET_SERVICE_ENDPOINT ? { endpoint: config.WECHATY_PUPPET_SERVICE_ENDPOINT } : {}) }
    : {}
  const bot = WechatyBuilder.build({
    // the login session lives next to the database, so a restart need not scan again
    name: join(dirname(config.DB_PATH), 'wechaty-session'),
    puppet: config.WECHATY_PUPPET as 'wechaty-puppet-wechat4u',
    puppetOptions,
  })
  bot.use(activityBot({ core, log }))

  const ticker = cron.schedule('*/15 * * * * *', async () => {
    await core.scheduler.tick(systemClock.now())
  }, { name: 'scheduler-tick', noOverlap: true, timezone: config.BOT_TIMEZONE })

  let stopping = false
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down: sending what is left in the outbox')
    await ticker.stop()
    await core.outbox.drain({ realTime: true, timeoutMs: 10_000 }).catch(err => log.error({ err }, 'outbox drain failed'))
    await bot.stop().catch(err => log.error({ err }, 'wechaty stop failed'))
    store.close()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => { void shutdown('SIGINT') })
  process.on('SIGTERM', () => { void shutdown('SIGTERM') })
  // the bot never dies on one bad message or a puppet hiccup
  process.on('unhandledRejection', err => log.error({ err }, 'unhandled rejection'))

  await bot.start()
  log.info({ puppet: config.WECHATY_PUPPET, db: config.DB_PATH, ms: Math.round(performance.now() - startedAt) }, 'ready: waiting for login')
}

main().catch(err => {
  process.stderr.write(`xinlian-bot failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
