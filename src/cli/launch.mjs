// npm run replay / npm run report / npm run web: the command from the bundle (dist/bundle/<name>.mjs, built by `npm run build`
// and `npm test`) when it was built from exactly the sources here (source-stamp.mjs), else from the TypeScript source
// through tsx. Both are the same code; the bundle starts in a third of the time (Wechaty alone is ~1,400 modules),
// which counts when an acceptance harness replays hundreds of transcripts. Plain JavaScript: it runs before anything
// can compile.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { STAMP_FILE, sourceStamp } from './source-stamp.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const name = process.argv[2]
if (name !== 'replay' && name !== 'report' && name !== 'web') {
  process.stderr.write('usage: node src/cli/launch.mjs replay|report|web ARGS…\n')
  process.exit(2)
}
// the command reads its own arguments from process.argv.slice(2)
process.argv.splice(2, 1)

const bundled = `${root}dist/bundle/${name}.mjs`
const stamp = `${root}dist/bundle/${STAMP_FILE}`
const fresh = existsSync(bundled) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceStamp(root)
if (fresh) {
  await import(pathToFileURL(bundled).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(`${root}src/cli/${name}.ts`).href)
}
