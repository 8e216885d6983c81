// A sixth set of acceptance-style transcripts written from the contracts by independent testers:
// 接龙 lists and quote-replies as WeChat delivers them, and a December's 台账 audited cell by cell.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of 接龙, quotes and the 台账', [
  ['jielong-format.expect.json', 'the WeChat 接龙 tool’s format, numbering variants, notes after names, a copy storm, own and others’ deleted lines, a repeated id after a restart'],
  ['jielong-multi.expect.json', '接龙 with four open activities: by id, by title, a dated header, over capacity, after the deadline, a cancelled activity'],
  ['jielong-long.expect.json', 'a 120-person 接龙 with duplicates and glued notes, reminders in messages of 20 mentions, a pasted list of 35 guests'],
  ['jielong-edge.expect.json', 'a header naming the longer of two similar titles, a list without its sender, another room’s activity, a sign-up/cancel storm'],
  ['quote-reply.expect.json', 'quote-replies with separator variants, truncated quotes, quoting an acknowledgement, a reminder, another room’s or a cancelled card'],
  ['xlsx-dec.expect.json', 'a December in two rooms with a restart: every status and type, formula-like titles, #台账/#月报 in every form and role, two pushes'],
  ['xlsx-dec-edge.expect.json', 'an activity moved out of the month, 实到 0, a room disabled after its activity, #完成 before the start'],
])
