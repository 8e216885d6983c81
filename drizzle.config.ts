// drizzle-kit: `npm run db:generate` turns src/db/schema.ts changes into a new migration.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
})
