// The pages as HTML, server-rendered with hono's `html` template (every value escaped), made for a
// 375-pixel phone first: one column, tables that scroll inside their box, no script.
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { formatSpanZh, toWall } from '../domain/zoned-time.js'
import { periodLabel, statusZh } from '../report/text.js'
import type { Report, ReportActivity, ReportTotals } from '../report/types.js'
import type { PhotoRef } from './photos.js'
import type { PagePeriod, PickerChoices } from './period.js'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

const STYLE = `
@font-face{font-family:"XL Sans";src:url(/assets/font-sc.otf) format("opentype");font-display:swap}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","XL Sans",sans-serif;font-size:16px;line-height:1.55;color:#1F2328;background:#F4F6F8}
a{color:#2158A0}
header{background:#2F6DB5;color:#fff;padding:10px 16px;display:flex;gap:8px;align-items:center;justify-content:space-between;flex-wrap:wrap}
header a{color:#fff}
header .who{font-size:14px;opacity:.9}
main{max-width:960px;margin:0 auto;padding:12px}
h1{font-size:21px;margin:8px 0 12px;word-break:break-word}
h2{font-size:17px;margin:0 0 10px}
section{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.totals{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;margin:0}
@media(min-width:640px){.totals{grid-template-columns:repeat(4,minmax(0,1fr))}}
.totals div{background:#F4F6F8;border-radius:8px;padding:8px 10px}
.totals dt{font-size:13px;color:#5B6470}
.totals dd{margin:0;font-size:24px;font-weight:700}
.lead{margin:10px 0 0;color:#3A4250}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{padding:7px 6px;border-bottom:1px solid #E5E8EC;text-align:left;vertical-align:top}
th{font-size:13px;color:#5B6470;font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.name{word-break:break-word;min-width:6em}
td.nowrap{white-space:nowrap}
.picker{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.picker select{font-size:16px;padding:6px;max-width:100%}
.picker button,.button{font-size:16px;padding:6px 14px;border:0;border-radius:6px;background:#2F6DB5;color:#fff;text-decoration:none;display:inline-block}
.quick{display:flex;gap:12px;flex-wrap:wrap;margin-top:8px;font-size:15px}
.chart svg{display:block;width:100%;height:auto}
.chart .wide{display:none}
@media(min-width:640px){.chart .wide{display:block}.chart .narrow{display:none}}
.legend{display:flex;gap:16px;font-size:14px;margin-bottom:4px}
.legend span::before{content:"";display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px;background:var(--c)}
.people{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0;list-style:none}
.people li{background:#EEF3FA;border-radius:14px;padding:2px 10px;font-size:15px;word-break:break-word;max-width:100%}
.muted{color:#5B6470;font-size:14px}
.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
.facts dt{color:#5B6470}
.facts dd{margin:0;word-break:break-word}
.photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(100px,1fr));gap:6px}
.photos img{width:100%;height:100px;object-fit:cover;border-radius:6px;display:block}
.notice{max-width:520px;margin:40px auto}
`

export interface Viewer {
  name: string
  roles: string[]
}

export function layout (title: string, body: Html, viewer?: Viewer): Html {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · 新联会活动助手</title>
<style>${raw(STYLE)}</style></head>
<body>
<header><a href="/"><strong>新联会活动统计</strong></a>${viewer
    ? html`<span class="who">${viewer.name}（${viewer.roles.join('、')}） · <a href="/logout">退出</a></span>`
    : ''}</header>
<main>${body}</main>
</body></html>`
}

/** A page with a title and a few sentences, and no data (login, errors). */
export function notice (title: string, lines: string[], viewer?: Viewer): Html {
  return layout(title, html`<section class="notice"><h1>${title}</h1>${lines.map(l => html`<p>${l}</p>`)}</section>`, viewer)
}

export const HOW_TO_LOGIN = [
  '请在微信里私聊活动助手，发送「#网页」（或「#后台」），会收到一条登录链接。',
  '链接15分钟内有效，只能用一次；打开后7天内免登录。只有秘书、组织者和管理员可以获取。',
]

/** The totals with the words of the 台账's 月度统计 sheet, each followed by its number. */
const TOTALS: Array<[keyof ReportTotals, string]> = [
  ['activities', '活动场次'],
  ['completed', '已完成'],
  ['cancelled', '已取消'],
  ['signups', '报名人数'],
  ['waitlist', '候补人数'],
  ['attendance', '实到人次'],
  ['participants', '参与人数'],
]

function totals (t: ReportTotals): Html {
  return html`<dl class="totals">${TOTALS.map(([key, label]) => html`<div><dt>${label}</dt><dd id="total-${key}">${t[key]}</dd></div>`)}</dl>
<p class="lead">开展活动${t.activities}场，惠及${t.attendance}人次（${t.participants}人参与）。</p>`
}

function picker (action: string, period: PagePeriod, choices: PickerChoices, quick: Array<{ key: string, label: string }>): Html {
  const known = choices.some(g => g.options.some(o => o.key === period.key))
  return html`<form class="picker" method="get" action="${action}">
<label for="period">时间段</label>
<select id="period" name="period">${known ? '' : html`<option value="${period.key}" selected>${periodLabel(reportPeriod(period))}</option>`}${choices.map(g => html`<optgroup label="${g.group}">${g.options.map(o => html`<option value="${o.key}"${o.key === period.key ? raw(' selected') : ''}>${o.label}</option>`)}</optgroup>`)}</select>
<button type="submit">查看</button></form>
<nav class="quick">${quick.map(q => html`<a href="${action}?period=${q.key}">${q.label}</a>`)}</nav>`
}

const reportPeriod = (p: PagePeriod): Report['period'] => ({ from: p.from, to: p.to, timezone: p.timeZone })

export interface OverviewModel {
  viewer: Viewer
  title: string
  period: PagePeriod
  choices: PickerChoices
  quick: Array<{ key: string, label: string }>
  report: Report
  /** the chart drawn for a phone and for a wider screen */
  chartSvg: { narrow: string, wide: string }
  chartMonths: string
  /** room name → id, for links */
  roomIds: Map<string, number>
  /** rooms in scope with no activity in the period */
  quietRooms: Array<{ id: number, name: string }>
}

export function overviewPage (m: OverviewModel): Html {
  const r = m.report
  const label = periodLabel(r.period)
  const q = `?period=${m.period.key}`
  return layout(`${label}活动统计`, html`
<h1>${m.title} · ${label}</h1>
<section>${picker('/', m.period, m.choices, m.quick)}</section>
<section><h2>总数</h2>${totals(r.totals)}</section>
<section class="chart"><h2>近十二个月（${m.chartMonths}）</h2>
<div class="legend"><span style="--c:#2F6DB5">活动场次（柱）</span><span style="--c:#C8372D">实到人次（线）</span></div>
<div class="narrow">${raw(m.chartSvg.narrow)}</div><div class="wide">${raw(m.chartSvg.wide)}</div></section>
<section><h2>按活动类型</h2>${r.byType.length === 0 ? html`<p class="muted">本期没有活动。</p>` : html`<div class="scroll"><table id="by-type">
<thead><tr><th>类型</th><th class="n">活动场次</th><th class="n">已完成</th><th class="n">实到人次</th></tr></thead>
<tbody>${r.byType.map(t => html`<tr><td>${t.type}</td><td class="n">${t.activities}</td><td class="n">${t.completed}</td><td class="n">${t.attendance}</td></tr>`)}</tbody></table></div>`}</section>
<section><h2>按群</h2>${r.byRoom.length === 0 ? html`<p class="muted">本期没有活动。</p>` : html`<div class="scroll"><table id="by-room">
<thead><tr><th>群</th><th class="n">场次</th><th class="n">完成</th><th class="n">取消</th><th class="n">报名</th><th class="n">实到</th><th class="n">参与</th></tr></thead>
<tbody>${r.byRoom.map(b => {
    const id = m.roomIds.get(b.room)
    return html`<tr><td class="name">${id === undefined ? b.room : html`<a href="/rooms/${id}${q}">${b.room}</a>`}</td><td class="n">${b.activities}</td><td class="n">${b.completed}</td><td class="n">${b.cancelled}</td><td class="n">${b.signups}</td><td class="n">${b.attendance}</td><td class="n">${b.participants}</td></tr>`
  })}</tbody></table></div>
<p class="muted">场次不含已取消；实到人次：每场实到人数相加；参与人数：去重后的人数。</p>`}
${m.quietRooms.length === 0 ? '' : html`<p>本期没有活动的群：${m.quietRooms.map((room, i) => html`${i > 0 ? '、' : ''}<a href="/rooms/${room.id}${q}">${room.name}</a>`)}</p>`}</section>
<section><h2>下载</h2><a class="button" href="/ledger.xlsx${q}">下载${label}台账（Excel）</a></section>`, m.viewer)
}

export interface RoomModel {
  viewer: Viewer
  roomId: number
  roomName: string
  period: PagePeriod
  choices: PickerChoices
  quick: Array<{ key: string, label: string }>
  report: Report
  now: number
  timeZone: string
}

function shortDate (iso: string, timeZone: string): string {
  const w = toWall(Date.parse(iso), timeZone)
  return `${w.month}月${w.day}日`
}

export function roomPage (m: RoomModel): Html {
  const r = m.report
  const label = periodLabel(r.period)
  // who came most often: the attended lists of the period's completed activities
  const counts = new Map<string, number>()
  for (const a of r.activities) for (const name of new Set(a.participants)) counts.set(name, (counts.get(name) ?? 0) + 1)
  const often = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'zh')).slice(0, 15)
  return layout(`${m.roomName} ${label}`, html`
<h1>${m.roomName} · ${label}</h1>
<section>${picker(`/rooms/${m.roomId}`, m.period, m.choices, m.quick)}</section>
<section><h2>总数</h2>${totals(r.totals)}</section>
<section><h2>本期活动</h2>${r.activities.length === 0 ? html`<p class="muted">本期没有活动。</p>` : html`<div class="scroll"><table id="activities">
<thead><tr><th>日期</th><th>活动</th><th class="n">报名</th><th class="n">实到</th></tr></thead>
<tbody>${r.activities.map(a => html`<tr><td class="nowrap">${shortDate(a.start, m.timeZone)}</td><td class="name"><a href="/activities/${a.id}">${a.title}</a><div class="muted">${a.type} · ${statusZh(a, m.now)}</div></td><td class="n">${a.signups}</td><td class="n">${a.attendance ?? '—'}</td></tr>`)}</tbody></table></div>`}</section>
<section><h2>参加最多的人</h2>${often.length === 0 ? html`<p class="muted">本期还没有已完成的活动。</p>` : html`<div class="scroll"><table id="often"><thead><tr><th>姓名</th><th class="n">参加场次</th></tr></thead>
<tbody>${often.map(([name, n]) => html`<tr><td class="name">${name}</td><td class="n">${n}</td></tr>`)}</tbody></table></div>`}</section>
<section><h2>下载</h2><a class="button" href="/ledger.xlsx?period=${m.period.key}&amp;room=${m.roomId}">下载本群${label}台账（Excel）</a></section>`, m.viewer)
}

export interface ListEntry { name: string, note?: string }

export interface ActivityModel {
  viewer: Viewer
  activity: ReportActivity
  roomId: number
  description: string | null
  confirmed: ListEntry[]
  waitlist: ListEntry[]
  checkins: ListEntry[]
  photos: PhotoRef[]
  hasRecord: boolean
  now: number
  timeZone: string
}

function people (list: ListEntry[], empty: string): Html {
  return list.length === 0
    ? html`<p class="muted">${empty}</p>`
    : html`<ol class="people">${list.map(p => html`<li>${p.name}${p.note ? html` <span class="muted">${p.note}</span>` : ''}</li>`)}</ol>`
}

export function activityPage (m: ActivityModel): Html {
  const a = m.activity
  const month = a.start.slice(0, 7)
  return layout(a.title, html`
<p class="muted"><a href="/rooms/${m.roomId}?period=${month}">← ${a.room}</a></p>
<h1>${a.title}</h1>
<section><dl class="facts">
<dt>时间</dt><dd>${formatSpanZh(Date.parse(a.start), a.end === null ? null : Date.parse(a.end), m.timeZone)}</dd>
<dt>地点</dt><dd>${a.location ?? '未填写'}</dd>
<dt>类型</dt><dd>${a.type}</dd>
<dt>组织者</dt><dd>${a.organizer}</dd>
<dt>名额</dt><dd>${a.capacity === null ? '不限' : `${a.capacity}人`}</dd>
<dt>状态</dt><dd>${statusZh(a, m.now)}${a.note ? html`（${a.note}）` : ''}</dd>
</dl>${m.description ? html`<p class="lead">${m.description}</p>` : ''}</section>
<section><h2>人数</h2><dl class="totals">
<div><dt>报名人数</dt><dd id="figure-signups">${a.signups}</dd></div>
<div><dt>候补人数</dt><dd id="figure-waitlist">${a.waitlist}</dd></div>
<div><dt>签到人数</dt><dd id="figure-checkins">${a.checkins}</dd></div>
<div><dt>实到人次</dt><dd id="figure-attendance">${a.attendance ?? '—'}</dd></div>
</dl>${a.attendance === null ? html`<p class="muted">实到人次在活动标记完成后计算。</p>` : ''}</section>
<section><h2>报名名单（共${a.signups}人）</h2>${people(m.confirmed, '还没有人报名。')}</section>
<section><h2>候补名单（共${a.waitlist}人）</h2>${people(m.waitlist, '没有候补。')}</section>
<section><h2>签到（${m.checkins.length}人）</h2>${people(m.checkins, '没有签到记录。')}</section>
${a.status === 'completed' ? html`<section><h2>实到名单（${a.participants.length}人）</h2>${people(a.participants.map(name => ({ name })), '实到名单为空。')}</section>` : ''}
<section><h2>照片</h2>${m.photos.length === 0 ? html`<p class="muted">还没有照片。</p>` : html`<div class="photos">${m.photos.map(p => html`<a href="/activities/${a.id}/photos/${p.id}"><img src="/activities/${a.id}/photos/${p.id}" alt="${a.title}的照片" loading="lazy"></a>`)}</div>`}</section>
${m.hasRecord ? html`<section><h2>下载</h2><a class="button" href="/activities/${a.id}/record.docx">下载活动记录（Word）</a></section>` : ''}`, m.viewer)
}
