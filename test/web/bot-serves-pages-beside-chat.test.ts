// The production wiring (runBot, real timers) on a mock WeChat: the pages listen beside the bot, /healthz says
// it is logged in, #网页 in private chat brings a link that opens the overview, and stopping the bot stops them.
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { log as wechatyLog } from 'wechaty'
import { afterAll, expect, it } from 'vitest'
import { runBot, type RunningBot } from '../../src/bot.js'
import { createConfig } from '../../src/config.js'
import { silentLogger } from '../../src/log.js'
import { contactIdOf, MockWorld } from '../../src/sim/mock-world.js'

wechatyLog.level('silent')
let running: RunningBot | undefined
afterAll(async () => { await running?.stop('test') })

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    }).on('error', reject)
  })
}

it('serves the pages beside the bot and stops them with it', async () => {
  const port = await freePort()
  const world = new MockWorld({ bot: '新联小助手', rooms: [{ topic: '测试群', owner: '周会长', members: ['周会长', '林律师'] }], contacts: [] })
  const sent: string[] = []
  world.puppet.onSend = s => { if (s.text) sent.push(s.text) }
  const config = createConfig({
    DB_PATH: join(mkdtempSync(join(tmpdir(), 'xl-bot-web-')), 'bot.db'),
    SEND_INTERVAL_MS: '50',
    LOG_LEVEL: 'silent',
    BOT_ADMINS: contactIdOf('周会长'),
    WEB_PORT: String(port),
  })
  expect(config.WEB_BASE_URL).toBe(`http://127.0.0.1:${port}`)
  running = await runBot({ config, log: silentLogger, puppet: world.puppet })
  await running.ready
  const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as { loggedIn: boolean, outboxWaiting: number }
  expect(health.loggedIn).toBe(true)

  world.deliver({ id: 'web-1', at: Date.now(), from: '周会长', text: '#网页', mentions: [] })
  let link: string | undefined
  for (let i = 0; i < 100 && !link; i++) {
    await new Promise(resolve => setTimeout(resolve, 100))
    link = sent.map(t => /http:\/\/127\.0\.0\.1:\d+\/login\?token=\S+/.exec(t)?.[0]).find(Boolean)
  }
  expect(link).toBeDefined()
  const login = await fetch(link!, { redirect: 'manual' })
  expect(login.status).toBe(303)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const overview = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie } })
  expect(overview.status).toBe(200)
  expect(await overview.text()).toContain('活动场次')

  await running.stop('test')
  running = undefined
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
})
