// Every command, in the order #帮助 lists them. Building the registry throws on a clash.
import type { Command } from '../src/core/command.js'
import activityCancel from './activity-cancel.js'
import activityComplete from './activity-complete.js'
import activityCreate from './activity-create.js'
import activityRecord from './activity-record.js'
import activityEdit from './activity-edit.js'
import { appointOrganizer, appointSecretary, revoke } from './appoint.js'
import cancelSignup from './cancel-signup.js'
import checkin from './checkin.js'
import disable from './disable.js'
import enable from './enable.js'
import help from './help.js'
import jielong from './jielong.js'
import ledger from './ledger.js'
import monthlyReport from './monthly-report.js'
import mySignups from './my-signups.js'
import { photoDelete, photoIntake, photoTargetCommand } from './photo.js'
import proxySignup from './proxy-signup.js'
import remindNow from './remind-now.js'
import roster from './roster.js'
import signup from './signup.js'
import upcoming from './upcoming.js'
import webLink from './web-link.js'

export const commands: readonly Command<any, any>[] = [
  // members
  signup,
  proxySignup,
  cancelSignup,
  checkin,
  mySignups,
  jielong,
  upcoming,
  roster,
  // organizers
  activityCreate,
  activityEdit,
  activityCancel,
  activityComplete,
  remindNow,
  photoTargetCommand,
  photoDelete,
  photoIntake,
  // reports
  monthlyReport,
  ledger,
  webLink,
  activityRecord,
  // admins
  enable,
  disable,
  appointOrganizer,
  appointSecretary,
  revoke,
  help,
]
