import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { BusinessForm } from '@/components/settings/BusinessForm';
import { businessTypes } from '@/lib/shared';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { timeZones } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { logoPath } from '@/lib/images/images';
import { getTenant } from '@/lib/team/team';
import { updateBusinessAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('settings');
  return { title: t('business.title') };
}

export default async function BusinessSettingsPage() {
  const ctx = await requireMember('tenant.settings');
  const tenant = await inTenant(ctx, getTenant);
  const { t } = await getT('settings');
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-bold">{t('business.title')}</h1>
      <p className="mt-1 text-slate-700">{t('business.intro')}</p>
      <div className="mt-4 rounded-xl bg-white p-5 shadow-sm">
        <BusinessForm
          action={updateBusinessAction}
          current={{ name: tenant.name, businessType: tenant.businessType, city: tenant.city, timeZone: tenant.timeZone, defaultLocale: tenant.defaultLocale ?? '', logoSrc: logoPath(ctx.tenantId, ctx.tenant.logoVersion) }}
          businessTypes={[...businessTypes]}
          timeZones={[...timeZones]}
          submission={randomUUID()}
        />
      </div>
    </div>
  );
}
