// Test wiring: the real core on ':memory:' SQLite with the real migrations, a fake clock, and
// helpers to send a message and read back what the bot decided to say.
import { asc } from 'drizzle-orm'
import { createApp, type AppSettings, type App } from '../../src/app.js'
import { FakeClock } from '../../src/core/clock.js'
import type { IncomingMessage, Person } from '../../src/domain/records.js'
import { openDb, type OpenDb } from '../../src/db/open.js'
import { ensureRoom, setRoomEnabled } from '../../src/db/membership.js'
import { outbox } from '../../src/db/schema.js'
import { createRenderer } from '../../src/chat/render.js'
import { silentLogger } from '../../src/log.js'

export const TZ = 'Asia/Shanghai'
export const at = (iso: string): number => Date.parse(iso)

export function testSettings (overrides: Partial<AppSettings['core']> = {}): AppSettings {
  return {
    core: { timeZone: TZ, admins: ['周会长'], remindOffsets: [24 * 3600_000, 3600_000], ackWindowMs: 10_000, ...overrides },
    scheduler: { timeZone: TZ, remindOffsets: [24 * 3600_000, 3600_000], monthlyReportCron: '0 9 1 * *', maintenanceCron: '30 3 * * *', backup: null },
    sendIntervalMs: 1500,
    outboxMaxAgeMs: 2 * 3600_000,
  }
}

export const person = (name: string): Person => ({ id: `wxid_${name}`, name })
export const ROOM = { id: 'room1@chatroom', topic: '鹿城新联会', ownerId: 'wxid_周会长' }

export interface TestBot {
  core: App
  store: OpenDb
  clock: FakeClock
  /** sends a message as `from`; returns the dispatch outcome ('chatter' when not routed) */
  say (from: string, text: string, opts?: { room?: typeof ROOM | null, mentions?: string[], id?: string }): string
  /** texts the bot has decided to send so far (rendered like the outbox would), then forgets them */
  take (): Promise<Array<{ text: string, mentions: string[], to: string }>>
  close (): void
}

let seq = 0

export function createTestBot (opts: { start?: string, enabled?: boolean, settings?: AppSettings } = {}): TestBot {
  const clock = new FakeClock(at(opts.start ?? '2026-11-02T09:00:00+08:00'))
  const store = openDb(':memory:')
  const settings = opts.settings ?? testSettings()
  const core = createApp({ db: store.db, clock, log: silentLogger, settings, autoSend: false })
  if (opts.enabled !== false) {
    const room = ensureRoom(store.db, ROOM, clock.now())
    setRoomEnabled(store.db, room.id, true, undefined, clock.now())
  }
  const render = createRenderer({ db: store.db, timeZone: TZ, defaultOffsets: settings.core.remindOffsets })
  let seen = 0
  return {
    core,
    store,
    clock,
    say (from, text, o = {}) {
      const msg: IncomingMessage = {
        id: o.id ?? `m${++seq}`,
        kind: 'text',
        at: clock.now(),
        room: o.room === undefined ? ROOM : o.room,
        sender: person(from),
        text,
        // the bot in `mentions` is the bot @mentioned (as the adapter reads WeChat's mention list)
        mentions: (o.mentions ?? []).filter(m => m !== '新联小助手').map(person),
        mentionsBot: (o.mentions ?? []).includes('新联小助手'),
        self: false,
      }
      const route = core.dispatcher.route(msg, '新联小助手')
      if (!route) return 'chatter'
      return core.dispatcher.execute(msg, route, null)
    },
    async take () {
      const rows = store.db.select().from(outbox).orderBy(asc(outbox.id)).all().slice(seen)
      seen += rows.length
      const out: Array<{ text: string, mentions: string[], to: string }> = []
      for (const row of rows) {
        for (const part of await render(row)) {
          if (part.kind === 'text') out.push({ text: part.text, mentions: part.mentions.map(p => p.name), to: row.contactName ?? 'room' })
          else out.push({ text: `[file ${part.fileName}]`, mentions: [], to: row.contactName ?? 'room' })
        }
      }
      return out
    },
    close () { store.close() },
  }
}
