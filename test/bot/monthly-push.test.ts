// The monthly push through the real bot on the mock: each secretary gets last month's report on
// the 1st at 09:00, and through restarts a run missed while the bot was down sends the month it
// would have sent, at start-up — each month once, never the same month twice.
import { describe, expect, it } from 'vitest'
import type { OutputLine } from '../../src/sim/simulation.js'
import { play } from '../helpers/sim.js'

const ROOM = 'A群'
const setup = { type: 'setup', bot: '同心助手', timezone: 'Asia/Shanghai', admins: ['李主任'], rooms: [{ topic: ROOM, owner: '何会长', enabled: true, members: ['何会长', '李主任', '钱秘书'] }] }
const appoint = { type: 'message', at: '2027-07-15T09:00:00+08:00', room: ROOM, from: '李主任', text: '#设秘书 @钱秘书\u2005', mentions: ['钱秘书'] }

/** Each monthly report the secretary received, as `at month` (from its title). */
function pushes (out: OutputLine[]): string[] {
  return out.filter(o => o.to === '钱秘书' && (o.text ?? '').includes('活动月报'))
    .map(o => `${o.at} ${/·(\d{4}年\d{1,2}月)活动月报/.exec(o.text ?? '')?.[1] ?? '?'}`)
}

/** The 台账 files the secretary received, by name. */
function ledgers (out: OutputLine[]): string[] {
  return out.filter(o => o.to === '钱秘书' && (o.file ?? '').endsWith('活动台账.xlsx')).map(o => o.file ?? '')
}

describe('the monthly push', () => {
  it('sends last month on the 1st at 09:00, once, also when the bot restarts later that day', async () => {
    const { out } = await play([
      setup,
      appoint,
      { type: 'advance', to: '2027-08-01T09:30:00+08:00' },
      { type: 'restart', at: '2027-08-01T10:00:00+08:00' },
      { type: 'advance', to: '2027-08-02T09:30:00+08:00' },
    ])
    expect(pushes(out)).toEqual(['2027-08-01T09:00:00+08:00 2027年7月'])
    expect(ledgers(out)).toEqual(['2027年7月活动台账.xlsx'])
  })

  it('after a missed run sends the missed month at start-up, then the regular run its own month', async () => {
    // down from before 1 August 09:00 until 1 September 08:00
    const { out } = await play([
      setup,
      appoint,
      { type: 'restart', at: '2027-09-01T08:00:00+08:00' },
      { type: 'advance', to: '2027-09-01T09:30:00+08:00' },
    ])
    expect(pushes(out)).toEqual(['2027-09-01T08:00:00+08:00 2027年7月', '2027-09-01T09:00:00+08:00 2027年8月'])
    expect(ledgers(out)).toEqual(['2027年7月活动台账.xlsx', '2027年8月活动台账.xlsx'])
  })

  it('after several missed runs sends each missed month once at start-up', async () => {
    const { out } = await play([
      setup,
      appoint,
      { type: 'restart', at: '2027-10-15T12:00:00+08:00' },
      { type: 'restart', at: '2027-10-16T12:00:00+08:00' },
      { type: 'advance', to: '2027-11-01T09:30:00+08:00' },
    ])
    expect(pushes(out)).toEqual([
      '2027-10-15T12:00:00+08:00 2027年7月',
      '2027-10-15T12:00:00+08:00 2027年8月',
      '2027-10-15T12:00:00+08:00 2027年9月',
      '2027-11-01T09:00:00+08:00 2027年10月',
    ])
  })

  it('after a long outage sends only the latest three missed months', async () => {
    const { out } = await play([
      setup,
      appoint,
      { type: 'restart', at: '2028-02-10T12:00:00+08:00' },
    ])
    expect(pushes(out)).toEqual([
      '2028-02-10T12:00:00+08:00 2027年11月',
      '2028-02-10T12:00:00+08:00 2027年12月',
      '2028-02-10T12:00:00+08:00 2028年1月',
    ])
  })
})
