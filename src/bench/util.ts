// Small helpers the bench measurements share: progress on stderr, medians, a seeded PRNG, temp dirs, settings.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { settingsFromConfig, type AppSettings } from '../app.js'
import { loadConfig } from '../config.js'

export const TZ = 'Asia/Shanghai'

/** The project root (package.json), where child processes run. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Progress for the person watching; stdout is kept for the one JSON line. */
export function progress (message: string): void {
  process.stderr.write(`bench: ${message}\n`)
}

export function median (values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] as number : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Rounds for the JSON: enough digits to compare, not noise. */
export function round (value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** mulberry32: the same data on every run and every machine. */
export function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A temp directory removed by `cleanup`. */
export function tempDir (prefix: string): { dir: string, cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `xl-bench-${prefix}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The production defaults (an empty .env), without nightly backups. */
export function benchSettings (): AppSettings {
  const settings = settingsFromConfig(loadConfig({}))
  return { ...settings, scheduler: { ...settings.scheduler, backup: null } }
}
