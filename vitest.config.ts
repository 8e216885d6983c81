import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Tests by tier, each a vitest project: `npm test` runs them all, `npm run test:unit` the pure tier
// alone (no database, no child process, no build) in seconds; `npx vitest run --project commands`
// runs one tier. A new test file goes into its tier's folder and is found with no edit here.
const tier = (name: string, include: string[]) => ({ extends: true as const, test: { name, include } })

export default defineConfig({
  test: {
    pool: 'forks',
    // most of the slow tests wait on a child process (replay, the checker, a real bot): on a 2-core
    // machine two workers keep both cores busy, where the default of one leaves one idle (4 min → 2.5 min)
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      // pure code: domain rules, normalisation, zoned time, report rendering
      tier('unit', ['test/unit/**/*.test.ts']),
      // dispatch and the stores on ':memory:' SQLite with the real migrations
      tier('commands', ['test/commands/**/*.test.ts']),
      // the Wechaty plugin and the whole bot on wechaty-puppet-mock, in-process
      tier('bot', ['test/bot/**/*.test.ts']),
      // child processes: the replay and report CLIs, the production bundle, crashes, SIGTERM, locks, backups
      tier('process', ['test/process/**/*.test.ts']),
      // transcripts under test/acceptance/<theme>/, found by test/acceptance/transcripts.test.ts
      tier('acceptance', ['test/acceptance/**/*.test.ts']),
      // pages in a browser (an empty folder is fine: the project then simply has no files)
      tier('web', ['test/web/**/*.test.ts']),
    ],
  },
})
