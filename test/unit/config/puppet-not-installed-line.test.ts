// WECHATY_PUPPET may name any installed puppet; one that is not installed is one line with the npm command.
import { describe, expect, it } from 'vitest'
import { missingPuppetLine, packageOf } from '../../../src/puppet-installed.js'

const notFound = (specifier: string): never => {
  throw Object.assign(new Error(`Cannot find package '${specifier}' imported from /app/dist/bundle/main.mjs`), { code: 'ERR_MODULE_NOT_FOUND' })
}
const installed = (specifier: string): string => `file:///app/node_modules/${specifier}/index.js`

describe('missingPuppetLine', () => {
  it.each([
    ['wechaty-puppet-xyz', 'WECHATY_PUPPET=wechaty-puppet-xyz 没有安装：请先运行 npm install wechaty-puppet-xyz / wechaty-puppet-xyz is not installed: run npm install wechaty-puppet-xyz'],
    ['@juzibot/wechaty-puppet-donut', 'WECHATY_PUPPET=@juzibot/wechaty-puppet-donut 没有安装：请先运行 npm install @juzibot/wechaty-puppet-donut / @juzibot/wechaty-puppet-donut is not installed: run npm install @juzibot/wechaty-puppet-donut'],
  ])('names the npm command for %s', (puppet, line) => {
    expect(missingPuppetLine(puppet, notFound)).toBe(line)
  })

  it('says nothing when the puppet resolves', () => {
    expect(missingPuppetLine('wechaty-puppet-xp', installed)).toBeNull()
  })

  it('never asks to install the mock, which the bundle carries', () => {
    expect(missingPuppetLine('wechaty-puppet-mock', notFound)).toBeNull()
  })

  it('leaves a puppet that is installed but fails to resolve for another reason to Wechaty', () => {
    const notExported = (): never => { throw Object.assign(new Error('No "exports" main defined'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }) }
    expect(missingPuppetLine('wechaty-puppet-odd', notExported)).toBeNull()
  })

  it('asks for a package name when given a path that does not exist', () => {
    expect(missingPuppetLine('./my-puppet.js', notFound)).toMatch(/^WECHATY_PUPPET=\.\/my-puppet\.js 找不到：请写 npm 包名/)
  })

  it.each([
    ['wechaty-puppet-service', 'wechaty-puppet-service'],
    ['@juzibot/wechaty-puppet-donut', '@juzibot/wechaty-puppet-donut'],
    ['wechaty-puppet-foo/dist/esm/mod.js', 'wechaty-puppet-foo'],
  ])('installs the package %s comes from', (specifier, pkg) => {
    expect(packageOf(specifier)).toBe(pkg)
  })
})
