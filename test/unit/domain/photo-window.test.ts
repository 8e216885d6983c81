// Which activity a picture belongs to, and what counts as a picture: tables of cases.
import { describe, expect, it } from 'vitest'
import { choosePhotoActivity, inPhotoWindow, sniffImage, type PhotoCandidate } from '../../../src/domain/photo-window.js'

const t = (iso: string): number => Date.parse(iso)
const clinic: PhotoCandidate = { id: 1, startAt: t('2026-11-14T09:00:00+08:00'), endAt: t('2026-11-14T11:30:00+08:00') }
const noEnd: PhotoCandidate = { id: 2, startAt: t('2026-11-14T14:00:00+08:00'), endAt: null }
const nextDay: PhotoCandidate = { id: 3, startAt: t('2026-11-15T09:00:00+08:00'), endAt: t('2026-11-15T10:00:00+08:00') }

describe('the evidence window: one hour before the start to 24 hours after the end (start + 3 h without an end)', () => {
  const cases: Array<[string, PhotoCandidate, string, boolean]> = [
    ['61 minutes before the start', clinic, '2026-11-14T07:59:00+08:00', false],
    ['exactly one hour before', clinic, '2026-11-14T08:00:00+08:00', true],
    ['during', clinic, '2026-11-14T10:00:00+08:00', true],
    ['24 hours after the end', clinic, '2026-11-15T11:30:00+08:00', true],
    ['a minute later', clinic, '2026-11-15T11:31:00+08:00', false],
    ['no end: 24 h after start + 3 h', noEnd, '2026-11-15T17:00:00+08:00', true],
    ['no end: a minute later', noEnd, '2026-11-15T17:01:00+08:00', false],
  ]
  it.each(cases)('%s', (_label, a, at, expected) => {
    expect(inPhotoWindow(a, t(at))).toBe(expected)
  })
})

describe('choosing among several activities: the one in progress, else the nearest', () => {
  const cases: Array<[string, PhotoCandidate[], string, number | null]> = [
    ['none in the window', [clinic], '2026-11-13T09:00:00+08:00', null],
    ['in progress wins over one that ended nearby', [clinic, noEnd], '2026-11-14T14:30:00+08:00', 2],
    ['between two: the nearer end or start', [clinic, noEnd], '2026-11-14T12:00:00+08:00', 1],
    ['between two: nearer the next start', [clinic, noEnd], '2026-11-14T13:30:00+08:00', 2],
    ['the next morning: in progress beats yesterday', [clinic, noEnd, nextDay], '2026-11-15T09:10:00+08:00', 3],
    ['before the next morning: nearer the next start', [clinic, noEnd, nextDay], '2026-11-15T08:30:00+08:00', 3],
  ]
  it.each(cases)('%s', (_label, candidates, at, expected) => {
    const choice = choosePhotoActivity(candidates, t(at))
    expect(choice.ok ? choice.value : null).toBe(expected)
  })
})

describe('a picture is recognised by its first bytes', () => {
  const cases: Array<[string, number[] | string, string | null]> = [
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'jpg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'png'],
    ['GIF89a', 'GIF89a....', 'gif'],
    ['WebP', 'RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'webp'],
    ['text', '这不是照片', null],
    ['empty', [], null],
    ['a PNG cut short', [0x89, 0x50, 0x4e], null],
    ['a PDF', '%PDF-1.7', null],
  ]
  it.each(cases)('%s', (_label, content, expected) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : Buffer.from(content)
    expect(sniffImage(bytes)).toBe(expected)
  })
})
