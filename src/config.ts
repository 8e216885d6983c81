// Configuration from the environment: one zod schema, pure createConfig(input), and every
// problem reported at once so a bad .env is fixed in one go.
import { existsSync } from 'node:fs'
import { z } from 'zod'
import cron from 'node-cron'
import { isValidTimeZone } from './domain/zoned-time.js'
import { parseDuration, parseOffsets } from './domain/durations.js'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
const WECHATY_LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'verbose', 'silly'] as const

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const list = z.preprocess(
  emptyToUndefined,
  z.string().optional().transform(v => (v ?? '').split(/[,，;；]/).map(s => s.trim()).filter(Boolean)),
)

const duration = (fallback: string) => z.preprocess(emptyToUndefined, z.string().default(fallback))
  .transform((v, ctx) => {
    const ms = parseDuration(v)
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration; write e.g. 2h, 30m, 1d` })
      return z.NEVER
    }
    return ms
  })

/** A string that must pass `test`; the message names the bad value. */
const checked = (fallback: string, test: (v: string) => boolean, problem: (v: string) => string) =>
  z.preprocess(emptyToUndefined, z.string().default(fallback)).superRefine((v, ctx) => {
    if (!test(v)) ctx.addIssue({ code: 'custom', message: problem(v) })
  })

const cronExpression = (fallback: string) =>
  checked(fallback, v => cron.validate(v), v => `"${v}" is not a cron expression; write e.g. "0 9 1 * *"`)

const integer = (fallback: number, min: number) => z.preprocess(
  emptyToUndefined,
  z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).default(fallback),
)

export const configSchema = z.object({
  WECHATY_PUPPET: z.preprocess(emptyToUndefined, z.string().default('wechaty-puppet-wechat4u')),
  WECHATY_PUPPET_SERVICE_TOKEN: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.preprocess(emptyToUndefined, z.string().optional()),
  BOT_ADMINS: list,
  DB_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/xinlian.db')),
  BOT_TIMEZONE: checked('Asia/Shanghai', isValidTimeZone, v => `"${v}" is not an IANA time zone; write e.g. Asia/Shanghai`),
  REMIND_OFFSETS: z.preprocess(emptyToUndefined, z.string().default('24h,1h'))
    .transform((v, ctx) => {
      const offsets = parseOffsets(v)
      if (offsets === null) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a list of offsets; write e.g. 24h,1h` })
        return z.NEVER
      }
      return offsets
    }),
  SEND_INTERVAL_MS: integer(1500, 0),
  OUTBOX_MAX_AGE: duration('2h'),
  MONTHLY_REPORT_CRON: cronExpression('0 9 1 * *'),
  BACKUP_CRON: cronExpression('30 3 * * *'),
  BACKUP_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/backups')),
  BACKUP_KEEP: integer(14, 1),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
  WECHATY_LOG: z.preprocess(emptyToUndefined, z.enum(WECHATY_LOG_LEVELS, { message: `must be one of ${WECHATY_LOG_LEVELS.join(', ')}` }).default('warn')),
  WEB_HOST: checked('127.0.0.1', v => /^[A-Za-z0-9.:[\]-]+$/.test(v), v => `"${v}" is not a host to listen on; write e.g. 127.0.0.1 (this machine only) or 0.0.0.0`),
  WEB_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(0, 'must be 0 (pages off) to 65535').max(65535, 'must be 0 (pages off) to 65535').default(8080),
  ),
  /** where people open the pages (links in chat start with it); default http://WEB_HOST:WEB_PORT */
  WEB_BASE_URL: z.preprocess(emptyToUndefined, z.string().optional()).superRefine((v, ctx) => {
    if (v !== undefined && !isBaseUrl(v)) ctx.addIssue({ code: 'custom', message: `"${v}" is not an http(s) address without ? or #; write e.g. https://xinlian.example.org` })
  }),
}).transform(c => ({
  ...c,
  WEB_BASE_URL: (c.WEB_BASE_URL ?? `http://${c.WEB_HOST.includes(':') && !c.WEB_HOST.startsWith('[') ? `[${c.WEB_HOST}]` : c.WEB_HOST === '0.0.0.0' ? '127.0.0.1' : c.WEB_HOST}:${c.WEB_PORT}`).replace(/\/+$/, ''),
}))

function isBaseUrl (v: string): boolean {
  try {
    const url = new URL(v)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/** Rules across keys, checked on the raw input so they are reported together with the rest. */
function crossKeyProblems (input: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  if (input['WECHATY_PUPPET']?.trim() === 'wechaty-puppet-service' && !input['WECHATY_PUPPET_SERVICE_TOKEN']?.trim()) {
    problems.push('WECHATY_PUPPET_SERVICE_TOKEN: is required when WECHATY_PUPPET=wechaty-puppet-service')
  }
  return problems
}

export type Config = z.output<typeof configSchema>

export class ConfigError extends Error {
  constructor (readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Pure: validate an environment-like record. Throws ConfigError listing every problem. */
export function createConfig (input: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(input)
  const problems = [
    ...(result.success ? [] : result.error.issues.map(i => `${i.path.join('.') || 'config'}: ${i.message}`)),
    ...crossKeyProblems(input),
  ]
  if (problems.length > 0 || !result.success) throw new ConfigError(problems)
  return result.data
}

/** Reads `.env` beside package.json (npm runs scripts there), if there is one; variables already set win. */
export function loadDotEnv (path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path)
}

export function loadConfig (env: Record<string, string | undefined> = process.env): Config {
  return createConfig(env)
}
