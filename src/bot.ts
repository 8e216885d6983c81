// The running bot: database → core → Wechaty + plugin → node-cron ticking the scheduler, and an
// orderly stop (outbox drained, Wechaty stopped, database closed). main.ts gives it the configured
// puppet and the process signals; the shutdown test gives it a mock puppet.
import { dirname, join } from 'node:path'
import cron from 'node-cron'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type { Logger } from 'pino'
import type * as PUPPET from 'wechaty-puppet'
import { createApp, settingsFromConfig, type App } from './app.js'
import { activityBot } from './chat/plugin.js'
import type { Config } from './config.js'
import { systemClock, type Clock } from './core/clock.js'
import { openDb } from './db/open.js'
import type { RunningWeb } from './web/server.js'

export interface RunningBot {
  core: App
  bot: Wechaty
  /** resolves once logged in and recovered (reminders missed while down, unsent messages) */
  ready: Promise<void>
  /** the web pages, when WEB_PORT is not 0 */
  web: RunningWeb | null
  /** stop the web pages, drain the outbox (within `drainMs`), stop Wechaty, close the database; safe to call twice */
  stop (reason: string, drainMs?: number): Promise<void>
}

export interface RunOptions {
  config: Config
  log: Logger
  /** a puppet instance instead of the configured puppet name (tests) */
  puppet?: PUPPET.impls.PuppetInterface
  clock?: Clock
}

export async function runBot (opts: RunOptions): Promise<RunningBot> {
  const { config, log } = opts
  const clock = opts.clock ?? systemClock
  const store = openDb(config.DB_PATH)
  const core = createApp({ db: store.db, clock, log, settings: settingsFromConfig(config), autoSend: true })

  const puppetOptions = config.WECHATY_PUPPET_SERVICE_TOKEN
    ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN, ...(config.WECHATY_PUPPET_SERVICE_ENDPOINT ? { endpoint: config.WECHATY_PUPPET_SERVICE_ENDPOINT } : {}) }
    : {}
  // The mock is imported here rather than by name inside Wechaty, so the production bundle carries
  // it (with faker's English data only: all of faker's locales cost a fifth of the start-up).
  const puppet = opts.puppet ?? (config.WECHATY_PUPPET === 'wechaty-puppet-mock'
    ? new (await import('wechaty-puppet-mock')).PuppetMock()
    : undefined)
  const bot = WechatyBuilder.build({
    // the login session lives next to the database, so a restart need not scan again
    name: join(dirname(config.DB_PATH), 'wechaty-session'),
    // Wechaty imports any installed puppet by its npm name (main.ts has checked it is installed);
    // its type lists only the official names, hence the cast
    ...(puppet ? { puppet } : { puppet: config.WECHATY_PUPPET as 'wechaty-puppet-wechat4u', puppetOptions }),
  })
  let markReady: () => void = () => {}
  const ready = new Promise<void>(resolve => { markReady = resolve })
  bot.use(activityBot({ core, log, onReady: () => markReady() }))

  // node-cron only calls tick; noOverlap keeps a slow tick from running twice
  const ticker = cron.schedule('*/15 * * * * *', async () => {
    await core.scheduler.tick(clock.now())
  }, { name: 'scheduler-tick', noOverlap: true, timezone: config.BOT_TIMEZONE })

  const keepsSessionOnExit = !puppet && config.WECHATY_PUPPET === 'wechaty-puppet-wechat4u'
  // the web pages, once they listen (declared before stop, which may come while the bot still logs in)
  let web: RunningWeb | null = null
  let stopping: Promise<void> | null = null
  const stop = (reason: string, drainMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down: sending what is left in the outbox')
      await ticker.stop()
      await web?.close().catch(err => log.error({ err }, 'web server close failed'))
      await core.outbox.drain({ realTime: true, timeoutMs: drainMs }).catch(err => log.error({ err }, 'outbox drain failed'))
      // Stopping wechat4u logs the account out of web WeChat and erases the saved session, so the
      // next start would need a new scan: the process is about to exit, so leave it logged in and
      // let the next start resume from the session saved at login.
      if (keepsSessionOnExit) log.info('leaving the web WeChat session logged in for the next start')
      else await bot.stop().catch(err => log.error({ err }, 'wechaty stop failed'))
      store.close()
      log.info('stopped')
    })()
    return stopping
  }

  // the chat first: the pages (and what they import) must not hold up the bot's login
  await bot.start()

  // then the pages beside the bot, on the same database (WEB_PORT=0: none)
  if (config.WEB_PORT !== 0 && stopping === null) {
    const { startWebServer } = await import('./web/server.js')
    try {
      web = await startWebServer({
        db: store.db,
        clock,
        log: log.child({ part: 'web' }),
        timeZone: config.BOT_TIMEZONE,
        admins: config.BOT_ADMINS,
        baseUrl: config.WEB_BASE_URL,
        loggedIn: () => bot.isLoggedIn,
      }, config.WEB_HOST, config.WEB_PORT)
      log.info({ host: config.WEB_HOST, port: web.port, url: config.WEB_BASE_URL }, 'web pages: listening')
    } catch (err) {
      // the chat matters more than the pages: the bot runs on, and the log says why there are no pages
      log.error({ err, host: config.WEB_HOST, port: config.WEB_PORT }, 'web pages: could not listen (WEB_HOST/WEB_PORT); the bot runs without them')
    }
  }

  return { core, bot, ready, web, stop }
}
