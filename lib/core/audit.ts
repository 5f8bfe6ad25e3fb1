import { auditLog } from '@/db/schema';
import { parseAddress } from '../http/client-address';
import type { Tx } from './tenancy';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.locked_out'
  | 'auth.sign_out'
  | 'auth.signed_out_everywhere'
  | 'auth.password_changed'
  | 'tenant.created'
  | 'tenant.updated'
  | 'member.invited'
  | 'member.invite_revoked'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.left'
  | 'member.ownership_transferred'
  | 'profile.updated'
  | 'persona.created'
  | 'persona.duplicated'
  | 'persona.archived'
  | 'persona.restored'
  | 'journey.created'
  | 'journey.imported'
  | 'journey.version_saved'
  | 'journey.version_restored'
  | 'journey.shared'
  | 'journey.share_revoked'
  | 'review_link.created'
  | 'review_link.updated'
  | 'review.status_changed'
  | 'review.featured'
  | 'review.unfeatured'
  | 'review.noted'
  | 'review.erased'
  | 'testimonial_page.claimed'
  | 'testimonial_page.renamed'
  | 'testimonial_page.removed'
  | 'funnel.saved'
  | 'funnel.imported';

/** Records an event in the tenant's audit log, inside the transaction of the change itself. */
export async function audit(
  tx: Tx,
  entry: { tenantId: string; actorUserId?: string | null; action: AuditAction; targetType?: string; targetId?: string; ip?: string | null; meta?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: parseAddress(entry.ip),
    meta: entry.meta ?? {},
  });
}
