// The month's chart as one PNG (activities and 实到人次 by type and by room) for the group or the 统战部.

import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import * as vega from 'vega'
import { compile } from 'vega-lite'
import type { TopLevelSpec } from 'vega-lite'
import type { Report } from './types.js'

/** The family name inside the bundled Noto Sans SC (Noto Sans Hans) files; vega and resvg must agree on it. */
const FONT_FAMILY = 'Noto Sans S Chinese'
const WIDTH = 1080
const PAD = 28
const GAP = 48
const LABEL_SIZE = 16
const COLOR_ACTIVITIES = '#2F6DB5'
const COLOR_ATTENDANCE = '#C8372D'
const INK = '#1F2328'
const MUTED = '#5B6470'

/**
 * The machines have no CJK system fonts, so the fonts come from an npm package. Its exports map
 * hides the files, so find the package through its entry point.
 */
function fontFiles (): string[] {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')
  const dir = join(dirname(entry), '..', 'fonts')
  return ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map(f => join(dir, f))
}

/**
 * Without node-canvas vega guesses text widths at 0.8 em a character, too narrow for Chinese and
 * too wide for digits; layout (label limits, title space) follows these widths.
 */
function estimateTextWidth (item: { fontSize?: number }, text: unknown): number {
  const size = item.fontSize ?? 11
  let em = 0
  for (const ch of String(text ?? '')) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp >= 0x2e80) em += 1
    else if (ch === ' ') em += 0.25
    else if (/[0-9]/.test(ch)) em += 0.56
    else if (/[A-Z]/.test(ch)) em += 0.65
    else em += 0.5
  }
  return em * size
}

interface VegaTextMetrics { width: (item: { fontSize?: number }, text: unknown) => number }
(vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics.width = estimateTextWidth

interface Row { label: string, activities: number, attendance: number }

export async function renderChartPng (report: Report): Promise<Buffer> {
  const spec = report.activities.length === 0 ? emptySpec(report) : chartSpec(report)
  const svg = await toSvg(spec)
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'original' },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  })
  return resvg.render().asPng()
}

async function toSvg (spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

function scopeName (report: Report): string {
  const only = report.byRoom.length === 1 ? report.byRoom[0] : undefined
  return only ? only.room : '新联会'
}

function heading (report: Report, subtitle?: string): TopLevelSpec['title'] {
  const { from, to } = report.period
  return {
    text: `${scopeName(report)}活动统计  ${from} 至 ${to}`,
    ...(subtitle ? { subtitle } : {}),
    anchor: 'start',
    fontSize: 28,
    fontWeight: 'bold',
    color: INK,
    subtitleFontSize: 17,
    subtitleColor: MUTED,
    subtitlePadding: 10,
    offset: 24,
  }
}

function summaryLine (report: Report): string {
  const t = report.totals
  const cancelled = t.cancelled > 0 ? `，另取消 ${t.cancelled} 场` : ''
  return `开展活动 ${t.activities} 场（已完成 ${t.completed} 场${cancelled}）· 报名 ${t.signups} 人 · 实到 ${t.attendance} 人次 · 参与 ${t.participants} 人`
}

const baseConfig = {
  font: FONT_FAMILY,
  view: { stroke: null },
  axis: { labelFontSize: LABEL_SIZE, labelColor: INK, domainColor: '#C9CED6', tickColor: '#C9CED6', labelPadding: 8 },
  title: { font: FONT_FAMILY, subtitleFont: FONT_FAMILY },
}

function chartSpec (report: Report): TopLevelSpec {
  const byType: Row[] = report.byType.map(r => ({ label: r.type, activities: r.activities, attendance: r.attendance }))
  const byRoom: Row[] = report.byRoom.map(r => ({ label: r.room, activities: r.activities, attendance: r.attendance }))
  // One label column for both sections keeps their bars aligned and the image exactly WIDTH wide.
  const widest = Math.max(...[...byType, ...byRoom].map(r => estimateTextWidth({ fontSize: LABEL_SIZE }, r.label)))
  const labelExtent = Math.round(Math.min(Math.max(widest + 12, 60), 260))
  const layout: Layout = { labelExtent, barWidth: Math.floor((WIDTH - 2 * PAD - labelExtent - GAP) / 2) }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    background: 'white',
    padding: PAD,
    title: heading(report, summaryLine(report)),
    config: baseConfig,
    vconcat: [section('按活动类型', byType, layout), section('按组织/群', byRoom, layout)],
    spacing: 44,
  } as TopLevelSpec
}

interface Layout { labelExtent: number, barWidth: number }

/** One grouping as two bar charts side by side: their scales differ too much to share an axis. */
function section (title: string, rows: Row[], layout: Layout): object {
  return {
    title: { text: title, anchor: 'start', fontSize: 20, fontWeight: 'bold', color: INK, offset: 14 },
    spacing: GAP,
    hconcat: [
      bars(rows, 'activities', '活动场次（场，不含已取消）', COLOR_ACTIVITIES, layout, true),
      bars(rows, 'attendance', '实到人次', COLOR_ATTENDANCE, layout, false),
    ],
  }
}

function bars (rows: Row[], field: keyof Omit<Row, 'label'>, title: string, color: string, layout: Layout, withLabels: boolean): object {
  const max = Math.max(1, ...rows.map(r => r[field]))
  // Head-room so the value printed after the longest bar stays inside the chart.
  const x = { field, type: 'quantitative', scale: { domain: [0, max * 1.18], nice: false }, axis: null }
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    scale: { domain: rows.map(r => r.label), paddingInner: 0.3, paddingOuter: 0.15 },
    axis: withLabels
      ? { title: null, ticks: false, labelFontSize: LABEL_SIZE, labelLimit: layout.labelExtent - 10, minExtent: layout.labelExtent, maxExtent: layout.labelExtent }
      : { title: null, ticks: false, labels: false, minExtent: 0, maxExtent: 0 },
  }
  return {
    width: layout.barWidth,
    height: { step: 40 },
    title: { text: title, anchor: 'start', fontSize: 17, fontWeight: 'normal', color: MUTED, offset: 8 },
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color, cornerRadiusEnd: 3 }, encoding: { x, y } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 16, fontWeight: 'bold', color: INK },
        encoding: { x, y, text: { field, type: 'quantitative', format: 'd' } },
      },
    ],
  }
}

function emptySpec (report: Report): TopLevelSpec {
  const inner = WIDTH - 2 * PAD
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    background: 'white',
    padding: PAD,
    width: inner,
    height: 220,
    title: heading(report),
    config: baseConfig,
    data: { values: [{ text: '本期无活动' }] },
    mark: { type: 'text', x: inner / 2, y: 110, align: 'center', baseline: 'middle', fontSize: 40, color: '#8A929C' },
    encoding: { text: { field: 'text', type: 'nominal' } },
  } as TopLevelSpec
}
