// A fourth set of acceptance-style transcripts written from the contracts by independent testers:
// time phrases as notices write them (cards, refusals, deadlines with 前/截止/止), and three months written the way
// the public month-luchen example is, with other districts, names and dates.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of notice wording', [
  ['time3-card.expect.json', 'cards for notice-style times: next-day ends, 元旦 with its year, Chinese numerals'],
  ['time3-refuse.expect.json', 'impossible or vague times refused naming 时间 with an example, nothing created'],
  ['time3-deadline.expect.json', '截止 as notices write it (18:00前, 18:00截止, 之前, 止), bare dates, refusals, #修改'],
  ['march-ouhai.expect.json', 'March 2027 in two groups, as month-luchen: appointments, waitlists, 接龙, a quote, edits, a cancellation, check-ins, a restart over a reminder, the April push'],
  ['newyear-longwan.expect.json', 'December 2026 into January 2027: an activity on New Year’s Eve and one on 元旦 morning, deadlines at the year’s end, the push for December'],
  ['leap-ruian.expect.json', 'February 2028, a leap year: 2月29日, Chinese numerals in times, 元宵, a secretary’s #台账'],
])
