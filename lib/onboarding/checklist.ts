/**
 * The seven steps of the domain brief as a checklist that ticks itself from the business's data.
 * Step 6 (first reviews) ticks once a customer's review has come in (spam does not count).
 *
 * Works inside the caller's transaction (`db: TenantDb`); every subquery names the business's
 * `tenant_id` itself, not only through row-level security, so on a database sharded by tenant it
 * reads one shard.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { TenantDb } from '../core/tenancy';

export const onboardingSteps = ['audience', 'persona', 'pain_points', 'stages', 'touchpoints', 'reviews', 'revision'] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

export async function onboardingProgress(db: TenantDb): Promise<Record<OnboardingStep, boolean>> {
  const t = db.tenantId;
  const [row] = await queryRows<Record<OnboardingStep, boolean>>(
    db.tx,
    sql`select
      exists (select 1 from personas where tenant_id = ${t} and archived_at is null and age_range <> '' and location <> '' and active_times <> '') as audience,
      exists (select 1 from personas where tenant_id = ${t} and archived_at is null) as persona,
      (exists (select 1 from personas where tenant_id = ${t} and archived_at is null and pain_points <> '')
        or exists (select 1 from journey_stages where tenant_id = ${t} and jsonb_array_length(lanes->'painPoints') > 0)) as pain_points,
      exists (select 1 from journey_stages where tenant_id = ${t} group by journey_id having count(*) >= 3) as stages,
      exists (select 1 from journey_stages where tenant_id = ${t} and jsonb_array_length(lanes->'touchpoints') > 0) as touchpoints,
      exists (select 1 from reviews where tenant_id = ${t} and status <> 'spam') as reviews,
      exists (select 1 from journey_versions where tenant_id = ${t}) as revision`,
  );
  return row!;
}
