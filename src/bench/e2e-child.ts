// Child process for the memory bench: one e2e run (bot or baseline), then its RSS as one JSON line on stdout.
// node --expose-gc --import tsx src/bench/e2e-child.ts bot|baseline MESSAGES ROOM_SIZE
import '../cli/quiet-stdout.js'
import { E2eRig, signupTraffic, type E2eMode } from './e2e.js'

const [mode, messages, roomSize] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])]
if ((mode !== 'bot' && mode !== 'baseline') || !(messages > 0) || !(roomSize > 0)) {
  process.stderr.write('usage: e2e-child.ts bot|baseline MESSAGES ROOM_SIZE\n')
  process.exit(2)
}

const traffic = signupTraffic(roomSize, roomSize + messages)
const rig = await E2eRig.start(mode as E2eMode, roomSize)
await rig.run(traffic.slice(0, roomSize))
const ms = await rig.run(traffic.slice(roomSize))
// measured while the bot is still up, after garbage is collected, so only what it holds counts
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
gc?.()
const rss = process.memoryUsage().rss
await rig.stop()
process.stdout.write(`${JSON.stringify({ mode, rssMb: rss / 2 ** 20, perSec: messages / (ms / 1000) })}\n`)
process.exit(0)
