// The overview's chart: 场次 (bars) and 实到人次 (line) for twelve months, drawn on the server by
// vega-lite as SVG text that the page embeds (no client script). The page's font draws its text.
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'

export interface MonthFigures {
  /** YYYY-MM */
  month: string
  activities: number
  attendance: number
}

const COLOR_ACTIVITIES = '#2F6DB5'
const COLOR_ATTENDANCE = '#C8372D'
const INK = '#1F2328'
/** the page's fonts: the phone's own Chinese font first; the bundled one (XL Sans, served by the bot) only where there is none */
const FONT = 'system-ui, -apple-system, PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, XL Sans, sans-serif'

/** The chart at the width it is shown (CSS pixels): a phone gets one of its own, so its text stays readable. */
export async function trendChartSvg (months: readonly MonthFigures[], width: number): Promise<string> {
  const narrow = width < 500
  const values = months.map(m => ({ ...m, label: `${Number(m.month.slice(5))}月`, year: m.month.slice(0, 4) }))
  const x = { field: 'month', type: 'ordinal', sort: null, axis: { title: null, labelExpr: 'slice(datum.value, 5) == "01" ? slice(datum.value, 0, 4) + "年1月" : toNumber(slice(datum.value, 5)) + "月"', labelAngle: 0, labelFontSize: narrow ? 10 : 12, labelOverlap: true } }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    // the plot without its axes: the SVG comes out about `width` wide
    width: width - (narrow ? 70 : 90),
    height: narrow ? 190 : 240,
    padding: 8,
    background: 'white',
    config: { font: FONT, view: { stroke: null }, axis: { labelFontSize: narrow ? 11 : 12, titleFontSize: narrow ? 11 : 12, labelColor: INK, titleColor: INK, domainColor: '#C9CED6', tickColor: '#C9CED6', gridColor: '#EEF0F3' }, legend: { orient: 'top', labelFontSize: 12, symbolSize: 120 } },
    data: { values },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', color: COLOR_ACTIVITIES, cornerRadiusEnd: 2, width: { band: 0.6 } },
        encoding: {
          y: { field: 'activities', type: 'quantitative', axis: { title: '场次', titleColor: COLOR_ACTIVITIES, tickMinStep: 1, format: 'd' } },
        },
      },
      {
        mark: { type: 'line', color: COLOR_ATTENDANCE, strokeWidth: 2.5, point: { color: COLOR_ATTENDANCE, size: 40 } },
        encoding: {
          y: { field: 'attendance', type: 'quantitative', axis: { title: '实到人次', titleColor: COLOR_ATTENDANCE, orient: 'right', tickMinStep: 1, format: 'd' } },
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    const svg = await view.toSVG()
    // scales with the page: the drawing keeps its proportions at any width
    return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, '<svg$1 width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-label="近十二个月活动场次和实到人次"')
  } finally {
    view.finalize()
  }
}
