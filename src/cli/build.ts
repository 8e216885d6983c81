// npm run build: type-check, then bundle the production entry (src/main.ts) into dist/bundle/.
// Wechaty alone loads about 1,400 modules; one bundle saves resolving and wrapping each of them,
// a fifth of the start-up time. What cannot be bundled stays in node_modules: native addons,
// the puppets (Wechaty imports the configured one by name), and packages that read their own
// files next to their code (pino's workers, jimp's fonts). The report renderers (exceljs, vega)
// are split into chunks loaded on first use, as in src/.
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { STAMP_FILE, sourceStamp } from './source-stamp.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLE_DIR = 'dist/bundle'

const EXTERNAL = [
  // native addons
  'better-sqlite3', '@resvg/resvg-js',
  // puppets: Wechaty imports the one WECHATY_PUPPET names (the mock is imported by src/bot.ts and bundled)
  'wechaty-puppet-wechat4u', 'wechaty-puppet-service',
  // they find files beside their own code
  'pino', 'pino-pretty', 'thread-stream', 'jimp', '@embedpdf/fonts-sc',
  // memory-card's optional storage back ends, never installed here
  'etcd3', 'esdk-obs-nodejs', 'aws-sdk',
]

/** Files of an earlier build are kept this long: a replay started from it may still load one of its chunks. */
const KEEP_OLD_MS = 10 * 60_000

/**
 * Bundles src/main.ts, and the replay, report and web commands, into `outdir` (dist/bundle: main.mjs, replay.mjs,
 * report.mjs, web.mjs and their shared chunks), with the stamp of the sources it was built from (source-stamp.mjs). `outdir`
 * sits two folders below the project, as src/db does, so paths read relative to the code (the migrations) are the
 * same from the bundle. The folder is not emptied first: a command running from the previous build keeps its chunks.
 */
export async function bundle (outdir = BUNDLE_DIR): Promise<void> {
  const dir = join(root, outdir)
  const stamp = sourceStamp(root) // before building: a source changed meanwhile leaves the bundle stale, never wrongly fresh
  rmSync(join(dir, STAMP_FILE), { force: true })
  const result = await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', replay: 'src/cli/replay.ts', report: 'src/cli/report.ts', web: 'src/cli/web.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // the mock puppet's fake data in English only: faker's index loads every locale (~250 ms)
    alias: { faker: 'faker/locale/en' },
    // the CommonJS packages inside the bundle still call require() for Node's own modules
    banner: { js: "import { createRequire as __xlRequire } from 'node:module'; const require = __xlRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  const written = new Set(Object.keys(result.metafile.outputs).map(f => resolve(root, f)))
  for (const entry of readdirSync(dir)) {
    const file = join(dir, entry)
    if (!written.has(file) && Date.now() - statSync(file).mtimeMs > KEEP_OLD_MS) rmSync(file, { recursive: true, force: true })
  }
  writeFileSync(join(dir, STAMP_FILE), `${stamp}\n`)
}

// npm run build type-checks first; `--no-typecheck` is for `npm test`, which has just type-checked
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-typecheck')) {
    const typecheck = spawnSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', '.', '--noEmit'], { cwd: root, stdio: 'inherit' })
    if (typecheck.status !== 0) process.exit(typecheck.status ?? 1)
  }
  await bundle()
}
