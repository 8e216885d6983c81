// e2e bench: sign-up replies through the real bot on wechaty-puppet-mock vs a bare Wechaty bot that only reads them.
import { join } from 'node:path'
import { log as wechatyLog, WechatyBuilder, type Wechaty } from 'wechaty'
import { createApp } from '../app.js'
import { activityBot } from '../chat/plugin.js'
import { systemClock } from '../core/clock.js'
import { insertActivity } from '../db/activities.js'
import { openDb, type OpenDb } from '../db/open.js'
import { ensureRoom, setRoomEnabled } from '../db/membership.js'
import { silentLogger } from '../log.js'
import { MockWorld, roomIdOf } from '../sim/mock-world.js'
import { benchSettings, median, progress, prng, round, tempDir } from './util.js'

wechatyLog.level('silent')

export type E2eMode = 'bot' | 'baseline'

export interface E2eSizes {
  messages: number
  roomSize: number
}

export interface E2eResult extends E2eSizes {
  botPerSec: number
  baselinePerSec: number
  ratio: number
}

const BOT_NAME = '新联小助手'
const TOPIC = '鹿城新联会'
const ACTIVITY_ID = 1

/**
 * Messages kept in flight. Delivering everything at once only measures how fast the puppet can
 * queue events; one at a time measures latency. A small window keeps the pipeline full (the
 * puppet look-ups of one message overlap another's handling, as in a busy group) while the time
 * measured is the time to handle, not the time spent waiting in a queue (a member speaks once per
 * turn of `roomSize` messages, so their own messages are rarely in flight together).
 */
const IN_FLIGHT = 16

/** How long without one message finishing before the run is declared stuck. */
const STALL_MS = 30_000

export const memberNames = (roomSize: number): string[] =>
  Array.from({ length: roomSize }, (_, i) => `成员${String(i + 1).padStart(4, '0')}`)

/**
 * Sign-up traffic of one room: members speak in shuffled turns; someone not signed up signs up
 * (`报名`, `+1` or `报名 1`), someone signed up mostly cancels (`取消报名` / `-1`) and sometimes
 * signs up again (changes nothing). With capacity = roomSize/2 there is a waitlist, so cancels
 * promote people. Deterministic, so bot and baseline see the same messages.
 */
export function signupTraffic (roomSize: number, count: number, seed = 7): Array<{ from: string, text: string }> {
  const names = memberNames(roomSize)
  const random = prng(seed)
  const signedUp = new Set<string>()
  const out: Array<{ from: string, text: string }> = []
  let turn: string[] = []
  const signupForms = ['报名', '+1', `报名 ${ACTIVITY_ID}`]
  while (out.length < count) {
    if (turn.length === 0) {
      turn = [...names]
      for (let i = turn.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[turn[i], turn[j]] = [turn[j] as string, turn[i] as string]
      }
    }
    const from = turn.pop() as string
    let text: string
    if (!signedUp.has(from)) {
      text = signupForms[out.length % 3] as string
      signedUp.add(from)
    } else if (random() < 0.75) {
      text = random() < 0.5 ? '取消报名' : '-1'
      signedUp.delete(from)
    } else {
      text = signupForms[out.length % 3] as string
    }
    out.push({ from, text })
  }
  return out
}

/** The bot's database: an enabled room (as after #启用) with one open activity; capacity half the room makes a waitlist. */
function openBotDb (path: string, roomSize: number, organizer: string): OpenDb {
  const store = openDb(path)
  const now = systemClock.now()
  const room = ensureRoom(store.db, { id: roomIdOf(TOPIC), topic: TOPIC }, now)
  setRoomEnabled(store.db, room.id, true, undefined, now)
  const start = now + 7 * 24 * 3600_000
  const activity = insertActivity(store.db, {
    roomId: room.id, title: '数字经济与新阶层发展沙龙', type: '沙龙', start, end: start + 2 * 3600_000, location: '新新之家·同心荟',
    capacity: Math.max(1, Math.floor(roomSize / 2)), deadline: start, remindOffsets: null, description: null,
    organizerMemberId: null, organizerName: organizer,
  }, now)
  if (activity.id !== ACTIVITY_ID) throw new Error(`e2e: expected activity #${ACTIVITY_ID}, got #${activity.id}`)
  return store
}

/** One bot (or baseline) on its own MockWorld, ready to take messages. */
export class E2eRig {
  private seq = 0

  private constructor (
    readonly mode: E2eMode,
    private readonly world: MockWorld,
    private readonly bot: Wechaty,
    private readonly waiting: Map<string, () => void>,
    private readonly store: OpenDb | null,
    private readonly cleanup: () => void,
  ) {}

  static async start (mode: E2eMode, roomSize: number): Promise<E2eRig> {
    const { dir, cleanup } = tempDir(`e2e-${mode}`)
    const members = memberNames(roomSize)
    const world = new MockWorld({ bot: BOT_NAME, rooms: [{ topic: TOPIC, owner: members[0], members }], contacts: [] })
    const bot = WechatyBuilder.build({ name: join(dir, 'wechaty'), puppet: world.puppet })
    const waiting = new Map<string, () => void>()
    const handled = (id: string): void => {
      const done = waiting.get(id)
      waiting.delete(id)
      done?.()
    }
    let store: OpenDb | null = null
    let ready: Promise<unknown>
    if (mode === 'bot') {
      store = openBotDb(join(dir, 'bot.db'), roomSize, members[0] ?? '')
      const core = createApp({ db: store.db, clock: systemClock, log: silentLogger, settings: benchSettings(), autoSend: true })
      ready = new Promise<void>(resolve => {
        bot.use(activityBot({ core, log: silentLogger, onReady: resolve, onHandled: handled }))
      })
    } else {
      // the baseline: Wechaty itself, reading what every handler reads
      bot.on('message', msg => {
        msg.text()
        msg.talker()
        msg.room()
        handled(msg.id)
      })
      ready = new Promise(resolve => bot.once('login', resolve))
    }
    await bot.start()
    await ready
    return new E2eRig(mode, world, bot, waiting, store, cleanup)
  }

  /** Delivers the messages with at most IN_FLIGHT unfinished; resolves with the wall time until the last is handled. */
  async run (traffic: ReadonlyArray<{ from: string, text: string }>): Promise<number> {
    const started = performance.now()
    let next = 0
    let done = 0
    let lastProgress = Date.now()
    await new Promise<void>((resolve, reject) => {
      const stall = setInterval(() => {
        if (Date.now() - lastProgress > STALL_MS) {
          clearInterval(stall)
          reject(new Error(`e2e ${this.mode}: stuck at ${done}/${traffic.length} messages handled`))
        }
      }, 1000)
      const finished = (): void => {
        done++
        lastProgress = Date.now()
        if (done === traffic.length) {
          clearInterval(stall)
          resolve()
        } else fill()
      }
      const fill = (): void => {
        while (next < traffic.length && next - done < IN_FLIGHT) {
          const m = traffic[next++] as { from: string, text: string }
          const id = `${this.mode}-${++this.seq}`
          this.waiting.set(id, finished)
          this.world.deliver({ id, at: Date.now(), from: m.from, room: TOPIC, text: m.text, mentions: [] })
        }
      }
      fill()
    })
    return performance.now() - started
  }

  async stop (): Promise<void> {
    await this.bot.stop()
    this.store?.close()
    this.cleanup()
  }
}

/**
 * One rig's run: a warm-up turn (every member speaks once, so each is known to the bot and the
 * JIT has seen the path), then `messages` timed. Returns messages handled per second.
 */
export async function runE2eOnce (mode: E2eMode, sizes: E2eSizes): Promise<number> {
  const traffic = signupTraffic(sizes.roomSize, sizes.roomSize + sizes.messages)
  const rig = await E2eRig.start(mode, sizes.roomSize)
  try {
    await rig.run(traffic.slice(0, sizes.roomSize))
    const ms = await rig.run(traffic.slice(sizes.roomSize))
    return sizes.messages / (ms / 1000)
  } finally {
    await rig.stop()
  }
}

/**
 * Bot and baseline in alternating order, `rounds` each, each on a fresh world and database, after
 * one unmeasured round of each (Wechaty's own code gets several times faster once the JIT has
 * seen it, which would otherwise land in the first rounds only); medians.
 */
export async function measureE2e (sizes: E2eSizes, rounds: number): Promise<E2eResult> {
  for (const mode of ['baseline', 'bot'] as const) {
    progress(`e2e warm-up ${mode}: ${Math.round(await runE2eOnce(mode, sizes))} messages/s (not counted)`)
  }
  const perSec: Record<E2eMode, number[]> = { bot: [], baseline: [] }
  for (let r = 0; r < rounds; r++) {
    const order: E2eMode[] = r % 2 === 0 ? ['bot', 'baseline'] : ['baseline', 'bot']
    for (const mode of order) {
      const rate = await runE2eOnce(mode, sizes)
      perSec[mode].push(rate)
      progress(`e2e round ${r + 1}/${rounds} ${mode}: ${Math.round(rate)} messages/s`)
    }
  }
  const botPerSec = median(perSec.bot)
  const baselinePerSec = median(perSec.baseline)
  return { ...sizes, botPerSec: round(botPerSec, 1), baselinePerSec: round(baselinePerSec, 1), ratio: round(botPerSec / baselinePerSec, 3) }
}
