// A third set of acceptance-style transcripts written from the contracts: the bot in other time
// zones (New York across a daylight-saving change, Tokyo) and a secretary's quarter of figures
// checked by hand. A file of its own so it runs beside the other sets.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts in other zones and over a quarter', [
  ['new-york-dst.expect.json', 'America/New_York across the change to daylight time: cards, reminders, month edges and the push in local time'],
  ['tokyo-zone.expect.json', 'Asia/Tokyo: relative days from the Tokyo date, output times and report months in the zone'],
  ['secretary-quarter.expect.json', 'January to March 2027 in four rooms: every type, pushes on the 1st, month forms, a quarter whose participants are not the sum of its months'],
])
