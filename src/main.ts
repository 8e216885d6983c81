// The bot in production: read the configuration, start the bot with the configured puppet, and
// stop it cleanly on SIGINT/SIGTERM (outbox drained, database closed).
import { log as wechatyLog } from 'wechaty'
import { runBot } from './bot.js'
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js'
import { InstanceLockError, lockInstance } from './instance-lock.js'
import { createLogger } from './log.js'
import { missingPuppetLine } from './puppet-installed.js'

function readConfig (): Config {
  loadDotEnv()
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
  // any installed puppet may be named; one that is not installed stops here with one line
  const missingPuppet = missingPuppetLine(config.WECHATY_PUPPET, specifier => import.meta.resolve(specifier))
  if (missingPuppet !== null) {
    process.stderr.write(`${missingPuppet}\n`)
    process.exit(1)
  }
  const log = createLogger(config.LOG_LEVEL)
  wechatyLog.level(config.WECHATY_LOG)
  // the bot never dies on one bad message or a puppet hiccup
  process.on('unhandledRejection', err => log.error({ err }, 'unhandled rejection'))
  let release: () => void
  try {
    release = lockInstance(config.DB_PATH)
  } catch (err) {
    if (!(err instanceof InstanceLockError)) throw err
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
  const running = await runBot({ config, log })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => { void running.stop(signal).then(() => { release(); process.exit(0) }) })
  }
  // performance.now() counts from the start of the process, imports included
  log.info({ puppet: config.WECHATY_PUPPET, db: config.DB_PATH, ms: Math.round(performance.now()) }, 'ready: waiting for login')
  if (config.BOT_ADMINS.length === 0) {
    log.warn('BOT_ADMINS 为空：没有管理员，群里的「#启用」不会生效。请在 .env 里写上管理员的微信号或昵称 / no admins: set BOT_ADMINS')
  }
}

main().catch(err => {
  process.stderr.write(`xinlian-bot failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
