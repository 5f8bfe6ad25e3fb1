import 'server-only';
import type { MemberContext } from '@/lib/auth/session';
import { inTenant, type TenantDb } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { getJourney, listJourneys } from '@/lib/journeys/queries';
import type { LinkJourneyOption } from './ReviewLinkForm';

/** The journeys a link may point at, each with its stages and their touchpoint labels (suggestions). */
export async function journeyOptions(db: TenantDb, channelName: (channel: string) => string): Promise<LinkJourneyOption[]> {
  const out: LinkJourneyOption[] = [];
  for (const j of await listJourneys(db)) {
    const { stages } = await getJourney(db, j.id);
    out.push({
      id: j.id,
      name: j.name,
      stages: stages.map((s) => ({ id: s.id!, name: s.name, touchpoints: [...new Set(s.lanes.touchpoints.map((tp) => tp.label.trim() || (tp.channel === 'custom' ? '' : channelName(tp.channel))).filter(Boolean))] })),
    });
  }
  return out;
}

/** The same, as the page's own unit of work (the translations are loaded before the transaction opens). */
export async function linkJourneyOptions(ctx: MemberContext): Promise<LinkJourneyOption[]> {
  const { t } = await getT('journeys');
  return inTenant(ctx, (db) => journeyOptions(db, (channel) => t(`channels.${channel}`)));
}
