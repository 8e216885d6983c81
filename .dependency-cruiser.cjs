// The layering rules of xinlian-bot, checked in CI by `npm run lint:layers` (dependency-cruiser).
// Each rule's comment is the sentence a failing import prints: what is wrong, and why it matters.
// The layers, from the bottom: src/domain (pure rules) → src/db (storage) → src/core (dispatch)
// → commands/ → src/chat (the only door to WeChat) → src/main.ts, src/bot.ts, src/cli, src/sim.
// See docs/dev/architecture.md.

/** Where Wechaty may be imported: the adapter and the programs that build a Wechaty around it. */
const WECHATY_ALLOWED = [
  '^src/chat/',
  '^src/bot[.]ts$',
  '^src/main[.]ts$',
  '^src/cli/',
  '^src/sim/',
  '^src/bench/',
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain/ may not import the database, the chat adapter, the web pages or the commands: ' +
        'domain rules are pure functions of their arguments, so they can be tested in a table and reused by every command. ' +
        'Pass the data in as an argument instead.',
      from: { path: '^src/domain/' },
      to: { path: ['^src/db/', '^src/chat/', '^src/web/', '^commands/', '^src/scheduler/', '^src/cli/', '^src/sim/'] },
    },
    {
      name: 'domain-imports-no-core-or-report',
      severity: 'error',
      comment:
        'src/domain/ may not import src/core/ or src/report/: the domain returns results ({ok:false, error}) instead of ' +
        'throwing the core\'s UserError, and domain types live in the domain, so the layers above depend on it and never the other way round.',
      from: { path: '^src/domain/' },
      to: { path: ['^src/core/', '^src/report/'] },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment:
        'src/domain/ may not import node-cron, better-sqlite3, drizzle-orm or pino: a domain rule takes `now` and its data as arguments ' +
        'and returns a result, so a test can give it any time and any roster.',
      from: { path: '^src/domain/' },
      to: { path: ['(^|/)node_modules/(node-cron|better-sqlite3|drizzle-orm|pino)/'] },
    },
    {
      name: 'db-imports-no-command-or-adapter',
      severity: 'error',
      comment:
        'src/db/ may not import commands/, src/chat/ or src/web/: storage sits below the commands and the adapters that use it; ' +
        'a query that needs a command\'s rule should take its result as an argument, or the rule belongs in src/domain/.',
      from: { path: '^src/db/' },
      to: { path: ['^commands/', '^src/chat/', '^src/web/'] },
    },
    {
      name: 'only-chat-imports-wechaty',
      severity: 'error',
      comment:
        'Only src/chat/ (and the programs that build a Wechaty: src/main.ts, src/bot.ts, src/cli/, src/sim/, src/bench/) may import Wechaty or a puppet: ' +
        'everything below the adapter works on the plain message record, so it runs in tests, in replay and on another chat platform without WeChat.',
      from: { path: '^(src|commands)/', pathNot: WECHATY_ALLOWED },
      to: { path: '(^|/)node_modules/(wechaty|wechaty-[^/]+|@juzibot/[^/]+)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle of modules: each module of a cycle can only be loaded, tested and understood with all the others. ' +
        'Move the shared part into a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'warn',
      scope: 'folder',
      comment:
        'This import closes a cycle between folders: a layer that imports the layer above it cannot be read, tested or replaced on its own. ' +
        'Move the shared type or rule down (plain records below both core and db, domain types into src/domain/).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import cannot be found: a missing file or a package that is not in package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'Code in src/ or commands/ may not import from test/: the program must not depend on its tests.',
      from: { path: '^(src|commands)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    // the sources import './x.js' for './x.ts' (NodeNext): the tsconfig tells dependency-cruiser so
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
