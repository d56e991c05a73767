import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  id: number;
  actor: string | null;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  at: string;
}

/** Who changed what, when: one line per state-changing staff action, newest first when read. */
export function createAuditLog(deps: { db: Kysely<Database>; clock: Clock }) {
  return {
    async record(actorId: number | null, action: string, subject: string, detail: Record<string, unknown> = {}) {
      await deps.db
        .insertInto('audit_log')
        .values({ actor_id: actorId, action, subject, detail: JSON.stringify(detail), at: deps.clock.now().toISOString() })
        .execute();
    },
    async page(page: number, pageSize = 50): Promise<AuditEntry[]> {
      const rows = await deps.db
        .selectFrom('audit_log')
        .leftJoin('staff_users', 'staff_users.id', 'audit_log.actor_id')
        .select(['audit_log.id', 'staff_users.name as actor', 'audit_log.action', 'audit_log.subject', 'audit_log.detail', 'audit_log.at'])
        .orderBy('audit_log.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
