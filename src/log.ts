// pino on stderr: JSON for machines, pretty when a person is watching a terminal.
import { pino, type Logger } from 'pino'
import pretty from 'pino-pretty'

export type { Logger }

export function createLogger (level: string, opts: { pretty?: boolean } = {}): Logger {
  const wantPretty = opts.pretty ?? process.stderr.isTTY
  if (wantPretty) {
    return pino({ level, base: undefined }, pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss' }))
  }
  return pino({ level, base: undefined }, pino.destination({ dest: 2, sync: true }))
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' })
