// The web pages under attack, on one real server over the real core: used, expired, forged and truncated
// links; a revoked person's cookie; an organizer changing ids in URLs; bad periods; a flood of wrong logins;
// huge headers and bodies. None shows data it should not, none crashes, and chat keeps working meanwhile.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureRoom, setRoomEnabled } from '../../src/db/membership.js'
import { mintLoginLink, newToken } from '../../src/db/web-auth.js'
import { silentLogger } from '../../src/log.js'
import { startWebServer, type RunningWeb } from '../../src/web/server.js'
import { createTestBot, type TestBot } from '../helpers/core.js'

const OUHAI = { id: 'room2@chatroom', topic: '瓯海新联会', ownerId: 'wxid_林会长' }
let bot: TestBot
let web: RunningWeb
let base: string
let ouhaiRoomId: number
/** the 瓯海 activity an organizer of 鹿城 must never see */
let ouhaiActivity: number
let luchenActivity: number

beforeAll(async () => {
  bot = createTestBot({ start: '2026-11-02T09:00:00+08:00' })
  const room = ensureRoom(bot.store.db, OUHAI, bot.clock.now())
  setRoomEnabled(bot.store.db, room.id, true, undefined, bot.clock.now())
  ouhaiRoomId = room.id
  bot.say('周会长', '#设秘书 @陈秘书', { mentions: ['陈秘书'] })
  bot.say('周会长', '#设组织者 @王组织', { mentions: ['王组织'] })
  bot.say('周会长', '#活动 主题：鹿城读书沙龙；时间：11月7日 14:00；名额：10')
  bot.say('林律师', '报名')
  bot.say('林会长', '#活动 主题：瓯海秘密座谈；时间：11月8日 14:00；名额：10', { room: OUHAI })
  bot.say('苏密友', '报名', { room: OUHAI })
  bot.clock.set(Date.parse('2026-11-09T10:00:00+08:00'))
  bot.say('周会长', '#完成 1')
  bot.say('林会长', '#完成 2', { room: OUHAI })
  await bot.take()
  luchenActivity = 1
  ouhaiActivity = 2
  web = await startWebServer({
    db: bot.store.db,
    clock: bot.clock,
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    admins: ['周会长'],
    baseUrl: 'https://xinlian.example.org',
    throttle: { maxFailures: 5, windowMs: 15 * 60_000, delayMs: 5 },
  }, '127.0.0.1', 0)
  base = `http://127.0.0.1:${web.port}`
})

afterAll(async () => {
  await web?.close()
  bot?.close()
})

const get = (path: string, opts: { cookie?: string, from?: string, headers?: Record<string, string> } = {}): Promise<Response> =>
  fetch(`${base}${path}`, {
    redirect: 'manual',
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), 'x-forwarded-for': opts.from ?? '192.0.2.1', ...opts.headers },
  })

function link (contactId: string, name: string): string {
  return mintLoginLink(bot.store.db, { contactId, name }, bot.clock.now())
}

/** Logs in with a fresh link; returns the cookie to send. */
async function login (contactId: string, name: string): Promise<{ cookie: string, setCookie: string }> {
  const res = await get(`/login?token=${link(contactId, name)}`)
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/')
  const setCookie = res.headers.get('set-cookie') ?? ''
  return { cookie: setCookie.split(';')[0] ?? '', setCookie }
}

const SECRETS = ['瓯海秘密座谈', '苏密友']

describe('login links', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure (https base) session cookie for a valid link, once', async () => {
    const token = link('wxid_陈秘书', '陈秘书')
    const first = await get(`/login?token=${token}`)
    expect(first.status).toBe(303)
    const flags = first.headers.get('set-cookie') ?? ''
    expect(flags).toMatch(/HttpOnly/)
    expect(flags).toMatch(/SameSite=Lax/)
    expect(flags).toMatch(/Secure/)
    const again = await get(`/login?token=${token}`)
    expect(again.status).toBe(410)
    expect(again.headers.get('set-cookie')).toBeNull()
    expect(await again.text()).toContain('已经用过')
  })

  it('refuses an expired link (15 minutes) without a session', async () => {
    const token = link('wxid_陈秘书', '陈秘书')
    bot.clock.advance(15 * 60_000 + 1000)
    const res = await get(`/login?token=${token}`, { from: '192.0.2.2' })
    expect(res.status).toBe(410)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toContain('已过期')
  })

  it('refuses forged, truncated and padded links, showing no data', async () => {
    const real = link('wxid_陈秘书', '陈秘书')
    for (const [i, token] of [newToken(), real.slice(0, -1), `${real}A`, real.slice(0, 20), '', "' OR 1=1 --", '../../etc/passwd'].entries()) {
      const res = await get(`/login?token=${encodeURIComponent(token)}`, { from: `192.0.2.${10 + i}` })
      const body = await res.text()
      expect(res.status, token).toBe(token === '' ? 400 : 400)
      expect(res.headers.get('set-cookie')).toBeNull()
      for (const s of [...SECRETS, '鹿城读书沙龙', '林律师']) expect(body).not.toContain(s)
    }
    // the real one, untouched by the near misses, still works
    expect((await get(`/login?token=${real}`, { from: '192.0.2.30' })).status).toBe(303)
  })

  it('slows down and then refuses a flood of wrong links from one address, not the others', async () => {
    const from = '203.0.113.9'
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await get(`/login?token=${newToken()}`, { from })).status)
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400])
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]))
    // even a good link from that address waits, and is not used up by the refusal
    const good = link('wxid_陈秘书', '陈秘书')
    const refused = await get(`/login?token=${good}`, { from })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await get(`/login?token=${good}`, { from: '198.51.100.7' })).status).toBe(303)
  })
})

describe('sessions and scope', () => {
  it('sends every page but /login and /healthz to the login page without a session, with no data', async () => {
    for (const path of ['/', '/?period=2026-11', `/rooms/${ouhaiRoomId}`, `/activities/${ouhaiActivity}`, '/ledger.xlsx?period=2026-11', '/nothing-here']) {
      const res = await get(path, { cookie: 'xl_session=forged-cookie-value' })
      expect(res.status, path).toBe(303)
      expect(res.headers.get('location')).toBe('/login')
    }
    const help = await get('/login')
    expect(help.status).toBe(200)
    expect(await help.text()).toContain('#网页')
    const health = await get('/healthz')
    const json = await health.json() as Record<string, unknown>
    expect(Object.keys(json).sort()).toEqual(['lastMessageAt', 'loggedIn', 'ok', 'outboxWaiting'])
    expect(JSON.stringify(json)).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('answers an organizer asking for another room\'s room, activity, roster, record or workbook with 404, as for nothing', async () => {
    const { cookie } = await login('wxid_王组织', '王组织')
    const own = await get(`/activities/${luchenActivity}`, { cookie })
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('林律师')
    // their own room's activity record downloads as a Word file (a zip)
    const record = await get(`/activities/${luchenActivity}/record.docx`, { cookie })
    expect(record.status).toBe(200)
    expect(Buffer.from(await record.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    const missing = await (await get('/activities/999', { cookie })).text()
    for (const path of [`/rooms/${ouhaiRoomId}`, `/rooms/${ouhaiRoomId}?period=2026-11`, `/activities/${ouhaiActivity}`, `/activities/${ouhaiActivity}/record.docx`,
      `/activities/${ouhaiActivity}/photos/1`, `/ledger.xlsx?period=2026-11&room=${ouhaiRoomId}`, `/activities/${ouhaiActivity}%20`, `/activities/0${ouhaiActivity}`, '/rooms/-1', '/activities/1e3']) {
      const res = await get(path, { cookie })
      const body = await res.text()
      expect(res.status, path).toBe(404)
      expect(body, path).toBe(missing)
      for (const s of SECRETS) expect(body).not.toContain(s)
    }
    const overview = await (await get('/?period=2026-11', { cookie })).text()
    for (const s of [...SECRETS, '瓯海新联会']) expect(overview).not.toContain(s)
    // the workbook of "all" rooms is theirs only
    const res = await get('/ledger.xlsx?period=2026-11', { cookie })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const cells: string[] = []
    wb.eachSheet(ws => ws.eachRow(row => row.eachCell(cell => { cells.push(String(cell.value)) })))
    expect(cells.join('|')).toContain('鹿城读书沙龙')
    for (const s of SECRETS) expect(cells.join('|')).not.toContain(s)
  })

  it('ends the sessions of someone whose role is withdrawn with #撤销, and the old cookie stays dead after a new appointment', async () => {
    const { cookie } = await login('wxid_王组织', '王组织')
    expect((await get('/', { cookie })).status).toBe(200)
    bot.say('周会长', '#撤销 @王组织', { mentions: ['王组织'] })
    const after = await get(`/activities/${luchenActivity}`, { cookie })
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login')
    bot.say('周会长', '#设组织者 @王组织', { mentions: ['王组织'] })
    expect((await get('/', { cookie })).status).toBe(303)
    await bot.take()
  })

  it('logs out: the cookie no longer opens a page', async () => {
    const { cookie } = await login('wxid_陈秘书', '陈秘书')
    expect((await get('/', { cookie })).status).toBe(200)
    const out = await get('/logout', { cookie })
    expect(out.status).toBe(303)
    expect(out.headers.get('set-cookie')).toMatch(/xl_session=;/)
    expect((await get('/', { cookie })).status).toBe(303)
  })
})

describe('bad input', () => {
  it('refuses periods that are not a month, quarter or year, on every page that takes one, without echoing them whole', async () => {
    const { cookie } = await login('wxid_陈秘书', '陈秘书')
    const bad = ['2026-13', '2026-00', '../', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(10_000), "2026-11' OR '1'='1", '2026-11; DROP TABLE activities;--', '2026Q5', '1999', '2026-1', '%00', '2026-11%0d%0aSet-Cookie:%20a=b']
    for (const period of bad) {
      for (const path of ['/', '/rooms/1', '/ledger.xlsx']) {
        const res = await get(`${path}?period=${period.includes('%') ? period : encodeURIComponent(period)}`, { cookie })
        const body = await res.text()
        expect(res.status, `${path} ${period.slice(0, 30)}`).toBe(400)
        expect(body).toContain('看不懂时间段')
        expect(body).not.toContain('x'.repeat(100))
        expect(res.headers.get('set-cookie')).toBeNull()
      }
    }
    // nothing was dropped, and the pages still answer
    expect(bot.store.sqlite.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 2 })
    expect((await get('/?period=2026-11', { cookie })).status).toBe(200)
    expect((await get('/?period=2026Q4', { cookie })).status).toBe(200)
    expect((await get('/?period=2026', { cookie })).status).toBe(200)
  })

  it('refuses a huge header and a huge body, and keeps serving', async () => {
    const { cookie } = await login('wxid_陈秘书', '陈秘书')
    const big = await get('/', { cookie, headers: { 'x-padding': 'a'.repeat(64 * 1024) } }).then(r => r.status, () => 'closed')
    expect([431, 'closed']).toContain(big)
    const body = await fetch(`${base}/`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: 'b'.repeat(2 * 1024 * 1024) })
    expect(body.status).toBe(413)
    expect((await get('/healthz')).status).toBe(200)
    expect((await get('/?period=2026-11', { cookie })).status).toBe(200)
  })

  it('keeps chat working while the pages are busy', async () => {
    const { cookie } = await login('wxid_陈秘书', '陈秘书')
    const pages = Array.from({ length: 30 }, (_, i) => get(`/?period=${i % 2 === 0 ? '2026' : '2026-11'}`, { cookie }).then(r => r.status))
    bot.clock.advance(60_000)
    bot.say('周会长', '#活动 主题：忙时也能发的活动；时间：11月20日 14:00')
    expect(bot.say('黄医生', '报名')).toBe('handled')
    const said = await bot.take()
    expect(said.map(s => s.text).join('\n')).toContain('忙时也能发的活动')
    expect(new Set(await Promise.all(pages))).toEqual(new Set([200]))
  })
})
