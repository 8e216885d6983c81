// memory bench: RSS after the e2e run of the bot vs the bare Wechaty baseline, each in its own child process.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { E2eMode, E2eSizes } from './e2e.js'
import { progress, PROJECT_ROOT, round } from './util.js'

export interface MemoryResult {
  botRssMb: number
  baselineRssMb: number
  deltaMb: number
}

const run = promisify(execFile)

async function childRss (mode: E2eMode, sizes: E2eSizes): Promise<number> {
  const { stdout } = await run(process.execPath,
    ['--expose-gc', '--import', 'tsx', 'src/bench/e2e-child.ts', mode, String(sizes.messages), String(sizes.roomSize)],
    { cwd: PROJECT_ROOT, maxBuffer: 16 * 2 ** 20, timeout: 10 * 60_000 })
  const last = stdout.trim().split('\n').at(-1) ?? ''
  const { rssMb, perSec } = JSON.parse(last) as { rssMb: number, perSec: number }
  progress(`memory: ${mode} RSS ${rssMb.toFixed(1)} MB after its e2e run (${Math.round(perSec)} messages/s)`)
  return rssMb
}

/** One child each, one after the other (never both at once, so neither squeezes the other). */
export async function measureMemory (sizes: E2eSizes): Promise<MemoryResult> {
  const baselineRssMb = await childRss('baseline', sizes)
  const botRssMb = await childRss('bot', sizes)
  return { botRssMb: round(botRssMb, 1), baselineRssMb: round(baselineRssMb, 1), deltaMb: round(botRssMb - baselineRssMb, 1) }
}
