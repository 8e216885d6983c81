// npm run --silent bench [-- --quick]: bench.md's measurements, each against a baseline of the same run.
import './quiet-stdout.js'
import { parseArgs } from 'node:util'
import { measureCore } from '../bench/core.js'
import { measureE2e } from '../bench/e2e.js'
import { measureMemory } from '../bench/memory.js'
import { measureReport } from '../bench/report.js'
import { measureStartup } from '../bench/startup.js'
import { progress } from '../bench/util.js'

const FULL = {
  e2e: { messages: 2000, roomSize: 200 },
  e2eRounds: 5,
  coreSignups: 20_000,
  coreRounds: 3,
  report: { activities: 200_000, signups: 5_000_000 },
  reportRuns: 7,
  startupRuns: 5,
}

const QUICK: typeof FULL = {
  e2e: { messages: 200, roomSize: 40 },
  e2eRounds: 3,
  coreSignups: 1000,
  coreRounds: 3,
  report: { activities: 2000, signups: 50_000 },
  reportRuns: 5,
  startupRuns: 3,
}

async function timed<T> (name: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now()
  progress(`${name}…`)
  const result = await fn()
  progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`)
  return result
}

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } })
  const sizes = values.quick ? QUICK : FULL
  const started = performance.now()
  progress(values.quick ? 'quick sizes' : 'full sizes')

  const e2e = await timed('e2e', () => measureE2e(sizes.e2e, sizes.e2eRounds))
  const core = await timed('core', () => measureCore(sizes.coreSignups, sizes.coreRounds))
  const report = await timed('report', () => measureReport(sizes.report, sizes.reportRuns))
  const memory = await timed('memory', () => measureMemory(sizes.e2e))
  const startup = await timed('startup', () => measureStartup(sizes.startupRuns))

  // the bar of bench.md, for the person reading stderr; never an exit code (machines are noisy)
  const targets: Array<[string, number, boolean]> = [
    ['e2e.ratio >= 0.8', e2e.ratio, e2e.ratio >= 0.8],
    ['core.ratio >= 0.25', core.ratio, core.ratio >= 0.25],
    ['report.monthMs <= 200', report.monthMs, report.monthMs <= 200],
    ['report.ratio <= 1.5', report.ratio, report.ratio <= 1.5],
    ['memory.deltaMb <= 60', memory.deltaMb, memory.deltaMb <= 60],
    ['startup.ms <= 1500', startup.ms, startup.ms <= 1500],
  ]
  for (const [target, value, met] of targets) progress(`${met ? 'met   ' : 'MISSED'} ${target} (${value})`)
  if (values.quick) progress('(quick sizes: the report targets hold at the full size only)')
  progress(`all done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.stdout.write(`${JSON.stringify({ e2e, core, report, memory, startup })}\n`)
}

main().then(() => process.exit(0), err => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
