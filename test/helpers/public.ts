// Where the public examples are: ../shared (the contract, kept current) when this checkout sits
// beside it, else the copy in test/fixtures/public.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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
