// A seventh set of acceptance-style transcripts written from the contracts by independent testers:
// the waitlist over an activity's life, the day of an activity, and #帮助 for every role.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of waitlists, check-in days and #帮助', [
  ['waitlist-life.expect.json', 'capacity and the waitlist over an activity’s whole life: promotions with time and place, 名额 raised and refused below the confirmed, a resize refused when full'],
  ['waitlist-edges.expect.json', 'a party resized down, 名额 raised by less than the party at the head, bad 名额, a quote-reply cancel, 名额：不限'],
  ['waitlist-moves.expect.json', 'a start moved after the 24 h reminder (not repeated, nor the roster), the default deadline following the new start'],
  ['checkin-day.expect.json', 'an 80-person check-in storm, early 签到, two windows at once, #完成 pointing out companions without a check-in, corrections, the figures'],
  ['checkin-day2.expect.json', '签到 typed many ways, a restart mid-burst, 实到 variants, 签到 after #完成 inside the window'],
  ['help-roles.expect.json', '#帮助 and its aliases for every role, in groups and in private'],
  ['help-examples.expect.json', 'every #帮助 example sent back word for word works'],
])
