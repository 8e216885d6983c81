// Pictures on disk: beside the database, named by content, written whole before the row commits;
// a full or read-only disk stores nothing and says so; too large is ignored; backups include them.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { FakeClock } from '../../src/core/clock.js'
import type { IncomingMessage } from '../../src/domain/records.js'
import { backupDatabase } from '../../src/db/backup.js'
import { commitPending, openDb, type OpenDb } from '../../src/db/open.js'
import { ensureRoom, setRoomEnabled } from '../../src/db/membership.js'
import { photoCount, photosDir, photosOf, setPhotosDir, sha256Of } from '../../src/db/photos.js'
import { outbox } from '../../src/db/schema.js'
import { silentLogger } from '../../src/log.js'
import { person, ROOM, testSettings } from '../helpers/core.js'

const IMAGES = join(import.meta.dirname, '../fixtures/images')
const picture = (name: string): Buffer => readFileSync(join(IMAGES, name))

let dirs: string[] = []
let stores: OpenDb[] = []
afterEach(() => {
  for (const s of stores) s.close()
  for (const d of dirs) {
    try { chmodSync(d, 0o755) } catch { /* gone */ }
    rmSync(d, { recursive: true, force: true })
  }
  dirs = []
  stores = []
})

let seq = 0

/** A bot on a database file in a fresh folder, with activity #1 (today 09:00–11:30) that 林律师 signed up for. */
function bot () {
  const dir = mkdtempSync(join(tmpdir(), 'xl-photos-'))
  dirs.push(dir)
  const store = openDb(join(dir, 'bot.db'))
  stores.push(store)
  const clock = new FakeClock(Date.parse('2026-11-10T10:00:00+08:00'))
  const app = createApp({ db: store.db, clock, log: silentLogger, settings: testSettings(), autoSend: false })
  const room = ensureRoom(store.db, ROOM, clock.now())
  setRoomEnabled(store.db, room.id, true, undefined, clock.now())
  const send = (from: string, content: { text?: string, image?: { name: string, bytes: Buffer } }): string => {
    const msg: IncomingMessage = {
      id: `p${++seq}`, kind: content.image ? 'image' : 'text', at: clock.now(), room: ROOM, sender: person(from),
      text: content.text ?? '', ...(content.image ? { image: content.image } : {}), mentions: [], mentionsBot: false, self: false,
    }
    const route = app.dispatcher.route(msg, '新联小助手')
    return route ? app.dispatcher.execute(msg, route, null) : 'chatter'
  }
  send('周会长', { text: '#活动\n主题：法律义诊\n时间：11月14日 9:00-11:30\n地点：社区服务中心' })
  send('林律师', { text: '报名' })
  clock.set(Date.parse('2026-11-14T09:30:00+08:00'))
  const texts = (): string[] => store.db.select().from(outbox).all().flatMap(r => (r.kind === 'text' || r.kind === 'notice' ? [(JSON.parse(r.body) as { text: string }).text] : []))
  return { dir, store, db: store.db, clock, send, texts }
}

describe('picture files', () => {
  it('are kept beside the database under photos/, named by their content, and the same content twice is one picture', () => {
    const b = bot()
    const bytes = picture('clinic-1.jpg')
    expect(b.send('林律师', { image: { name: 'a.jpg', bytes } })).toBe('handled')
    expect(b.send('周会长', { image: { name: 'forwarded.jpg', bytes: picture('forwarded-copy.jpg') } })).toBe('handled')
    commitPending(b.db)
    expect(photosDir(b.db)).toBe(join(b.dir, 'photos'))
    expect(readdirSync(join(b.dir, 'photos'))).toEqual([`${sha256Of(bytes)}.jpg`])
    expect(readFileSync(join(b.dir, 'photos', `${sha256Of(bytes)}.jpg`)).equals(bytes)).toBe(true)
    expect(photoCount(b.db, 1)).toBe(1)
    expect(photosOf(b.db, 1)[0]).toMatchObject({ senderName: '林律师', width: 640, height: 480, ext: 'jpg' })
  })

  it('that cannot be written (a folder it may not write) store nothing and tell the sender it was not saved', () => {
    const b = bot()
    const locked = join(b.dir, 'locked')
    // a file where the folder should be: mkdir and every write below it fail, for root too
    writeFileSync(locked, 'not a folder')
    setPhotosDir(b.db, join(locked, 'photos'))
    const outcome = b.send('林律师', { image: { name: 'a.jpg', bytes: picture('clinic-1.jpg') } })
    commitPending(b.db)
    expect(outcome).toBe('refused')
    expect(photoCount(b.db, 1)).toBe(0)
    expect(b.texts().some(t => t.includes('没能保存') && t.includes('没有记入台账'))).toBe(true)
    // no acknowledgement was queued for a picture that was not kept
    expect(b.store.db.select().from(outbox).all().some(r => r.kind === 'photos')).toBe(false)
  })

  it('larger than 20 MB, or said by the puppet to be, are ignored without a word', () => {
    const b = bot()
    const big = Buffer.concat([picture('clinic-1.jpg'), Buffer.alloc(21 * 1024 * 1024)])
    expect(b.send('林律师', { image: { name: 'big.jpg', bytes: big } })).toBe('handled')
    const declared = { name: 'huge.jpg', bytes: Buffer.alloc(0), size: 50 * 1024 * 1024 }
    expect(b.send('林律师', { image: declared })).toBe('handled')
    commitPending(b.db)
    expect(photoCount(b.db, 1)).toBe(0)
    expect(existsSync(join(b.dir, 'photos'))).toBe(false)
    expect(b.texts().filter(t => t.includes('照片'))).toEqual([])
  })

  it('go into the backup folder with the database copy', () => {
    const b = bot()
    b.send('林律师', { image: { name: 'a.jpg', bytes: picture('clinic-1.jpg') } })
    b.send('林律师', { image: { name: 'b.png', bytes: picture('salon-1.png') } })
    const backups = join(b.dir, 'backups')
    const copy = backupDatabase(b.db, backups, 3, b.clock.now(), 'Asia/Shanghai')
    expect(existsSync(copy)).toBe(true)
    expect(readdirSync(join(backups, 'photos')).sort()).toEqual(readdirSync(join(b.dir, 'photos')).sort())
    expect(readdirSync(join(backups, 'photos'))).toHaveLength(2)
    // the restored copy names the same files
    const restored = openDb(copy)
    stores.push(restored)
    expect(photosOf(restored.db, 1).map(p => `${p.sha256}.${p.ext}`).sort()).toEqual(readdirSync(join(backups, 'photos')).sort())
  })
})
