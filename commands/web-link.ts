// #网页 (#后台) — in private chat, a one-time login link to the web pages (web.md) for a secretary,
// an admin or an organizer, sent only to the contact the role is recorded for.
import { defineCommand, reporters } from '../src/core/command.js'
import { UserError } from '../src/core/errors.js'
import { getSetting } from '../src/db/settings.js'
import { hasRoleByNameOnly, LINK_TTL_MS, mintLoginLink, webAccessOf } from '../src/db/web-auth.js'
import { loginUrl, WEB_BASE_URL_SETTING } from '../src/web/login-url.js'

export default defineCommand<Record<string, never>>({
  name: '网页',
  aliases: ['后台', '网页版', '登录后台'],
  summary: '获取统计网页的登录链接（15分钟内有效，只能用一次）',
  example: '#网页',
  where: 'private',
  allow: reporters,
  parse: () => ({}),
  handle (ctx) {
    const base = getSetting(ctx.db, WEB_BASE_URL_SETTING) ?? ''
    if (base === '') throw new UserError('统计网页没有开启（WEB_PORT=0）。如需使用，请管理员在配置里设置 WEB_PORT 后重启助手；月报和台账仍可私聊我发送', '#月报')
    const sender = ctx.msg.sender
    const access = webAccessOf(ctx.db, sender.id, ctx.config.admins)
    if (!access) {
      // the role is recorded under a name (or an older contact id): a name can be taken by anyone in WeChat
      const hint = hasRoleByNameOnly(ctx.db, sender.name, ctx.config.admins)
        ? '你的身份只按名字登记，没有对上你的微信号，为安全起见不发链接。请管理员在群里@你重新任命一次'
        : '没有找到你的秘书、组织者或管理员身份'
      throw new UserError(hint, '#设秘书 @陈秘书')
    }
    const token = mintLoginLink(ctx.db, { contactId: sender.id, name: sender.name }, ctx.now)
    const scope = access.everyRoom ? '全部群' : `你组织的 ${access.roomIds.length} 个群`
    ctx.reply([
      `统计网页登录链接（${LINK_TTL_MS / 60_000}分钟内有效，只能用一次，请勿转发）：`,
      loginUrl(base, token),
      `打开后可查看${scope}的活动统计、名单和台账，7天内免登录。`,
    ].join('\n'))
  },
})
