// A second set of acceptance-style transcripts, each written from the contracts alone around one
// theme: roles and rooms, check-in and the figures (June into July), a busy group's many ways of
// replying, and edits, reminders and restarts. A file of its own so it runs beside the first set.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts, by theme', [
  ['roles-rooms.expect.json', 'admin, owner, appointed organizers and secretaries in three rooms: refusals change nothing, #停用 keeps data, help by role, the push'],
  ['checkin-figures.expect.json', 'check-in windows, walk-ins, companions and guests, #完成 with and without 实到, month edges, every figure by hand'],
  ['busy-members.expect.json', 'forty members replying every way: ids, full width, quotes of cards and reminders, 接龙 growing and edited, a burst of thirty'],
  ['edits-reminders.expect.json', '#修改 of time, 名额 and 截止 with reminders re-planned, refusals naming the field, restarts over due reminders'],
])
