// The audit log: every change, who made it and from which message.
import type { Db } from './open.js'
import { auditLog } from './schema.js'

export interface AuditEntry {
  roomId?: number | null
  actorMemberId?: number | null
  actorName?: string | null
  action: string
  entity: string
  entityId?: number | null
  msgId?: string | null
  detail?: unknown
}

export function audit (db: Db, entry: AuditEntry, now: number): void {
  db.insert(auditLog).values({
    at: now,
    roomId: entry.roomId ?? null,
    actorMemberId: entry.actorMemberId ?? null,
    actorName: entry.actorName ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    msgId: entry.msgId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  }).run()
}
