/**
 * The seven steps of the domain brief as a checklist that ticks itself from the business's data.
 * Step 6 (first reviews) waits for review links: it stays open until reviews exist.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { withTenant } from '../core/tenancy';

export const onboardingSteps = ['audience', 'persona', 'pain_points', 'stages', 'touchpoints', 'reviews', 'revision'] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

export async function onboardingProgress(tenantId: string): Promise<Record<OnboardingStep, boolean>> {
  const [row] = await withTenant(tenantId, (tx) =>
    queryRows<Record<OnboardingStep, boolean>>(
      tx,
      sql`select
        exists (select 1 from personas where archived_at is null and age_range <> '' and location <> '' and active_times <> '') as audience,
        exists (select 1 from personas where archived_at is null) as persona,
        (exists (select 1 from personas where archived_at is null and pain_points <> '')
          or exists (select 1 from journey_stages where jsonb_array_length(lanes->'painPoints') > 0)) as pain_points,
        exists (select 1 from journey_stages group by journey_id having count(*) >= 3) as stages,
        exists (select 1 from journey_stages where jsonb_array_length(lanes->'touchpoints') > 0) as touchpoints,
        false as reviews,
        exists (select 1 from journey_versions) as revision`,
    ),
  );
  return row!;
}
