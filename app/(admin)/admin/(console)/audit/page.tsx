import type { Metadata } from 'next';
import { AuditEntries, AuditFilters } from '@/components/admin/AuditLog';
import { auditListQuery, listAdmins, listPlatformAudit } from '@/lib/admin/audit';
import { withAdmin } from '@/lib/admin/door';
import { adminStanding, requireAdmin } from '@/lib/admin/gate';
import { or404 } from '@/lib/core/not-found';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('audit.title') };
}

/** The platform audit log, with filters. Reading it is recorded too. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const raw = await searchParams;
  const query = auditListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { after, ...filters } = query;
  const { page, admins } = await or404(
    withAdmin(actor, { action: 'audit.viewed', reason: 'view', tenantId: query.business ?? null, meta: { ...filters, page: after ? 'more' : 'first' } }, async (db) => ({
      page: await listPlatformAudit(db, query),
      admins: await listAdmins(db),
    })),
  );
  const { t } = await getT('admin');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <p className="mt-1 text-slate-700">{t('audit.intro')}</p>
      <div className="mt-4">
        <AuditFilters query={query} admins={admins} />
      </div>
      <AuditEntries query={query} page={page} />
    </>
  );
}
