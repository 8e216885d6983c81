// The bot assembled once (its core and what drives it): command registry → dispatcher, outbox with its renderer, and
// scheduler, all on one database, clock and logger. Production, replay, console and bench build
// it the same way; only the chat adapter and who drives the timers differ.
import type { Logger } from 'pino'
import { commands } from '../commands/index.js'
import { createRenderer } from './chat/render.js'
import { Outbox } from './chat/outbox.js'
import type { Config } from './config.js'
import type { Clock } from './core/clock.js'
import type { CoreConfig } from './core/command.js'
import { Dispatcher } from './core/dispatch.js'
import { buildRegistry } from './core/registry.js'
import { onCommitError, type Db } from './db/open.js'
import { setSetting } from './db/settings.js'
import { Scheduler, type SchedulerConfig } from './scheduler/scheduler.js'
import { WEB_BASE_URL_SETTING } from './web/login-url.js'

export interface AppSettings {
  core: CoreConfig
  scheduler: SchedulerConfig
  sendIntervalMs: number
  outboxMaxAgeMs: number
  /** WEB_BASE_URL, which #网页 builds its links on; null or absent when the pages are off (WEB_PORT=0) */
  webBaseUrl?: string | null
}

/** Settings from the validated environment. */
export function settingsFromConfig (config: Config): AppSettings {
  return {
    core: {
      timeZone: config.BOT_TIMEZONE,
      admins: config.BOT_ADMINS,
      remindOffsets: config.REMIND_OFFSETS,
      ackWindowMs: 10_000,
    },
    scheduler: {
      timeZone: config.BOT_TIMEZONE,
      remindOffsets: config.REMIND_OFFSETS,
      monthlyReportCron: config.MONTHLY_REPORT_CRON,
      maintenanceCron: config.BACKUP_CRON,
      backup: { dir: config.BACKUP_DIR, keep: config.BACKUP_KEEP },
    },
    sendIntervalMs: config.SEND_INTERVAL_MS,
    outboxMaxAgeMs: config.OUTBOX_MAX_AGE,
    webBaseUrl: config.WEB_PORT === 0 ? null : config.WEB_BASE_URL,
  }
}

export interface App {
  dispatcher: Dispatcher
  outbox: Outbox
  scheduler: Scheduler
  settings: AppSettings
  db: Db
  clock: Clock
  log: Logger
}

export interface AppDeps {
  db: Db
  clock: Clock
  log: Logger
  settings: AppSettings
  /** the outbox drives itself with timers (production) instead of being pumped (replay) */
  autoSend: boolean
}

export function createApp (deps: AppDeps): App {
  const { db, clock, log, settings } = deps
  const outbox = new Outbox({
    db,
    clock,
    log,
    render: createRenderer({ db, timeZone: settings.core.timeZone, defaultOffsets: settings.core.remindOffsets }),
    intervalMs: settings.sendIntervalMs,
    maxAgeMs: settings.outboxMaxAgeMs,
    auto: deps.autoSend,
  })
  const wake = (): void => outbox.wake()
  const dispatcher = new Dispatcher({ db, clock, log, config: settings.core, registry: buildRegistry(commands), onEnqueue: wake })
  const scheduler = new Scheduler({ db, log, config: settings.scheduler, onEnqueue: wake })
  scheduler.init(clock.now())
  onCommitError(db, err => log.error({ err }, 'group commit failed: the messages of this batch were not saved'))
  // `npm run report` reads periods in the zone the bot runs in
  setSetting(db, 'timezone', settings.core.timeZone)
  // #网页 builds its links on it (empty: the pages are off)
  setSetting(db, WEB_BASE_URL_SETTING, settings.webBaseUrl ?? '')
  return { dispatcher, outbox, scheduler, settings, db, clock, log }
}
