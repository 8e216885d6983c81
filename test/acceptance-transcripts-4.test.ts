// A fourth set of acceptance-style transcripts written from the contracts by independent testers:
// time phrases as notices write them (cards, refusals, deadlines with 前/截止/止).
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of notice wording', [
  ['time3-card.expect.json', 'cards for notice-style times: next-day ends, 元旦 with its year, Chinese numerals'],
  ['time3-refuse.expect.json', 'impossible or vague times refused naming 时间 with an example, nothing created'],
  ['time3-deadline.expect.json', '截止 as notices write it (18:00前, 18:00截止, 之前, 止), bare dates, refusals, #修改'],
])
