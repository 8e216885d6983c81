// startup bench: wall time from spawning the production entry (`npm start` runs dist/bundle/main.mjs, bundled by
// `npm run build`) on wechaty-puppet-mock with a fresh database, to its `ready` log line.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { median, progress, PROJECT_ROOT, round, tempDir } from './util.js'

export interface StartupResult {
  ms: number
}

const READY = /ready: waiting for login/
const TIMEOUT_MS = 60_000

/** One start: spawn, wait for the ready line on stderr, SIGTERM, wait for the exit. Returns ms to ready. */
async function startOnce (): Promise<{ ms: number, reportedMs: number | null }> {
  const { dir, cleanup } = tempDir('startup')
  try {
    const started = performance.now()
    const child = spawn(process.execPath, ['dist/bundle/main.mjs'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        WECHATY_PUPPET: 'wechaty-puppet-mock',
        DB_PATH: join(dir, 'xinlian.db'),
        BACKUP_DIR: join(dir, 'backups'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    const result = await new Promise<{ ms: number, reportedMs: number | null }>((resolve, reject) => {
      let seen = ''
      const timer = setTimeout(() => reject(new Error(`startup: no ready line within ${TIMEOUT_MS} ms; stderr:\n${seen}`)), TIMEOUT_MS)
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => {
        const ms = performance.now() - started
        seen += chunk
        const line = seen.split('\n').find(l => READY.test(l))
        if (!line) return
        clearTimeout(timer)
        let reportedMs: number | null = null
        try { reportedMs = (JSON.parse(line) as { ms?: number }).ms ?? null } catch { /* pretty output: no ms to read */ }
        resolve({ ms, reportedMs })
      })
      void exited.then(code => {
        clearTimeout(timer)
        reject(new Error(`startup: the bot exited (${code}) before it was ready; stderr:\n${seen}`))
      })
    })
    child.kill('SIGTERM')
    await exited
    return result
  } finally {
    cleanup()
  }
}

/**
 * Builds first (as `npm start` does), then `runs` measured starts after one unmeasured start
 * that warms the operating system's file cache (the cold number is shown on stderr).
 */
export async function measureStartup (runs: number): Promise<StartupResult> {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`startup: npm run build failed:\n${build.stdout}${build.stderr}`)
  const cold = await startOnce()
  progress(`startup: first (unmeasured, cold file cache) ${Math.round(cold.ms)} ms`)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const { ms, reportedMs } = await startOnce()
    times.push(ms)
    progress(`startup ${i + 1}/${runs}: ${Math.round(ms)} ms to ready (main.ts says ${reportedMs ?? '?'} ms after its own start)`)
  }
  return { ms: round(median(times), 0) }
}
