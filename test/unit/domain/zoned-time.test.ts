// Zone arithmetic against Intl itself, in zones with odd offsets and odd transition times, so
// the offset cache never gives a wrong wall clock.
import { describe, expect, it } from 'vitest'
import { formatIso, fromWall, toWall } from '../../../src/domain/zoned-time.js'

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'America/Sao_Paulo']

const formats = new Map<string, Intl.DateTimeFormat>()

function intl (t: number, timeZone: string): number[] {
  let f = formats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formats.set(timeZone, f)
  }
  const parts = f.formatToParts(new Date(t))
  const get = (type: string): number => Number(parts.find(p => p.type === type)?.value)
  return [get('year'), get('month'), get('day'), get('hour') % 24, get('minute'), get('second')]
}

function same (t: number, zone: string): boolean {
  const w = toWall(t, zone)
  return [w.year, w.month, w.day, w.hour, w.minute, w.second].join() === intl(t, zone).join()
}

describe('toWall', () => {
  it.each(ZONES)('agrees with Intl in %s, sampled from 1975 to 2035', zone => {
    const wrong: string[] = []
    for (let t = Date.parse('1975-01-01T00:00:00Z'); t < Date.parse('2035-01-01T00:00:00Z'); t += 23 * 3600_000 + 7 * 60_000 + 7_000) {
      if (!same(t, zone)) wrong.push(new Date(t).toISOString())
    }
    expect(wrong).toEqual([])
  })
})

describe('toWall on the days the offset changes', () => {
  it.each(ZONES)('agrees with Intl minute by minute in %s', zone => {
    const offsetAt = (t: number): number => {
      const [y, mo, d, h, mi, se] = intl(t, zone) as [number, number, number, number, number, number]
      return Date.UTC(y, mo - 1, d, h, mi, se) - t
    }
    let checked = 0
    const wrong: string[] = []
    let before = offsetAt(Date.parse('2015-01-01T00:00:00Z'))
    for (let day = Date.parse('2015-01-01T00:00:00Z'); day < Date.parse('2030-01-01T00:00:00Z'); day += 86_400_000) {
      const after = offsetAt(day + 86_400_000)
      const changes = before !== after
      before = after
      if (!changes) continue
      for (let t = day; t < day + 86_400_000; t += 5 * 60_000 + 1000) {
        if (!same(t, zone)) wrong.push(new Date(t).toISOString())
        checked++
      }
    }
    expect(wrong).toEqual([])
    if (zone !== 'Asia/Shanghai' && zone !== 'Asia/Kathmandu') expect(checked).toBeGreaterThan(0)
  })
})

describe('toWall near a change at an odd minute', () => {
  it('is right in St John’s, which changed at 00:01 local time until 2011', () => {
    const wrong: string[] = []
    for (const day of ['1995-04-02T00:00:00Z', '1995-10-29T00:00:00Z', '2006-04-02T00:00:00Z', '2010-11-07T00:00:00Z']) {
      for (let t = Date.parse(day); t < Date.parse(day) + 86_400_000; t += 60_000 + 1000) {
        if (!same(t, 'America/St_Johns')) wrong.push(new Date(t).toISOString())
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('formatIso and fromWall', () => {
  it('write and read wall times with the zone’s offset', () => {
    expect(formatIso(Date.parse('2026-11-07T06:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-07T14:00:00+08:00')
    expect(formatIso(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe('2026-01-01T05:45:00+05:45')
    expect(formatIso(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00')
    expect(formatIso(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-05:00')
    expect(fromWall({ year: 2026, month: 11, day: 28, hour: 14 }, 'Asia/Shanghai')).toBe(Date.parse('2026-11-28T14:00:00+08:00'))
    expect(fromWall({ year: 2026, month: 3, day: 8, hour: 12 }, 'America/New_York')).toBe(Date.parse('2026-03-08T12:00:00-04:00'))
  })
})
