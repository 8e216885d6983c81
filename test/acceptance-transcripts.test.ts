// More transcripts in the acceptance format, written from the contracts alone (not from the bot's
// output) with other groups, people and dates: a month of a 同心荟 that crosses the year end, three
// rooms with a shared member and a month edge at 23:30, two months of trainings and visits, and a
// 120-person sign-up storm. Checked by the same checker as the public examples.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts', [
  ['ouhai-month.expect.json', 'a 同心荟 from December into January: waitlist, edits, cancellation, quote-replies, 接龙, restart, push'],
  ['multiroom.expect.json', 'three rooms, one enabled late, a member in two, activities at the month edge, per-room and all-room reports'],
  ['xl-wenzhou.expect.json', 'a training series and research visits over two months: every optional field and sign-up form, check-in windows, corrections, two pushes'],
  ['storm.expect.json', '120 sign-ups in two minutes with duplicates, then cancellations: few messages, exact promotions and reminders'],
])
