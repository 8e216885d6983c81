// An eighth set of acceptance-style transcripts written from the contracts by independent testers:
// a year of two rooms, month and year edges, restarts around the push, holidays, and the report CLI.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of a year and the command lines', [
  ['year.expect.json', '2027 in two rooms (a rename, secretaries appointed and removed, an outage over the 1st): the year, a quarter and months, year-end #月报'],
  ['year-restart-push.expect.json', 'the monthly push around restarts and downtime: each month once'],
  ['year-boundaries.expect.json', 'activities at midnight and at month and year edges land on the right local day'],
  ['year-guests.expect.json', 'the same guest name in two activities is two people'],
  ['year-holidays.expect.json', 'holiday time phrases read as the next such date'],
  ['cli-main.expect.json', 'two rooms across the November/December boundary: the push and #月报 agree with the report CLI'],
  ['cli-cont.expect.json', 'a restart on the same database: a #启用 rename said old → new, ids continue, nothing repeated'],
  ['cli-ny.expect.json', 'America/New_York across the change of daylight time: pushes at 09:00 local'],
])
