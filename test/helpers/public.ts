// Where the public examples are: ../shared (the contract, kept current) when this checkout sits
// beside it, else the copy in test/fixtures/public.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))
const copy = fileURLToPath(new URL('../fixtures/public/', import.meta.url))

export const PUBLIC_EXAMPLES = existsSync(`${shared}examples/month-luchen.jsonl`) ? `${shared}examples/` : copy
export const CHECKER = existsSync(`${shared}tools/check-transcript.mjs`) ? `${shared}tools/check-transcript.mjs` : `${copy}check-transcript.mjs`
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Runs the acceptance checker on an expect.json; its output and exit status. */
export function checkTranscript (expectFile: string): { out: string, status: number | null } {
  const r = spawnSync('node', [CHECKER, expectFile], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 })
  return { out: `${r.stdout}${r.stderr}`, status: r.status }
}

/** One test per transcript of test/transcripts ([expect.json, what it shows]): every expectation met. */
export function transcriptSuite (title: string, transcripts: Array<[string, string]>): void {
  describe(title, () => {
    it.each(transcripts)('%s — %s', file => {
      const { out, status } = checkTranscript(join(PROJECT_ROOT, 'test/transcripts', file))
      expect(out).toMatch(/(\d+)\/\1 expectations met/)
      expect(status, out).toBe(0)
    }, 240_000)
  })
}
