// The audit log: every change, who made it and from which message.
import type { Db } from './open.js'
import { prepared } from './prepared.js'

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
  prepared(db, 'audit', () => db.$client.prepare(`INSERT INTO audit_log
    (at, room_id, actor_member_id, actor_name, action, entity, entity_id, msg_id, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`))
    .run(now, entry.roomId ?? null, entry.actorMemberId ?? null, entry.actorName ?? null, entry.action, entry.entity,
      entry.entityId ?? null, entry.msgId ?? null, entry.detail === undefined ? null : JSON.stringify(entry.detail))
}
