// A secretary opens the link the bot sent her on the mock WeChat, in a real headless Chromium, and walks
// overview → room → activity on a 375×812 phone and a 1280×800 desktop: the figures equal what
// `npm run report -- --format json` says for the same period and room, no page is wider than the phone,
// and screenshots are saved under the temp folder for a person to look at.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import chromium from '@sparticuz/chromium'
import { chromium as playwright, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setSetting } from '../../src/db/settings.js'
import { silentLogger } from '../../src/log.js'
import type { Simulation } from '../../src/sim/simulation.js'
import type { Report } from '../../src/report/types.js'
import { WEB_BASE_URL_SETTING } from '../../src/web/login-url.js'
import { startWebServer, type RunningWeb } from '../../src/web/server.js'
import { play } from '../helpers/sim.js'

const ROOT = join(import.meta.dirname, '..', '..')
export const SCREENSHOTS = join(tmpdir(), 'xinlian-web-screenshots')
const TOTAL_WORDS: Array<[keyof Report['totals'], string]> = [
  ['activities', '活动场次'], ['completed', '已完成'], ['cancelled', '已取消'], ['signups', '报名人数'],
  ['waitlist', '候补人数'], ['attendance', '实到人次'], ['participants', '参与人数'],
]

let sim: Simulation
let web: RunningWeb
let browser: Browser
let dbFile: string
/** login links as the bot sent them to 陈秘书 in private chat */
const links: string[] = []

/** `npm run report -- --format json` on the bot's database, as a secretary would run it at the shell. */
async function reportJson (args: string[]): Promise<Report> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'src/cli/launch.mjs'), 'report', '--db', dbFile, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BOT_TIMEZONE: 'Asia/Shanghai' } })
  return JSON.parse(stdout) as Report
}

/** What report --format json says for November, the fourth quarter and the room in November. */
let reports: { month: Report, quarter: Report, year: Report, room: Report }

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xl-web-'))
  dbFile = join(dir, 'bot.db')
  mkdirSync(SCREENSHOTS, { recursive: true })
  const lines = readFileSync(join(ROOT, 'test/fixtures/public/month-luchen.jsonl'), 'utf8').split('\n')
    .filter(l => l.trim() && !l.trim().startsWith('//')).map(l => JSON.parse(l) as Record<string, unknown>)
  const played = await play(lines, { db: dbFile, keepOpen: true })
  sim = played.sim
  const db = sim.currentCore.db
  web = await startWebServer({ db, clock: sim.clock, log: silentLogger, timeZone: 'Asia/Shanghai', admins: ['周会长'], baseUrl: 'http://127.0.0.1' }, '127.0.0.1', 0)
  // WEB_BASE_URL as the bot would have it from the environment (the port is known only now)
  setSetting(db, WEB_BASE_URL_SETTING, `http://127.0.0.1:${web.port}`)
  let at = Date.parse('2026-12-01T10:00:00+08:00')
  for (let i = 0; i < 2; i++) {
    const before = played.out.length
    await sim.deliver({ at: at += 60_000, from: '陈秘书', text: i === 0 ? '#网页' : '#后台' })
    const sent = played.out.slice(before).find(o => o.to === '陈秘书' && o.text?.includes('/login?token='))
    const link = /http:\/\/\S+/.exec(sent?.text ?? '')?.[0]
    if (!link) throw new Error(`no link in ${JSON.stringify(played.out.slice(before))}`)
    links.push(link)
  }
  // the CLI reads the file: what the bot wrote is committed once it has handled the messages
  const [month, quarter, year, room] = await Promise.all([
    reportJson(['--month', '2026-11']),
    reportJson(['--from', '2026-10-01', '--to', '2026-12-31']),
    reportJson(['--from', '2026-01-01', '--to', '2026-12-31']),
    reportJson(['--month', '2026-11', '--room', '鹿城新联会']),
  ])
  reports = { month: month!, quarter: quarter!, year: year!, room: room! }
  const executablePath = await chromium.executablePath()
  browser = await playwright.launch({ executablePath, args: chromium.args, headless: true })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await sim?.finish()
})

async function totalsOn (page: Page): Promise<Record<string, number>> {
  const text = await page.locator('dl.totals').first().innerText()
  return Object.fromEntries(TOTAL_WORDS.map(([key, word]) => [key, Number(new RegExp(`${word}\\s*(\\d+)`).exec(text)?.[1])]))
}

async function noOverflow (page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate('({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })') as { scroll: number, inner: number }
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${inner}px screen`).toBeLessThanOrEqual(inner)
}

const VIEWPORTS = [{ name: 'phone', width: 375, height: 812 }, { name: 'desktop', width: 1280, height: 800 }] as const

describe.each(VIEWPORTS.map((v, i) => ({ ...v, i })))('the pages on a $name ($width×$height)', ({ name, width, height, i }) => {
  it('walks overview → room → activity with the figures of report --format json', async () => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    try {
      // the link as it arrived in chat logs in and lands on the overview
      await page.goto(links[i]!)
      expect(new URL(page.url()).pathname).toBe('/')
      expect(await page.locator('header').innerText()).toContain('陈秘书')

      // the period picker: November 2026
      await page.selectOption('#period', '2026-11')
      await Promise.all([page.waitForURL(/period=2026-11/), page.click('form.picker button')])
      const month = reports.month
      expect(await totalsOn(page)).toEqual(month.totals)
      expect(await page.locator('section.chart svg:visible').count()).toBe(1)
      const byRoom = await page.locator('#by-room tbody tr').allInnerTexts()
      expect(byRoom.map(r => r.split(/\t/).map(s => s.trim()))).toEqual(month.byRoom.map(b => [b.room, ...[b.activities, b.completed, b.cancelled, b.signups, b.attendance, b.participants].map(String)]))
      const byType = await page.locator('#by-type tbody tr').allInnerTexts()
      expect(byType.map(r => r.split(/\t/).map(s => s.trim()))).toEqual(month.byType.map(t => [t.type, String(t.activities), String(t.completed), String(t.attendance)]))
      await noOverflow(page)
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-1-overview.png`), fullPage: true })

      // the quarter and the year, as the 统战部 reads them
      await page.goto(`${new URL(page.url()).origin}/?period=2026Q4`)
      expect(await totalsOn(page)).toEqual(reports.quarter.totals)
      await page.goto(`${new URL(page.url()).origin}/?period=2026`)
      expect(await totalsOn(page)).toEqual(reports.year.totals)
      await page.goto(`${new URL(page.url()).origin}/?period=2026-11`)

      // the room
      await Promise.all([page.waitForURL(/\/rooms\/\d+/), page.click('#by-room a >> nth=0')])
      const room = reports.room
      expect(await totalsOn(page)).toEqual(room.totals)
      const rows = await page.locator('#activities tbody tr').count()
      expect(rows).toBe(room.activities.length)
      await noOverflow(page)
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-2-room.png`), fullPage: true })

      // the first completed activity, with its lists
      const done = room.activities.find(a => a.status === 'completed')!
      await Promise.all([page.waitForURL(/\/activities\/\d+$/), page.click(`#activities a[href="/activities/${done.id}"]`)])
      const figure = async (id: string): Promise<string> => (await page.locator(`#figure-${id}`).innerText()).trim()
      expect(await figure('signups')).toBe(String(done.signups))
      expect(await figure('waitlist')).toBe(String(done.waitlist))
      expect(await figure('checkins')).toBe(String(done.checkins))
      expect(await figure('attendance')).toBe(String(done.attendance))
      const body = await page.locator('main').innerText()
      for (const person of done.participants) expect(body).toContain(person)
      await noOverflow(page)
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-3-activity.png`), fullPage: true })

      // the workbook downloads from the overview
      await page.goto(`${new URL(page.url()).origin}/?period=2026-11`)
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/ledger.xlsx"]')])
      expect(download.suggestedFilename()).toBe('2026年11月活动台账.xlsx')
    } finally {
      // the context stays open until the browser closes: @sparticuz/chromium runs in one process, which
      // closing a context can take down with it
      await page.close()
    }
  }, 90_000)
})

it('a used link opened again in the browser shows no data', async () => {
  const page = await browser.newPage()
  try {
    const res = await page.goto(links[0]!)
    expect(res?.status()).toBe(410)
    expect(await page.locator('main').innerText()).toContain('已经用过')
    expect(await page.locator('dl.totals').count()).toBe(0)
  } finally {
    await page.close()
  }
})
