// Which activity a picture sent in a room is evidence of (commands.md, "Photos and the activity
// record"): one hour before the start to 24 hours after the end (start + 3 h without an end); of
// several, the one in progress, else the one nearest in time. Pure: the caller passes `now` and
// the activities the sender may send pictures for.

export const PHOTO_LEAD_MS = 60 * 60_000
export const PHOTO_TAIL_MS = 24 * 60 * 60_000
/** an activity without an end is taken to last this long */
export const DEFAULT_DURATION_MS = 3 * 60 * 60_000

/** At most this many pictures per activity, each at most MAX_PHOTO_BYTES. */
export const MAX_PHOTOS = 60
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

export interface PhotoCandidate {
  id: number
  startAt: number
  endAt: number | null
}

export type PhotoChoice = { ok: true, value: number } | { ok: false, error: 'no-activity-in-window' }

const endOf = (a: PhotoCandidate): number => a.endAt ?? a.startAt + DEFAULT_DURATION_MS

/** Whether a picture at `now` falls in the activity's evidence window. */
export function inPhotoWindow (a: PhotoCandidate, now: number): boolean {
  return now >= a.startAt - PHOTO_LEAD_MS && now <= endOf(a) + PHOTO_TAIL_MS
}

/** How far `now` is from the activity's time (0 while it is in progress). */
function distance (a: PhotoCandidate, now: number): number {
  if (now < a.startAt) return a.startAt - now
  return Math.max(0, now - endOf(a))
}

/** The activity a picture at `now` belongs to: in progress first, else nearest; ties go to the earlier start, then the lower id. */
export function choosePhotoActivity (candidates: readonly PhotoCandidate[], now: number): PhotoChoice {
  const inWindow = candidates.filter(a => inPhotoWindow(a, now))
  if (inWindow.length === 0) return { ok: false, error: 'no-activity-in-window' }
  const best = [...inWindow].sort((x, y) => distance(x, now) - distance(y, now) || x.startAt - y.startAt || x.id - y.id)[0]!
  return { ok: true, value: best.id }
}

export type ImageKind = 'jpg' | 'png' | 'gif' | 'webp'

/** The picture's format from its first bytes (JPEG, PNG, GIF, WebP), or null when it is none of them. */
export function sniffImage (bytes: Uint8Array): ImageKind | null {
  const b = (i: number): number => bytes[i] ?? -1
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpg'
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'png'
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif'
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  return null
}
