// The real bot — same plugin, commands, database, outbox and scheduler as production — on
// wechaty-puppet-mock with a fake clock: deliver messages, move time (running every job at its
// due time on the way), restart as after a SIGTERM. Replay, console, tests and bench drive it.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type { Logger } from 'pino'
import { createApp, type AppSettings, type App } from '../app.js'
import { activityBot } from '../chat/plugin.js'
import { FakeClock } from '../core/clock.js'
import { openDb, type OpenDb } from '../db/open.js'
import { ensureRoom, setRoomEnabled } from '../db/membership.js'
import { formatIso } from '../domain/zoned-time.js'
import { MockWorld, roomIdOf, type SentMessage, type WorldSpec } from './mock-world.js'

/** One thing the bot sent, as replay.md prints it. */
export interface OutputLine {
  at: string
  room?: string
  to?: string
  text?: string
  mentions?: string[]
  file?: string
  path?: string
}

export interface SimulationOptions {
  world: WorldSpec
  /** rooms enabled as if an admin had sent #启用 */
  enabledRooms: readonly string[]
  settings: AppSettings
  /** SQLite file, or ':memory:' */
  dbPath: string
  outDir: string
  startsAt: number
  log: Logger
  onOutput: (line: OutputLine) => void
  /** how long to wait for the bot to finish one message before giving up on it */
  messageTimeoutMs?: number
  /**
   * Fault injection for crash tests: SIGKILL this process just before the puppet is handed the
   * n-th outgoing message (it is never accepted), or right after the n-th incoming message was handled.
   */
  crash?: { beforeSend?: number, afterMessage?: number }
}

/** Where a sent file is written: its own name, or name-2, name-3 … so that no earlier output line's file is overwritten. */
function freePath (dir: string, name: string): string {
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  let path = join(dir, name)
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`)
  return path
}

export class Simulation {
  readonly clock: FakeClock
  private db: OpenDb
  private core!: App
  private bot!: Wechaty
  private world!: MockWorld
  private readonly waiting = new Map<string, Array<() => void>>()
  private sends = 0
  private handled = 0

  private constructor (private readonly opts: SimulationOptions) {
    this.clock = new FakeClock(opts.startsAt)
    this.db = openDb(opts.dbPath)
    mkdirSync(opts.outDir, { recursive: true })
    const now = this.clock.now()
    for (const topic of opts.enabledRooms) {
      const room = ensureRoom(this.db.db, { id: roomIdOf(topic), topic }, now)
      if (!room.enabled) setRoomEnabled(this.db.db, room.id, true, undefined, now)
    }
  }

  static async start (opts: SimulationOptions): Promise<Simulation> {
    const sim = new Simulation(opts)
    await sim.boot()
    return sim
  }

  get currentCore (): App {
    return this.core
  }

  get currentWorld (): MockWorld {
    return this.world
  }

  /** Starts a bot on the database and waits until it is logged in and has recovered. */
  private async boot (): Promise<void> {
    const { opts } = this
    this.world = new MockWorld(opts.world)
    this.world.puppet.onSend = sent => this.record(sent)
    this.core = createApp({ db: this.db.db, clock: this.clock, log: opts.log, settings: opts.settings, autoSend: false })
    this.bot = WechatyBuilder.build({ name: 'xinlian-sim', puppet: this.world.puppet })
    const ready = new Promise<void>(resolve => {
      this.bot.use(activityBot({
        core: this.core,
        log: opts.log,
        onReady: resolve,
        onHandled: id => this.waiting.get(id)?.shift()?.(),
        graceMs: 0,
      }))
    })
    await this.bot.start()
    await ready
    await this.runDue(this.clock.now())
  }

  private async record (sent: SentMessage): Promise<void> {
    if (++this.sends === this.opts.crash?.beforeSend) process.kill(process.pid, 'SIGKILL')
    const topic = this.world.topicOf(sent.conversationId)
    const where = topic !== undefined ? { room: topic } : { to: this.world.nameOf(sent.conversationId) }
    const at = formatIso(this.clock.now(), this.opts.settings.core.timeZone)
    if (sent.file) {
      const path = freePath(this.opts.outDir, sent.file.name)
      await sent.file.toFile(path, false)
      this.opts.onOutput({ at, ...where, file: sent.file.name, path })
      return
    }
    const mentions = sent.mentionIds.map(id => this.world.nameOf(id))
    this.opts.onOutput({ at, ...where, text: sent.text ?? '', ...(mentions.length > 0 ? { mentions } : {}) })
  }

  /** Delivers one message at its time (running what falls due before it) and waits for the bot to handle it. */
  async deliver (m: { at: number, from: string, room?: string | undefined, text: string, mentions?: readonly string[], id?: string | undefined, image?: { name: string, bytes: Buffer } | undefined }): Promise<void> {
    await this.advanceTo(m.at)
    const id = m.id ?? randomUUID()
    const handled = new Promise<boolean>(resolve => {
      const list = this.waiting.get(id) ?? []
      list.push(() => resolve(true))
      this.waiting.set(id, list)
      setTimeout(() => resolve(false), this.opts.messageTimeoutMs ?? 15_000).unref()
    })
    this.world.deliver({ id, at: m.at, from: m.from, room: m.room, text: m.text, mentions: m.mentions ?? [], image: m.image })
    if (!await handled) this.opts.log.warn({ msgId: id }, 'simulation: the bot did not finish a message in time')
    if (++this.handled === this.opts.crash?.afterMessage) process.kill(process.pid, 'SIGKILL')
    await this.runDue(this.clock.now())
  }

  /** Runs the scheduler and the outbox for what is due at `now`. */
  private async runDue (now: number): Promise<void> {
    const { scheduler, outbox } = this.core
    const due = scheduler.nextDue()
    if (due !== null && due <= now) await scheduler.tick(now)
    for (let guard = 0; guard < 10_000; guard++) {
      const next = outbox.nextDue()
      if (next === null || next > now) break
      if (!await outbox.pump(now)) break
    }
  }

  /** Moves the clock to `to`, running every job at its due time on the way. */
  async advanceTo (to: number): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      const now = this.clock.now()
      await this.runDue(now)
      const times = [this.core.scheduler.nextDue(), this.core.outbox.nextDue()].filter((t): t is number => t !== null)
      if (times.length === 0) break
      // something due but unable to move (a conversation held back by a retry): step on a second
      let next = Math.min(...times)
      if (next <= now) next = now + 1000
      if (next > to) break
      this.clock.set(next)
    }
    if (to > this.clock.now()) this.clock.set(to)
    await this.runDue(this.clock.now())
  }

  /** Stops the bot as a SIGTERM would (its outbox drained), jumps the clock while it is down, starts a new one. */
  async restart (at: number): Promise<void> {
    await this.stopBot()
    this.clock.set(Math.max(at, this.clock.now()))
    if (this.opts.dbPath !== ':memory:') {
      this.db.close()
      this.db = openDb(this.opts.dbPath)
    }
    await this.boot()
  }

  private async stopBot (): Promise<void> {
    await this.core.outbox.drain({ realTime: false })
    await this.bot.stop()
  }

  /** Lets pending work finish at the current time (coalesced acknowledgements flushed), then stops. */
  async finish (): Promise<void> {
    await this.stopBot()
    this.db.close()
  }
}
