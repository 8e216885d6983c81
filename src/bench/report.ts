// report bench: buildReport for one month, all rooms, on a large database vs a hand-written aggregate SQL of the same totals.
import { openDb } from '../db/open.js'
import type { ReportTotals } from '../report/types.js'
import { buildReport, monthPeriod, periodBounds } from '../report/figures.js'
import { ensureReportDb, type ReportSizes } from './report-data.js'
import { median, progress, round, TZ } from './util.js'

export interface ReportResult extends ReportSizes {
  monthMs: number
  rawSqlMs: number
  ratio: number
}

/** A month well inside the generated span, in the past of its "now": mostly completed activities. */
const MONTH = '2025-11'

/**
 * report.md's totals in one statement. Attended list of a completed activity: its check-ins when
 * it has any, else its confirmed sign-ups (with companions); attendance = 实到 override, else the
 * attended list's people; participants = distinct people (members by contact id, one person in
 * every room), plus distinct guest names per activity (companions have no names). CROSS JOIN keeps SQLite's
 * planner driving from the month's activities (without ANALYZE it would rather scan all sign-ups).
 */
const TOTALS_SQL = `
WITH a AS MATERIALIZED (
  SELECT id, status, attendance_override FROM activities WHERE start_at >= @start AND start_at < @end
),
live AS MATERIALIZED (
  SELECT s.status, s.companions FROM a CROSS JOIN signups s ON s.activity_id = a.id
  WHERE a.status <> 'cancelled' AND s.status <> 'cancelled'
),
done AS MATERIALIZED (
  SELECT a.id, a.attendance_override, EXISTS (SELECT 1 FROM checkins c WHERE c.activity_id = a.id) AS has_checkins
  FROM a WHERE a.status = 'completed'
),
attended AS MATERIALIZED (
  SELECT c.activity_id, c.member_id, NULL AS guest, 0 AS companions
  FROM done d CROSS JOIN checkins c ON c.activity_id = d.id
  WHERE d.has_checkins
  UNION ALL
  SELECT s.activity_id, s.member_id, s.guest_name, s.companions
  FROM done d CROSS JOIN signups s ON s.activity_id = d.id
  WHERE NOT d.has_checkins AND s.status = 'confirmed'
),
people AS (
  SELECT activity_id, sum(1 + companions) AS n FROM attended GROUP BY activity_id
)
SELECT
  (SELECT count(*) FROM a WHERE status <> 'cancelled') AS activities,
  (SELECT count(*) FROM a WHERE status = 'completed') AS completed,
  (SELECT count(*) FROM a WHERE status = 'cancelled') AS cancelled,
  (SELECT coalesce(sum(CASE WHEN status = 'confirmed' THEN 1 + companions END), 0) FROM live) AS signups,
  (SELECT coalesce(sum(CASE WHEN status = 'waitlisted' THEN 1 + companions END), 0) FROM live) AS waitlist,
  (SELECT coalesce(sum(coalesce(d.attendance_override, p.n, 0)), 0) FROM done d LEFT JOIN people p ON p.activity_id = d.id) AS attendance,
  (SELECT count(DISTINCT m.contact_id) FROM attended t JOIN members m ON m.id = t.member_id)
    + (SELECT count(*) FROM (SELECT DISTINCT activity_id, guest FROM attended WHERE member_id IS NULL)) AS participants`

const KEYS = ['activities', 'completed', 'cancelled', 'signups', 'waitlist', 'attendance', 'participants'] as const

export function measureReport (sizes: ReportSizes, runs: number): ReportResult {
  const path = ensureReportDb(sizes)
  const store = openDb(path)
  try {
    const period = monthPeriod(MONTH, TZ)
    if (!period) throw new Error(`not a month: ${MONTH}`)
    const bounds = periodBounds(period)
    const report = (): ReportTotals => buildReport(store.db, period).totals
    // prepared inside, as buildReport prepares its statements on every call
    const raw = (): ReportTotals => store.sqlite.prepare(TOTALS_SQL).get(bounds) as ReportTotals

    const expected = report()
    const got = raw()
    const differ = KEYS.filter(k => expected[k] !== got[k])
    if (differ.length > 0) {
      throw new Error(`report bench: the hand-written SQL disagrees with buildReport on ${differ.join(', ')}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`)
    }
    progress(`report: ${MONTH} totals ${JSON.stringify(expected)} (hand-written SQL agrees)`)

    const time = (fn: () => unknown): number => {
      const t = performance.now()
      fn()
      return performance.now() - t
    }
    const monthMs: number[] = []
    const rawMs: number[] = []
    for (let r = 0; r < runs; r++) {
      if (r % 2 === 0) {
        monthMs.push(time(report))
        rawMs.push(time(raw))
      } else {
        rawMs.push(time(raw))
        monthMs.push(time(report))
      }
    }
    progress(`report: buildReport ${monthMs.map(ms => ms.toFixed(1)).join(' ')} ms; raw SQL ${rawMs.map(ms => ms.toFixed(1)).join(' ')} ms`)
    const m = median(monthMs)
    const b = median(rawMs)
    return { ...sizes, monthMs: round(m, 1), rawSqlMs: round(b, 1), ratio: round(m / b, 3) }
  } finally {
    store.close()
  }
}
