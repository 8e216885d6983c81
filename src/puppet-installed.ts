// Whether the puppet WECHATY_PUPPET names is installed: checked before start-up, so a missing one
// stops the bot with one line that gives the npm command instead of Wechaty's stack trace.

/** Resolves a module specifier the way `import()` would (production passes `import.meta.resolve`). */
export type ResolveModule = (specifier: string) => string

/** The package a specifier loads from: `@scope/name` or `name`, without a subpath. */
export function packageOf (specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? specifier
}

const isBarePackage = (s: string): boolean => /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/.*)?$/i.test(s)

/**
 * One line for the operator when `puppet` cannot be found, else null. Any other failure (the package
 * is there but broken) is left to Wechaty, whose message says more about it.
 */
export function missingPuppetLine (puppet: string, resolve: ResolveModule): string | null {
  // the mock is imported by src/bot.ts and carried inside the production bundle
  if (puppet === 'wechaty-puppet-mock') return null
  try {
    resolve(puppet)
    return null
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return null
    if (!isBarePackage(puppet)) {
      return `WECHATY_PUPPET=${puppet} 找不到：请写 npm 包名，例如 wechaty-puppet-service / ${puppet} was not found: name an npm package, e.g. wechaty-puppet-service`
    }
    const pkg = packageOf(puppet)
    return `WECHATY_PUPPET=${puppet} 没有安装：请先运行 npm install ${pkg} / ${pkg} is not installed: run npm install ${pkg}`
  }
}
