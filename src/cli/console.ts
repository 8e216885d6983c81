// npm run console: try the bot without WeChat — a demo group on wechaty-puppet-mock in the
// terminal. Type as any member, move time, see every reply with its @mentions.
import './quiet-stdout.js'
import { createInterface } from 'node:readline'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { log as wechatyLog } from 'wechaty'
import { settingsFromConfig } from '../app.js'
import { loadConfig } from '../config.js'
import { parseDuration } from '../domain/durations.js'
import { formatIso, toWall } from '../domain/zoned-time.js'
import { createLogger } from '../log.js'
import { Simulation, type OutputLine } from '../sim/simulation.js'

const BOT = '新联小助手'
const ROOM = '演示新联会'
const ADMIN = '周会长'
const PEOPLE = [ADMIN, '陈秘书', '林律师', '吴设计师', '郑主播', '王会计', '黄医生', '赵老师']

const HELP = `控制台命令（其余输入都作为群消息发出）：
  /as 名字          换一个人说话（${PEOPLE.join(' ')}）
  /private          私聊机器人；/room 回到群里
  /time [时间]      查看模拟时间，或跳到某个时间，如 /time 2026-11-28 13:30
  /advance 2h       让时间前进（30m、2h、1d），途中的提醒、月报照常发出
  /who              查看群成员
  /help             显示本说明；/quit 退出
多行消息：行末加 \\ 接着输入下一行，或在一行里用 \\n 表示换行。`

const color = (code: number, s: string): string => (process.stdout.isTTY ? `\x1b[${code}m${s}\x1b[0m` : s)

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' } } })
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env })
  wechatyLog.level('silent')
  const settings = settingsFromConfig(config)
  settings.core = { ...settings.core, admins: [ADMIN] }
  settings.scheduler = { ...settings.scheduler, backup: null }
  const tz = settings.core.timeZone
  const clockText = (t: number): string => formatIso(t, tz).slice(0, 19).replace('T', ' ')

  let speaker = ADMIN
  let inRoom = true
  const print = (line: OutputLine): void => {
    const where = line.room ? `@${line.room}` : `→ 私聊 ${line.to}`
    const head = color(36, `[${line.at.slice(5, 19).replace('T', ' ')}] ${BOT} ${where}`)
    const mentions = line.mentions?.length ? color(33, ` (提醒了 ${line.mentions.map(n => `@${n}`).join(' ')})`) : ''
    const body = line.file ? color(32, `📎 文件 ${line.file}  已保存到 ${line.path}`) : (line.text ?? '')
    process.stdout.write(`\n${head}${mentions}\n${body.split('\n').map(l => `  ${l}`).join('\n')}\n`)
    // a reply that arrives while you type (acknowledgements, reminders) redraws the prompt under it
    if (!busy) rl?.prompt(true)
  }
  let rl: ReturnType<typeof createInterface> | undefined
  let busy = false

  const sim = await Simulation.start({
    world: { bot: BOT, rooms: [{ topic: ROOM, owner: ADMIN, members: PEOPLE }], contacts: [] },
    enabledRooms: [ROOM],
    settings,
    dbPath: values.db ?? ':memory:',
    outDir: mkdtempSync(join(tmpdir(), 'xinlian-console-')),
    startsAt: Date.now(),
    log: createLogger(config.LOG_LEVEL),
    onOutput: print,
  })

  // one thing at a time: typed messages and the clock running in real time share the bot
  let queue = Promise.resolve()
  const serial = (fn: () => Promise<void>): Promise<void> => (queue = queue.then(fn, fn))
  let lastReal = Date.now()
  const ticker = setInterval(() => {
    void serial(async () => {
      const now = Date.now()
      await sim.advanceTo(sim.clock.now() + (now - lastReal))
      lastReal = now
    })
  }, 500)

  const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
  rl = input
  const prompt = (): void => {
    input.setPrompt(color(90, `${speaker}${inRoom ? `@${ROOM}` : ' 私聊'}> `))
    input.prompt()
  }
  process.stdout.write(`${color(1, `新联会活动助手 · 控制台演示`)}（群「${ROOM}」已启用，你是管理员 ${ADMIN}；模拟时间 ${clockText(sim.clock.now())}）\n${HELP}\n`)
  process.stdout.write('试试：#活动 主题：数字经济沙龙；时间：下周六下午2点-4点；名额：3   然后 /as 林律师 报名\n')
  prompt()

  let pending = ''
  const handle = async (input: string): Promise<void> => {
    const [cmd, ...rest] = input.trim().split(/\s+/)
    const arg = rest.join(' ')
    switch (cmd) {
      case '/help': case '/?':
        process.stdout.write(`${HELP}\n`)
        return
      case '/quit': case '/exit':
        clearInterval(ticker)
        await sim.finish()
        process.exit(0)
        return
      case '/as':
        if (!PEOPLE.includes(arg)) process.stdout.write(`没有「${arg}」这个人。可选：${PEOPLE.join(' ')}\n`)
        else speaker = arg
        return
      case '/private': inRoom = false; return
      case '/room': inRoom = true; return
      case '/who':
        process.stdout.write(`群「${ROOM}」：${PEOPLE.join('、')}（${ADMIN} 是群主和管理员）\n`)
        return
      case '/time': {
        if (arg) {
          const target = Date.parse(`${arg.replace(' ', 'T')}${/[+-]\d\d:?\d\d$|Z$/.test(arg) ? '' : formatIso(sim.clock.now(), tz).slice(19)}`)
          if (Number.isNaN(target)) process.stdout.write('看不懂这个时间，例如：/time 2026-11-28 13:30\n')
          else if (target < sim.clock.now()) process.stdout.write('时间只能往前走\n')
          else await sim.advanceTo(target)
        }
        const w = toWall(sim.clock.now(), tz)
        process.stdout.write(`模拟时间：${clockText(sim.clock.now())}（周${'一二三四五六日'[w.weekday - 1]}）\n`)
        return
      }
      case '/advance': {
        const ms = parseDuration(arg)
        if (ms === null) process.stdout.write('请写时长，例如：/advance 2h、/advance 30m、/advance 1d\n')
        else await sim.advanceTo(sim.clock.now() + ms)
        process.stdout.write(`模拟时间：${clockText(sim.clock.now())}\n`)
        return
      }
    }
    const text = input.replace(/\\n/g, '\n')
    const mentions = PEOPLE.concat(BOT).filter(n => text.includes(`@${n}`))
    await sim.deliver({ at: sim.clock.now(), from: speaker, room: inRoom ? ROOM : undefined, text, mentions })
  }

  input.on('line', line => {
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)}\n`
      input.setPrompt(color(90, '... '))
      input.prompt()
      return
    }
    const typed = pending + line
    pending = ''
    if (!typed.trim()) { prompt(); return }
    busy = true
    void serial(() => handle(typed)).then(() => { busy = false; prompt() })
  })
  input.on('close', () => {
    void serial(async () => {
      clearInterval(ticker)
      await sim.finish()
      process.exit(0)
    })
  })
}

main().catch(err => {
  process.stderr.write(`console: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
