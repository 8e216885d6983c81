// What the bundle was built from: one hash over every source file (src/, commands/) and the package files. The build
// writes it beside the bundle; npm run replay / report compare it before using the bundle. A hash, not file times:
// copies that keep times (cp -p, rsync -a, tar, Docker COPY) or a skewed clock cannot make a stale bundle look fresh.
// Plain JavaScript: the launcher reads it before anything can compile.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'commands', 'package.json', 'package-lock.json', 'tsconfig.json']

/** Every file under `path` (or `path` itself), relative to `root`, in a stable order. */
function filesUnder (root, path) {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [path]
  return readdirSync(full).sort().flatMap(entry => filesUnder(root, `${path}/${entry}`))
}

/** The hash of the sources under the project folder `root`. */
export function sourceStamp (root) {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap(p => filesUnder(root, p))) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Where the build writes the stamp, in the bundle's folder. */
export const STAMP_FILE = '.source-stamp'
