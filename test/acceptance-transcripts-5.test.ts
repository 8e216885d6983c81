// A fifth set of acceptance-style transcripts written from the contracts by independent testers:
// several rooms and activities at once, newcomers' mistakes, and the 台账 audited cell by cell.
import { transcriptSuite } from './helpers/public.js'

transcriptSuite('acceptance-style transcripts of busy districts and newcomers', [
  ['multi-room.expect.json', 'three rooms, several open activities: id-less replies, 我的报名 in a group and in private, an activity past midnight, #停用/#启用 under a new name, the push, figures by hand'],
  ['multi-edge.expect.json', 'another room’s id in every command, id-less 取消报名 and -1, 我的报名 pointing to other groups, a room disabled across the push'],
  ['newcomer-ids.expect.json', '#修改/#取消活动/#完成/#提醒/#名单 with missing, unknown or other-room ids, #完成 before the start: every refusal’s example sent back works'],
  ['newcomer-members.expect.json', 'members’ mistakes: nothing to cancel, 签到 out of its window, 报名 in private, chatter that stays silent, walk-ins'],
  ['newcomer-members-intent.expect.json', '我报名/报个名/我来报名 sign up; 报名了/取消/不去了/算我一个 stay chatter; #取消 points to the right command; a private 你好 gets #帮助'],
  ['newcomer-org.expect.json', '#活动 written wrongly in every usual way, each refusal’s example sent back, a repeated notice refused'],
  ['newcomer-org-oneline.expect.json', 'fields on one line with spaces or commas in #活动 and #修改, 说明 keeping its line, an accidental repeat refused'],
  ['newcomer-secretary.expect.json', '#月报/#台账 with months as secretaries write them, bad months, asked in a group by each role, the push'],
])
