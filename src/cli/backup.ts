// npm run backup: a consistent copy of the database now (VACUUM INTO), into BACKUP_DIR, keeping
// the last BACKUP_KEEP copies, and the activity pictures into BACKUP_DIR/photos — the same as the nightly one.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, loadDotEnv } from '../config.js'
import { backupDatabase } from '../db/backup.js'
import { openDb } from '../db/open.js'

loadDotEnv()
const config = loadConfig()
if (!existsSync(config.DB_PATH)) {
  process.stderr.write(`backup: no database at ${config.DB_PATH}\n`)
  process.exit(2)
}
const store = openDb(config.DB_PATH)
try {
  const path = backupDatabase(store.db, config.BACKUP_DIR, config.BACKUP_KEEP, Date.now(), config.BOT_TIMEZONE)
  const photos = join(config.BACKUP_DIR, 'photos')
  // the pictures' folder is named once there are pictures in it
  process.stdout.write(`${path}\n${existsSync(photos) ? `${photos}\n` : ''}`)
} finally {
  store.close()
}
