// The activity record (#活动记录, and `report --format records`): one A4 Word file per activity
// as an inspector reads it — the facts, the figures of the one query layer, the sign-in sheet and
// up to six pictures. Made with `docx`; loaded on first use.
import {
  AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import { imageSize } from 'image-size'
import { activityById } from '../db/activities.js'
import type { Db } from '../db/open.js'
import { photosOf, readPhotoFile, type PhotoRow } from '../db/photos.js'
import { roomById, roomReportName } from '../db/membership.js'
import { formatSpanZh, toWall } from '../domain/zoned-time.js'
import { activityFigures, attendedPeople } from './figures.js'
import { statusZh } from './text.js'
import type { Attendee, ReportActivity } from './types.js'

/** Pictures shown in the record; the rest are counted. */
export const RECORD_PHOTOS = 6
const FONT = { ascii: 'Arial', eastAsia: 'SimSun', hAnsi: 'Arial' }
const HEADING_FONT = { ascii: 'Arial', eastAsia: 'SimHei', hAnsi: 'Arial' }
// A4 with 2 cm margins: 21 cm − 4 cm of text width, two pictures side by side in it
const CM = 567
const PAGE = { width: 11906, height: 16838, margin: 2 * CM }
const PHOTO_BOX = { width: 300, height: 225 }
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' }
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN }

export interface RecordData {
  activity: ReportActivity
  organization: string
  description: string | null
  /** 实到 N was given with #完成 (the attendance is the organizer's figure, not the list's length) */
  attendanceGiven: boolean
  attendees: Attendee[]
  /** the pictures in record order, with their content (null when the file is missing) */
  photos: Array<{ row: PhotoRow, data: Buffer | null }>
  timeZone: string
}

/** The record's file name: 活动记录-#4-同心大讲堂-2026-11-14.docx, without characters a file system refuses. */
export function recordFileName (a: Pick<ReportActivity, 'id' | 'title' | 'start'>): string {
  const title = a.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30)
  return `活动记录-${a.id}-${title}-${a.start.slice(0, 10)}.docx`
}

export function recordData (db: Db, activityId: number, timeZone: string): RecordData | null {
  const row = activityById(db, activityId)
  const activity = activityFigures(db, activityId, timeZone)
  if (!row || !activity) return null
  const room = roomById(db, row.roomId)
  const photos = photosOf(db, activityId)
  return {
    activity,
    organization: room ? roomReportName(room) : activity.room,
    description: row.description,
    attendanceGiven: row.attendanceOverride !== null,
    attendees: attendedPeople(db, [activityId]).get(activityId) ?? [],
    // only the pictures shown are read from disk
    photos: photos.map((p, i) => ({ row: p, data: i < RECORD_PHOTOS ? readPhotoFile(db, p) : null })),
    timeZone,
  }
}

export async function renderActivityRecord (db: Db, activityId: number, timeZone: string): Promise<Buffer | null> {
  const data = recordData(db, activityId, timeZone)
  return data ? await renderRecord(data) : null
}

const text = (t: string, opts: { bold?: boolean, size?: number, color?: string } = {}): TextRun =>
  new TextRun({ text: t, font: FONT, size: opts.size ?? 22, ...(opts.bold ? { bold: true } : {}), ...(opts.color ? { color: opts.color } : {}) })

function heading (t: string): Paragraph {
  // a heading stays on the page of what follows it
  return new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: t, font: HEADING_FONT, size: 26, bold: true })] })
}

/** Multi-line text as paragraphs (a description keeps its lines). */
function lines (t: string): Paragraph[] {
  return t.split('\n').map(l => new Paragraph({ spacing: { after: 60 }, children: [text(l)] }))
}

function cell (t: string, opts: { bold?: boolean, width: number, shade?: boolean, center?: boolean }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(opts.shade ? { shading: { fill: 'DDEBF7' } } : {}),
    children: [new Paragraph({ ...(opts.center ? { alignment: AlignmentType.CENTER } : {}), children: [text(t, { bold: opts.bold ?? false })] })],
  })
}

const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin

function factsTable (rows: Array<[string, string]>): Table {
  const label = 1800
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, CONTENT_WIDTH - label],
    borders: BORDERS,
    rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, { bold: true, width: label, shade: true }), cell(v, { width: CONTENT_WIDTH - label })] })),
  })
}

function clock (at: number, timeZone: string): string {
  const w = toWall(at, timeZone)
  return `${w.month}月${w.day}日 ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

function attendeeTable (people: Attendee[], timeZone: string, checkedIn: boolean): Table {
  const widths = [900, 2600, 1300, 1500]
  widths.push(CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0))
  const header = ['序号', '姓名', '身份', '报名方式', checkedIn ? '签到时间' : '签到']
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, shade: true, center: true, width: widths[i]! })) }),
      ...people.map((p, i) => new TableRow({
        cantSplit: true,
        children: [String(i + 1), p.name, p.identity, p.via, p.checkedInAt === null ? '未签到' : clock(p.checkedInAt, timeZone)]
          .map((v, j) => cell(v, { width: widths[j]!, center: j !== 1 })),
      })),
    ],
  })
}

/** The picture scaled into the box, keeping its shape. */
function fit (data: Buffer): { width: number, height: number } {
  let size: { width?: number | undefined, height?: number | undefined }
  try { size = imageSize(data) } catch { size = {} }
  const w = size.width ?? PHOTO_BOX.width
  const h = size.height ?? PHOTO_BOX.height
  // small pictures are shown at the box's size too: every picture of the record reads alike
  const scale = Math.min(PHOTO_BOX.width / w, PHOTO_BOX.height / h)
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
}

const DOCX_TYPES = new Set(['jpg', 'png', 'gif'])

function photoParagraphs (data: RecordData): Array<Paragraph | Table> {
  const total = data.photos.length
  if (total === 0) return [new Paragraph({ children: [text('（暂无照片。组织者在群里发送「#照片 编号」后10分钟内发的照片会记入本活动。）', { color: '808080' })] })]
  const shown = data.photos.slice(0, RECORD_PHOTOS)
  const cells = shown.map(({ row, data: bytes }, i) => {
    const caption = `照片${i + 1}（${row.senderName}，${clock(row.at, data.timeZone)}）`
    const picture = bytes && DOCX_TYPES.has(row.ext)
      ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: row.ext as 'jpg' | 'png' | 'gif', data: bytes, transformation: fit(bytes) })] })
      : new Paragraph({ alignment: AlignmentType.CENTER, children: [text(bytes ? `（${row.ext.toUpperCase()} 格式，Word 中无法显示，原图见照片文件夹）` : '（照片文件缺失）', { color: '808080' })] })
    return new TableCell({
      width: { size: CONTENT_WIDTH / 2, type: WidthType.DXA },
      margins: { top: 80, bottom: 80, left: 80, right: 80 },
      children: [picture, new Paragraph({ alignment: AlignmentType.CENTER, children: [text(caption, { size: 18, color: '606060' })] })],
    })
  })
  const rows: TableRow[] = []
  for (let i = 0; i < cells.length; i += 2) {
    const pair = cells.slice(i, i + 2)
    if (pair.length === 1) pair.push(new TableCell({ width: { size: CONTENT_WIDTH / 2, type: WidthType.DXA }, children: [new Paragraph('')] }))
    rows.push(new TableRow({ cantSplit: true, children: pair }))
  }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const out: Array<Paragraph | Table> = [
    new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [text(total > RECORD_PHOTOS ? `共${total}张，以下为前${RECORD_PHOTOS}张，另有${total - RECORD_PHOTOS}张未列出（原图都保存在机器人的照片文件夹里）。` : `共${total}张。`)] }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows,
    }),
  ]
  return out
}

export async function renderRecord (data: RecordData): Promise<Buffer> {
  const a = data.activity
  const tz = data.timeZone
  const checkedIn = data.attendees.some(p => p.checkedInAt !== null)
  const completed = a.status === 'completed'
  const facts: Array<[string, string]> = [
    ['活动名称', a.title],
    ['活动时间', formatSpanZh(Date.parse(a.start), a.end === null ? null : Date.parse(a.end), tz)],
    ['活动地点', a.location ?? '（未填写）'],
    ['组织单位', data.organization],
    ['组织者', a.organizer],
    ['活动类型', a.type],
    ['报名人数', `${a.signups}人`],
    ['实到人次', completed ? `${a.attendance ?? 0}人次${data.attendanceGiven ? '（组织者填报）' : ''}` : `（${statusZh(a)}，尚未统计）`],
    ['活动照片', `${a.photos}张`],
  ]
  const doc = new Document({
    creator: '新联会活动助手',
    title: `活动记录：${a.title}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: '活动记录', font: HEADING_FONT, size: 36, bold: true })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `${a.title}（活动 #${a.id}）`, font: HEADING_FONT, size: 28 })] }),
        factsTable(facts),
        heading('一、活动内容'),
        ...lines(data.description?.trim() || '（未填写）'),
        heading('二、完成情况'),
        ...lines(completed ? (a.note?.trim() || '（组织者完成时未写备注）') : `本活动${statusZh(a)}。`),
        heading(`三、参加人员（${completed ? `${data.attendees.length}人` : '活动完成后列出'}）`),
        ...(completed && data.attendees.length > 0
          ? [
              new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [text(checkedIn ? '以下为签到名单。' : '本活动没有签到记录，以下为报名确认名单。', { color: '606060', size: 20 })] }),
              attendeeTable(data.attendees, tz, checkedIn),
            ]
          : [new Paragraph({ children: [text('（无）', { color: '808080' })] })]),
        heading('四、活动照片'),
        ...photoParagraphs(data),
        new Paragraph({ spacing: { before: 480 }, children: [text('记录人（签字）：＿＿＿＿＿＿　　　审核人（签字）：＿＿＿＿＿＿　　　日期：＿＿＿＿＿＿')] }),
        new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.RIGHT, children: [text(`${data.organization}　本记录由新联会活动助手根据群内报名、签到和照片生成`, { size: 18, color: '808080' })] }),
      ],
    }],
  })
  return await Packer.toBuffer(doc)
}
