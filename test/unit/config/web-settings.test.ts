// WEB_HOST, WEB_PORT and WEB_BASE_URL: safe defaults (this machine only), 0 turns the pages off, and a
// wrong value is listed with the rest of the problems.
import { describe, expect, it } from 'vitest'
import { ConfigError, createConfig } from '../../../src/config.js'

function problems (env: Record<string, string>): string[] {
  try {
    createConfig(env)
    return []
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
}

describe('web settings', () => {
  it('listen on 127.0.0.1:8080 by default, and build links on that address', () => {
    const c = createConfig({})
    expect([c.WEB_HOST, c.WEB_PORT, c.WEB_BASE_URL]).toEqual(['127.0.0.1', 8080, 'http://127.0.0.1:8080'])
  })

  it('take a public https address behind a proxy, without its trailing slash; 0 is off', () => {
    const c = createConfig({ WEB_PORT: '0', WEB_BASE_URL: 'https://xinlian.example.org/' })
    expect(c.WEB_PORT).toBe(0)
    expect(c.WEB_BASE_URL).toBe('https://xinlian.example.org')
    expect(createConfig({ WEB_HOST: '0.0.0.0', WEB_PORT: '9000' }).WEB_BASE_URL).toBe('http://127.0.0.1:9000')
  })

  it.each([
    [{ WEB_PORT: '70000' }, 'WEB_PORT'],
    [{ WEB_PORT: '-1' }, 'WEB_PORT'],
    [{ WEB_PORT: 'http' }, 'WEB_PORT'],
    [{ WEB_BASE_URL: 'xinlian.example.org' }, 'WEB_BASE_URL'],
    [{ WEB_BASE_URL: 'ftp://xinlian.example.org' }, 'WEB_BASE_URL'],
    [{ WEB_BASE_URL: 'https://xinlian.example.org/?a=1' }, 'WEB_BASE_URL'],
    [{ WEB_HOST: 'my host' }, 'WEB_HOST'],
  ])('refuses %j naming %s', (env, key) => {
    const found = problems({ ...env, BACKUP_KEEP: '0' })
    expect(found.some(p => p.startsWith(`${key}:`))).toBe(true)
    // listed with the others
    expect(found.some(p => p.startsWith('BACKUP_KEEP:'))).toBe(true)
  })
})
