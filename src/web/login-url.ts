// Where a login link points, and where the bot keeps WEB_BASE_URL for #网页 (a setting, as the time zone is).

/** The setting app.ts keeps from WEB_BASE_URL; empty when the pages are off (WEB_PORT=0). */
export const WEB_BASE_URL_SETTING = 'web_base_url'

export function loginUrl (baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/login?token=${token}`
}
