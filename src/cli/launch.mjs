// npm run replay / npm run report: the command from the bundle (dist/bundle/<name>.mjs, built by `npm run build`
// and `npm test`) when it is newer than every source file, else from the TypeScript source through tsx. Both are
// the same code; the bundle starts in a third of the time (Wechaty alone is ~1,400 modules), which counts when an
// acceptance harness replays hundreds of transcripts. Plain JavaScript: it runs before anything can compile.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const name = process.argv[2]
if (name !== 'replay' && name !== 'report') {
  process.stderr.write('usage: node src/cli/launch.mjs replay|report ARGS…\n')
  process.exit(2)
}
// the command reads its own arguments from process.argv.slice(2)
process.argv.splice(2, 1)

/** The newest modification time under a folder (or of a file), 0 when it does not exist. */
function newest (path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(`${path}/${entry}`))
  return latest
}

const bundled = `${root}dist/bundle/${name}.mjs`
const sources = ['src', 'commands', 'package.json', 'package-lock.json', 'tsconfig.json'].map(p => newest(`${root}${p}`))
if (existsSync(bundled) && statSync(bundled).mtimeMs >= Math.max(...sources)) {
  await import(pathToFileURL(bundled).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(`${root}src/cli/${name}.ts`).href)
}
