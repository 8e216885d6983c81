// #设组织者 @X / #设秘书 @X / #撤销 @X — admins appoint and remove roles by @mentioning people.
import { adminOnly, defineCommand, type Command, type ParseContext } from '../src/core/command.js'
import { UserError } from '../src/core/errors.js'
import type { Person } from '../src/domain/records.js'
import { appoint, ensureMember, revokeAll } from '../src/db/membership.js'

function mentioned (example: string) {
  return (_rest: string, ctx: ParseContext): { people: Person[] } => {
    if (ctx.mentions.length === 0) throw new UserError('请@要设置的成员（在群里输入@选择成员）', example)
    return { people: [...ctx.mentions] }
  }
}

const ROLE_TEXT = { organizer: '本群组织者（可发起、修改、取消活动，查看本群月报）', secretary: '秘书（可私聊我查看所有群的月报和台账，每月1日收到上月报表）' }

function appointCommand (role: 'organizer' | 'secretary', name: string, example: string): Command<{ people: Person[] }> {
  return defineCommand({
    name,
    summary: role === 'organizer' ? '任命本群组织者' : '任命秘书（全部群的报表）',
    example,
    where: 'room',
    allow: adminOnly,
    parse: mentioned(example),
    handle (ctx) {
      const room = ctx.room
      for (const person of ctx.args.people) {
        const member = ensureMember(ctx.db, room.id, person, ctx.now)
        if (appoint(ctx.db, role, member, ctx.now)) ctx.audit({ action: `appoint-${role}`, entity: 'member', entityId: member.id })
      }
      ctx.reply(`已被任命为${ROLE_TEXT[role]}。`, ctx.args.people)
    },
  })
}

export const appointOrganizer = appointCommand('organizer', '设组织者', '#设组织者 @张三')
export const appointSecretary = appointCommand('secretary', '设秘书', '#设秘书 @陈秘书')

const ROLE_NAME: Record<string, string> = { organizer: '组织者', secretary: '秘书' }

export const revoke = defineCommand<{ people: Person[] }, 'room'>({
  name: '撤销',
  summary: '撤销成员被任命的全部身份（各群的组织者、秘书）',
  example: '#撤销 @张三',
  where: 'room',
  allow: adminOnly,
  parse: mentioned('#撤销 @张三'),
  handle (ctx) {
    const room = ctx.room
    const lines = ctx.args.people.map(person => {
      const member = ensureMember(ctx.db, room.id, person, ctx.now)
      const { roles, organizerRooms } = revokeAll(ctx.db, member)
      if (roles.length > 0) ctx.audit({ action: 'revoke', entity: 'member', entityId: member.id, detail: { roles, organizerRooms } })
      const named = roles.map(r => r === 'organizer' && organizerRooms > 1 ? `组织者（${organizerRooms}个群）` : ROLE_NAME[r] ?? r)
      return roles.length > 0
        ? `已撤销 ${person.name} 的${named.join('、')}身份`
        : `${person.name} 没有被任命的身份（群主始终是本群组织者）`
    })
    ctx.reply(lines.join('\n'))
  },
})
