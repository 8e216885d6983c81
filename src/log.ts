// pino on stderr: JSON for machines, pretty when a person is watching a terminal.
import { createRequire } from 'node:module'
import { pino, type Logger } from 'pino'

export type { Logger }

export function createLogger (level: string, opts: { pretty?: boolean } = {}): Logger {
  const wantPretty = opts.pretty ?? process.stderr.isTTY
  if (wantPretty) {
    // loaded only for a person at a terminal: services and CI never pay for it
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty')
    return pino({ level, base: undefined }, pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss' }))
  }
  return pino({ level, base: undefined }, pino.destination({ dest: 2, sync: true }))
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' })
