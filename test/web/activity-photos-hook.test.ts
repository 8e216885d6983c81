// An activity's pictures (the evidence work's photos table, files in photos/ beside the database) show on
// its page for someone who may see the room, and are a 404 like anything else for anyone who may not.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { FakeClock } from '../../src/core/clock.js'
import { openDb } from '../../src/db/open.js'
import { mintLoginLink } from '../../src/db/web-auth.js'
import { silentLogger } from '../../src/log.js'
import { createWebApp } from '../../src/web/server.js'

const dir = mkdtempSync(join(tmpdir(), 'xl-web-photos-'))
const store = openDb(join(dir, 'bot.db'))
afterAll(() => store.close())

it('lists and serves an activity\'s pictures to its room\'s organizer only', async () => {
  const now = Date.parse('2026-11-10T10:00:00+08:00')
  const sql = store.sqlite
  sql.prepare("INSERT INTO rooms (id, wx_id, topic, enabled, created_at, updated_at) VALUES (1, 'r1', '鹿城新联会', 1, 0, 0), (2, 'r2', '瓯海新联会', 1, 0, 0)").run()
  sql.prepare("INSERT INTO members (id, room_id, contact_id, name, created_at, updated_at) VALUES (1, 1, 'wxid_a', '王组织', 0, 0), (2, 2, 'wxid_b', '李组织', 0, 0)").run()
  sql.prepare("INSERT INTO roles (role, member_id, room_id, created_at) VALUES ('organizer', 1, 1, 0), ('organizer', 2, 2, 0)").run()
  sql.prepare("INSERT INTO activities (id, room_id, title, type, start_at, deadline_at, organizer_name, created_at, updated_at) VALUES (1, 1, '读书会', '沙龙', ?, ?, '王组织', 0, 0)").run(now - 86400_000, now - 86400_000)
  // the evidence work's table, as its migration makes it (created here only if that work has not landed)
  sql.exec(`CREATE TABLE IF NOT EXISTS photos (id integer PRIMARY KEY NOT NULL, activity_id integer NOT NULL, sha256 text NOT NULL, ext text NOT NULL, bytes integer NOT NULL,
    width integer, height integer, sender_member_id integer, sender_name text NOT NULL, original_name text, msg_id text, at integer NOT NULL)`)
  const bytes = Buffer.from('\xff\xd8\xff\xe0 a tiny jpeg', 'latin1')
  const sha = createHash('sha256').update(bytes).digest('hex')
  mkdirSync(join(dir, 'photos'), { recursive: true })
  writeFileSync(join(dir, 'photos', `${sha}.jpg`), bytes)
  sql.prepare("INSERT INTO photos (id, activity_id, sha256, ext, bytes, sender_name, at) VALUES (7, 1, ?, 'jpg', ?, '王组织', ?)").run(sha, bytes.length, now)

  const app = createWebApp({ db: store.db, clock: new FakeClock(now), log: silentLogger, timeZone: 'Asia/Shanghai', admins: [], baseUrl: 'http://127.0.0.1:8080' })
  const cookieOf = async (contactId: string, name: string): Promise<string> => {
    const res = await app.request(`/login?token=${mintLoginLink(store.db, { contactId, name }, now)}`)
    expect(res.status).toBe(303)
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!
  }
  const own = await cookieOf('wxid_a', '王组织')
  const page = await (await app.request('/activities/1', { headers: { cookie: own } })).text()
  expect(page).toContain('src="/activities/1/photos/7"')
  const photo = await app.request('/activities/1/photos/7', { headers: { cookie: own } })
  expect(photo.status).toBe(200)
  expect(photo.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await photo.arrayBuffer())).toEqual(bytes)
  // a picture id of another activity, or the picture asked for by another room's organizer: 404
  expect((await app.request('/activities/1/photos/8', { headers: { cookie: own } })).status).toBe(404)
  const other = await cookieOf('wxid_b', '李组织')
  expect((await app.request('/activities/1/photos/7', { headers: { cookie: other } })).status).toBe(404)
  expect((await app.request('/activities/1', { headers: { cookie: other } })).status).toBe(404)
  // and nobody without a session
  expect((await app.request('/activities/1/photos/7')).status).toBe(303)
})
