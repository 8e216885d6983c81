// npm run lint:layers: a forbidden import fails with the sentence of the rule it breaks, and the
// layering the rules describe holds for imports that are allowed. Runs dependency-cruiser with the
// project's own .dependency-cruiser.cjs over a small project of probe files.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

function cruise (files: Record<string, string>): { status: number | null, out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xl-layers-'))
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'))
  copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  mkdirSync(join(dir, 'commands'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', 'commands', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('the layering rules', () => {
  it('let the layers import downwards, with .js specifiers for .ts files', () => {
    const r = cruise({
      'src/domain/roster.ts': 'export const seats = (n: number): number => n\n',
      'src/db/signups.ts': "import { seats } from '../domain/roster.js'\nexport const x = seats(1)\n",
      'src/chat/plugin.ts': "import { WechatyBuilder } from 'wechaty'\nimport { x } from '../db/signups.js'\nexport const y = [WechatyBuilder, x]\n",
      'commands/signup.ts': "import { x } from '../src/db/signups.js'\nexport default x\n",
    })
    expect(r.out).not.toMatch(/error/)
    expect(r.status).toBe(0)
  }, 60_000)

  it('fail on a domain rule that reads the database, a db module that imports a command, and Wechaty below the adapter', () => {
    const r = cruise({
      'src/db/open.ts': 'export const openDb = (): number => 1\n',
      'src/domain/roster.ts': "import { openDb } from '../db/open.js'\nexport const seats = openDb\n",
      'commands/signup.ts': 'export default 1\n',
      'src/db/signups.ts': "import signup from '../../commands/signup.js'\nexport const x = signup\n",
      'src/core/dispatch.ts': "import type { Wechaty } from 'wechaty'\nexport type W = Wechaty\n",
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('error domain-is-pure: src/domain/roster.ts → src/db/open.ts')
    expect(r.out).toContain('src/domain/ may not import the database')
    expect(r.out).toContain('error db-imports-no-command-or-adapter: src/db/signups.ts → commands/signup.ts')
    expect(r.out).toMatch(/error only-chat-imports-wechaty: src\/core\/dispatch\.ts → .*node_modules\/wechaty\//)
    expect(r.out).toContain('Only src/chat/')
  }, 60_000)

  it('fail on a cycle of modules', () => {
    const r = cruise({
      'src/core/a.ts': "import { b } from './b.js'\nexport const a = (): number => b()\n",
      'src/core/b.ts': "import { a } from './a.js'\nexport const b = (): number => a()\n",
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('error no-circular')
  }, 60_000)
})
