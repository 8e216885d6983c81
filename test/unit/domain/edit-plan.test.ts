// What #修改 changes is decided without a database: the next state, the lines the group reads, or
// the refusal with an example that can be sent as shown.
import { describe, expect, it } from 'vitest'
import { planEdit, type Editable } from '../../../src/domain/edit-plan.js'
import { fromWall } from '../../../src/domain/zoned-time.js'

const TZ = 'Asia/Shanghai'
const at = (day: number, hour: number, minute = 0): number => fromWall({ year: 2027, month: 3, day, hour, minute, second: 0 }, TZ)
const now = at(1, 9)
const activity: Editable = {
  id: 4, title: '同心读书会', type: '其他', startAt: at(20, 14, 30), endAt: at(20, 16, 30), deadlineAt: at(20, 14, 30),
  location: '梧桐书房', description: null, capacity: 30, remindOffsets: null, followedUpAt: null,
}
const context = (confirmed = 10) => ({ now, timeZone: TZ, confirmed: () => confirmed, offsets: [24 * 3600_000, 3600_000] })

describe('planEdit', () => {
  it('says each change as the group reads it, and nothing when nothing changes', () => {
    const r = planEdit(activity, { title: '春日读书会', location: '图书馆三楼' }, context())
    expect(r.ok && r.value.changes).toEqual(['主题：同心读书会 → 春日读书会', '地点：梧桐书房 → 图书馆三楼'])
    expect(r.ok && r.value.next.title).toBe('春日读书会')
    const same = planEdit(activity, { title: '同心读书会' }, context())
    expect(same.ok && same.value.changes).toEqual([])
  })

  it('moves the hour on the activity’s own day for 时间：下午3点, keeping its length and the deadline with the start', () => {
    const r = planEdit(activity, { start: at(1, 15), startDated: false, startMinutes: 15 * 60 }, context())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.next.startAt).toBe(at(20, 15))
    expect(r.value.next.endAt).toBe(at(20, 17))
    expect(r.value.next.deadlineAt).toBe(at(20, 15))
    expect(r.value.changes[0]).toMatch(/^时间：.* → /)
  })

  it('refuses fewer seats than are taken, with the 名额 that would fit', () => {
    const r = planEdit(activity, { capacity: 5 }, context(12))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toContain('已有12人报名成功')
    expect(r.error.example).toBe('#修改 4 名额：12')
  })

  it('refuses a start in the past and a deadline after the start, each with a #修改 example', () => {
    const past = planEdit(activity, { start: at(1, 8), startDated: true }, context())
    expect(!past.ok && past.error.message).toMatch(/已经过去了/)
    const late = planEdit(activity, { deadline: at(21, 12) }, context())
    expect(!late.ok && late.error.example).toMatch(/^#修改 4 截止：/)
  })
})
