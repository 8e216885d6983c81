// Every transcript under test/acceptance/<theme>/, found by its NAME.expect.json (a new one is
// picked up with no edit here), replayed by the shared checker exactly as acceptance runs it:
// `npm run replay` and `npm run report` as child processes. One describe per theme folder; each
// test is named by the expect.json's "title", which says what the transcript proves.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkTranscript } from '../helpers/public.js'

const here = fileURLToPath(new URL('.', import.meta.url))

interface Transcript { file: string, title: string }

const byTheme = new Map<string, Transcript[]>()
for (const file of readdirSync(here, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.expect.json')).sort()) {
  const theme = dirname(file).split(/[\\/]/)[0] ?? '.'
  const { title } = JSON.parse(readFileSync(join(here, file), 'utf8')) as { title?: unknown }
  // a missing title names the test by its file and fails it below
  const list = byTheme.get(theme) ?? []
  list.push({ file, title: typeof title === 'string' && title.trim() !== '' ? title : file })
  byTheme.set(theme, list)
}

for (const [theme, transcripts] of byTheme) {
  describe(theme, () => {
    for (const { file, title } of transcripts) {
      it(title, () => {
        expect(title, `${file} needs a top-level "title" saying what it proves`).not.toBe(file)
        const { out, status } = checkTranscript(join(here, file))
        expect(out, file).toMatch(/(\d+)\/\1 expectations met/)
        expect(status, `${file}\n${out}`).toBe(0)
      }, 240_000)
    }
  })
}
