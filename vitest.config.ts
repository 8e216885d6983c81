import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // most of the slow tests wait on a child process (replay, the checker, a real bot): on a 2-core
    // machine two workers keep both cores busy, where the default of one leaves one idle (4 min → 2.5 min)
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
