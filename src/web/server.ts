// The web pages (web.md): a Hono app over the bot's database, behind one-time links and sessions,
// every figure from report/figures.ts. Started beside the bot (bot.ts) or alone (cli/web.ts).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Logger } from 'pino'
import type { Clock } from '../core/clock.js'
import type { Db } from '../db/open.js'
import { memberById, roomById, roomReportName } from '../db/membership.js'
import { checkinsOf, liveSignups, signupLabels } from '../db/signups.js'
import { activityById } from '../db/activities.js'
import { consumeLoginLink, createSession, endSession, endSessionsOf, SESSION_TTL_MS, sessionPerson, webAccessOf, type WebAccess, type WebPerson } from '../db/web-auth.js'
import { lastMessageAt, outboxWaiting, roomsForPages } from '../db/web-health.js'
import { formatClock, formatIso, toWall } from '../domain/zoned-time.js'
import { activityFigures, buildReport } from '../report/figures.js'
import { ALL_ROOMS, periodLabel } from '../report/text.js'
import type { Report } from '../report/types.js'
import { LoginThrottle, type ThrottleOptions } from './login-throttle.js'
import { activityPage, HOW_TO_LOGIN, notice, overviewPage, roomPage, type ListEntry, type Viewer } from './pages.js'
import { activityPhotos, photoFile } from './photos.js'
import { pickerChoices, readPagePeriod, shiftMonth, twelveMonths, type PagePeriod } from './period.js'
import { trendChartSvg } from './trend-chart.js'

export const SESSION_COOKIE = 'xl_session'

export interface WebDeps {
  db: Db
  clock: Clock
  log: Logger
  timeZone: string
  /** BOT_ADMINS (only contact ids grant access) */
  admins: readonly string[]
  /** WEB_BASE_URL: cookies are Secure when it is https */
  baseUrl: string
  /** whether the bot is logged in to WeChat; absent when the pages run alone */
  loggedIn?: () => boolean
  /** the activity record of #活动记录 as a Word file (null for none); the record of report/record-docx.ts unless a test gives another */
  recordDocx?: (db: Db, activityId: number) => Promise<Buffer | null>
  throttle?: ThrottleOptions
}

interface Signed {
  person: WebPerson
  access: WebAccess
  viewer: Viewer
}

type Env = { Variables: { signed: Signed }, Bindings: { incoming?: IncomingMessage } }

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/** The font the pages fall back to where the phone has no Chinese font (the chart's, from @embedpdf/fonts-sc). */
function fontFile (): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')
  return join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf')
}

/** The address a wrong login is counted against: the peer, or what a reverse proxy on this machine says it forwarded. */
function clientAddress (c: Context<Env>): string {
  const peer = c.env?.incoming?.socket.remoteAddress ?? 'local'
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1' || peer === 'local'
  const forwarded = c.req.header('x-forwarded-for')
  if (loopback && forwarded) return forwarded.split(',').at(-1)?.trim().slice(0, 64) || peer
  return peer
}

const isId = (text: string): boolean => /^[1-9]\d{0,9}$/.test(text)

export function createWebApp (deps: WebDeps): Hono<Env> {
  const { db, clock, log, timeZone } = deps
  const secure = deps.baseUrl.startsWith('https:')
  const throttle = new LoginThrottle(deps.throttle)
  const app = new Hono<Env>()

  // the pages take no body: a big one is refused unread, and the connection closed rather than drained
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: c => { c.header('Connection', 'close'); return c.text('请求太大', 413) } }))
  app.use('*', async (c, next) => {
    await next()
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v)
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
  })

  app.get('/healthz', c => {
    const last = lastMessageAt(db)
    return c.json({
      ok: true,
      loggedIn: deps.loggedIn ? deps.loggedIn() : null,
      lastMessageAt: last === null ? null : formatIso(last, timeZone),
      outboxWaiting: outboxWaiting(db),
    })
  })

  app.get('/assets/font-sc.otf', async c => {
    c.header('Content-Type', 'font/otf')
    c.header('Cache-Control', 'public, max-age=604800, immutable')
    return c.body(await readFile(fontFile()))
  })

  app.get('/login', async c => {
    const token = c.req.query('token')
    if (token === undefined) {
      const bye = c.req.query('bye') !== undefined
      return c.html(notice(bye ? '已退出' : '请先获取登录链接', bye ? ['你已退出，本设备上的登录已失效。', ...HOW_TO_LOGIN] : HOW_TO_LOGIN))
    }
    const address = clientAddress(c)
    const now = clock.now()
    const wait = throttle.blockedFor(address, now)
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      return c.html(notice('尝试次数太多', [`这台设备输错链接的次数太多，请${Math.ceil(wait / 60_000)}分钟后再试。`, ...HOW_TO_LOGIN]), 429)
    }
    const used = consumeLoginLink(db, token, now)
    if (!used.ok) {
      const pause = throttle.fail(address, now)
      log.info({ reason: used.reason }, 'web: a login link was refused')
      await new Promise(resolve => setTimeout(resolve, pause))
      const why = used.reason === 'used' ? '这个登录链接已经用过了（每个链接只能用一次）。' : used.reason === 'expired' ? '这个登录链接已过期（15分钟内有效）。' : '这个登录链接不对，可能复制得不完整。'
      return c.html(notice('登录链接无效', [why, '请重新私聊活动助手发送「#网页」获取新链接。']), used.reason === 'unknown' ? 400 : 410)
    }
    if (!webAccessOf(db, used.person.contactId, deps.admins)) {
      return c.html(notice('没有权限', ['你现在没有秘书、组织者或管理员身份，不能查看统计网页。']), 403)
    }
    const session = createSession(db, used.person, now)
    setCookie(c, SESSION_COOKIE, session, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: SESSION_TTL_MS / 1000 })
    return c.redirect('/', 303)
  })

  app.get('/logout', c => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) endSession(db, token)
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
    return c.redirect('/login?bye', 303)
  })

  // everything below needs a session of someone who still has a role
  app.use('*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    const person = token ? sessionPerson(db, token, clock.now()) : undefined
    const access = person ? webAccessOf(db, person.contactId, deps.admins) : null
    if (!person || !access) {
      // a role withdrawn with #撤销 ends the person's sessions
      if (person) endSessionsOf(db, person.contactId)
      if (token) deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
      return c.redirect('/login', 303)
    }
    c.set('signed', { person, access, viewer: { name: person.name, roles: access.roles } })
    await next()
  })

  /** The room, when the signed-in person may see it; undefined otherwise (answered as a room that does not exist). */
  const visibleRoom = (s: Signed, idText: string): { id: number, name: string } | undefined => {
    if (!isId(idText)) return undefined
    const id = Number(idText)
    if (!s.access.everyRoom && !s.access.roomIds.includes(id)) return undefined
    const room = roomById(db, id)
    return room ? { id, name: roomReportName(room) } : undefined
  }
  const scopeIds = (s: Signed): number[] | undefined => s.access.everyRoom ? undefined : s.access.roomIds
  const notFound = (c: Context<Env>) => c.html(notice('没有找到', ['没有这个页面，或者你没有查看它的权限。'], c.get('signed')?.viewer), 404)
  const badPeriod = (c: Context<Env>, written: string) => {
    const shown = written.length > 20 ? `${written.slice(0, 20)}…` : written
    const year = toWall(clock.now(), timeZone).year
    return c.html(notice('看不懂时间段', [`看不懂时间段「${shown}」。`, `请写成月份 ${year}-01、季度 ${year}Q1 或全年 ${year}，或在总览页上选择。`], c.get('signed')?.viewer), 400)
  }
  const quickLinks = (now: number): Array<{ key: string, label: string }> => {
    const month = readPagePeriod(undefined, now, timeZone)!.key
    const w = toWall(now, timeZone)
    return [
      { key: month, label: '本月' },
      { key: shiftMonth(month, -1), label: '上月' },
      { key: `${w.year}Q${Math.floor((w.month - 1) / 3) + 1}`, label: '本季度' },
      { key: String(w.year), label: '今年' },
    ]
  }
  const periodOf = (c: Context<Env>): PagePeriod | null => readPagePeriod(c.req.query('period'), clock.now(), timeZone)

  app.get('/', async c => {
    const s = c.get('signed')
    const period = periodOf(c)
    if (!period) return badPeriod(c, c.req.query('period') ?? '')
    const roomIds = scopeIds(s)
    const report = buildReport(db, { ...period, ...(roomIds ? { roomIds } : {}) })
    const months = twelveMonths(period.lastMonth)
    const trend = months.map(month => {
      const p = readPagePeriod(month, clock.now(), timeZone)!
      const t = buildReport(db, { ...p, ...(roomIds ? { roomIds } : {}) }).totals
      return { month, activities: t.activities, attendance: t.attendance }
    })
    const rooms = roomsForPages(db).filter(r => !roomIds || roomIds.includes(r.id))
    const roomIdByName = new Map<string, number>()
    for (const r of rooms) if (!roomIdByName.has(r.name)) roomIdByName.set(r.name, r.id)
    const active = new Set(report.byRoom.map(b => b.room))
    const title = roomIds ? rooms.map(r => r.name).join('、') || '我组织的群' : ALL_ROOMS
    return c.html(overviewPage({
      viewer: s.viewer,
      title,
      period,
      choices: pickerChoices(clock.now(), timeZone),
      quick: quickLinks(clock.now()),
      report,
      chartSvg: { narrow: await trendChartSvg(trend, 340), wide: await trendChartSvg(trend, 900) },
      chartMonths: `${months[0]!.replace('-', '年')}月至${months[11]!.replace('-', '年')}月`.replace(/年0/g, '年'),
      roomIds: roomIdByName,
      quietRooms: rooms.filter(r => r.enabled && !active.has(r.name)),
    }))
  })

  app.get('/rooms/:id', c => {
    const s = c.get('signed')
    const room = visibleRoom(s, c.req.param('id'))
    if (!room) return notFound(c)
    const period = periodOf(c)
    if (!period) return badPeriod(c, c.req.query('period') ?? '')
    const report = buildReport(db, { ...period, roomIds: [room.id] })
    return c.html(roomPage({ viewer: s.viewer, roomId: room.id, roomName: room.name, period, choices: pickerChoices(clock.now(), timeZone), quick: quickLinks(clock.now()), report, now: clock.now(), timeZone }))
  })

  /** The activity, when the signed-in person may see its room. */
  const visibleActivity = (s: Signed, idText: string) => {
    if (!isId(idText)) return undefined
    const row = activityById(db, Number(idText))
    if (!row || !visibleRoom(s, String(row.roomId))) return undefined
    return row
  }

  app.get('/activities/:id', async c => {
    const s = c.get('signed')
    const row = visibleActivity(s, c.req.param('id'))
    const figures = row ? activityFigures(db, row.id, timeZone) : undefined
    if (!row || !figures) return notFound(c)
    const live = liveSignups(db, row.id)
    const labels = signupLabels(db, live)
    const entry = (r: (typeof live)[number]): ListEntry => {
      const l = labels.get(r.id)
      const notes = [r.companions > 0 ? `+${r.companions}` : '', l?.by ? `${l.by}代报` : ''].filter(Boolean)
      return { name: l?.name ?? '?', ...(notes.length > 0 ? { note: notes.join(' ') } : {}) }
    }
    const checkins = checkinsOf(db, row.id)
    return c.html(activityPage({
      viewer: s.viewer,
      activity: figures,
      roomId: row.roomId,
      description: row.description,
      confirmed: live.filter(r => r.status === 'confirmed').map(entry),
      waitlist: live.filter(r => r.status === 'waitlisted').map(entry),
      checkins: checkins.map(ch => ({ name: memberById(db, ch.memberId)?.name ?? '?', note: `${formatClock(toWall(ch.at, timeZone))}签到` })),
      photos: activityPhotos(db, row.id),
      hasRecord: true,
      now: clock.now(),
      timeZone,
    }))
  })

  app.get('/activities/:id/photos/:photo', async c => {
    const row = visibleActivity(c.get('signed'), c.req.param('id'))
    const photoId = c.req.param('photo')
    const file = row && isId(photoId) ? photoFile(db, row.id, Number(photoId)) : null
    if (!file) return notFound(c)
    try {
      const bytes = await readFile(file.path)
      c.header('Content-Type', file.ext === 'png' ? 'image/png' : file.ext === 'gif' ? 'image/gif' : file.ext === 'webp' ? 'image/webp' : file.ext === 'heic' ? 'image/heic' : 'image/jpeg')
      c.header('Cache-Control', 'private, max-age=86400')
      return c.body(bytes)
    } catch {
      return notFound(c)
    }
  })

  app.get('/activities/:id/record.docx', async c => {
    const row = visibleActivity(c.get('signed'), c.req.param('id'))
    // the Word library is loaded on the first record asked for, not at start-up
    const render = deps.recordDocx ?? (async (d: Db, id: number) => (await import('../report/record-docx.js')).renderActivityRecord(d, id, deps.timeZone))
    const docx = row ? await render(db, row.id) : null
    if (!row || !docx) return notFound(c)
    return download(c, docx, `${row.title}活动记录.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  app.get('/ledger.xlsx', async c => {
    const s = c.get('signed')
    const period = periodOf(c)
    if (!period) return badPeriod(c, c.req.query('period') ?? '')
    const roomParam = c.req.query('room')
    let roomIds = scopeIds(s)
    let title = roomIds ? roomsForPages(db).filter(r => roomIds!.includes(r.id)).map(r => r.name).join('、') : ALL_ROOMS
    if (roomParam !== undefined) {
      const room = visibleRoom(s, roomParam)
      if (!room) return notFound(c)
      roomIds = [room.id]
      title = room.name
    }
    const report: Report = buildReport(db, { ...period, ...(roomIds ? { roomIds } : {}) })
    const { renderWorkbook } = await import('../report/xlsx.js')
    const label = periodLabel(report.period)
    const prefix = title === ALL_ROOMS ? '' : roomParam !== undefined ? title : ''
    return download(c, await renderWorkbook(report, { title, now: clock.now() }), `${prefix}${label}活动台账.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  app.notFound(c => c.html(notice('没有找到', ['没有这个页面。'], c.get('signed')?.viewer), 404))
  app.onError((err, c) => {
    log.error({ err, path: c.req.path }, 'web: a page failed')
    return c.html(notice('出错了', ['抱歉，这个页面出了点问题，已记录下来。请稍后再试。']), 500)
  })
  return app
}

function download (c: Context<Env>, bytes: Buffer, fileName: string, type: string): Response {
  c.header('Content-Type', type)
  c.header('Content-Disposition', `attachment; filename="download${fileName.slice(fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
  return c.body(new Uint8Array(bytes))
}

export interface RunningWeb {
  /** the port listened on (the one asked for, or the one given for port 0 in tests) */
  port: number
  server: Server
  close (): Promise<void>
}

/** Listens on host:port; rejects when the port cannot be had (in use, not allowed). */
export function startWebServer (deps: WebDeps, host: string, port: number): Promise<RunningWeb> {
  const app = createWebApp(deps)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port, serverOptions: { maxHeaderSize: 16 * 1024, requestTimeout: 30_000 } }) as Server
    server.headersTimeout = 10_000
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      server.on('error', err => deps.log.error({ err }, 'web server error'))
      const actual = (server.address() as AddressInfo).port
      resolve({
        port: actual,
        server,
        close: () => new Promise<void>(done => {
          server.close(() => done())
          server.closeAllConnections()
        }),
      })
    })
  })
}
