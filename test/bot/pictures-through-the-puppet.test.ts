// Pictures as the mock puppet delivers them (an image message whose FileBox the adapter reads):
// kept when they are evidence, and a file the puppet says is over 20 MB is not even loaded.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { photosOf } from '../../src/db/photos.js'
import { play } from '../helpers/sim.js'

const IMAGES = join(import.meta.dirname, '../fixtures/images')

describe('pictures through wechaty-puppet-mock', () => {
  it('reach the core as image records: one kept, one over 20 MB ignored, one in private ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-puppet-photos-'))
    const huge = join(dir, 'huge.jpg')
    // a JPEG start and 21 MB after it: only its declared size is needed to refuse it
    writeFileSync(huge, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(21 * 1024 * 1024)]))
    const { out, sim } = await play([
      { type: 'setup', bot: '新联小助手', timezone: 'Asia/Shanghai', admins: ['周会长'], rooms: [{ topic: '鹿城新联会', owner: '周会长', enabled: true, members: ['周会长', '林律师'] }] },
      { type: 'message', at: '2026-11-10T10:00:00+08:00', room: '鹿城新联会', from: '周会长', text: '#活动\n主题：法律义诊\n时间：11月14日 9:00-11:30' },
      { type: 'message', at: '2026-11-14T09:30:00+08:00', room: '鹿城新联会', from: '周会长', image: join(IMAGES, 'clinic-2.jpg') },
      { type: 'message', at: '2026-11-14T09:31:00+08:00', room: '鹿城新联会', from: '周会长', image: huge },
      { type: 'message', at: '2026-11-14T09:32:00+08:00', from: '周会长', image: join(IMAGES, 'clinic-3.jpg') },
    ], { keepOpen: true })
    const photos = photosOf(sim.currentCore.db, 1)
    await sim.finish()
    expect(photos.map(p => [p.originalName, p.width, p.height, p.senderName])).toEqual([['clinic-2.jpg', 480, 640, '周会长']])
    const acks = out.filter(l => 'text' in l && (l.text ?? '').startsWith('已记入活动'))
    expect(acks.map(l => ('text' in l ? l.text : ''))).toEqual(['已记入活动 #1 台账：照片1张（共1张）'])
  }, 60_000)
})
