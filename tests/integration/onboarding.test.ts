/**
 * The dashboard's checklist ticks itself from the business's own data. Its queries name the
 * business's tenant_id themselves (issue 8, item 7): on a database sharded by tenant they read one
 * shard, and they count only that business's rows even past row-level security.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withOwnerDatabase, type Tx } from '@/db/client';
import { inTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney, saveVersion } from '@/lib/journeys/queries';
import { onboardingProgress, onboardingSteps } from '@/lib/onboarding/checklist';
import { createPersona } from '@/lib/personas/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { makeTenant } from '../support/factory';

async function business() {
  const t = await makeTenant(`Toko Uji ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

const none = Object.fromEntries(onboardingSteps.map((s) => [s, false]));

describe('the onboarding checklist', () => {
  it('ticks each step from the business’s data (reviews once a real one came in; spam does not count)', async () => {
    const ctx = await business();
    expect(await inTenant(ctx, onboardingProgress)).toEqual(none);
    const linkId = await inTenant(ctx, async (db) => {
      const { id } = await createPersona(db, { name: 'Bu Sari', ageRange: '25–34', location: 'Medan', activeTimes: 'Malam', painPoints: 'Antre lama' });
      const j = await createJourney(db, { name: 'Belanja', personaId: id, model: 'five_stage', stageNames: {} });
      await saveVersion(db, j.id, { name: 'Versi 1', note: '' });
      const { stages } = await getJourney(db, j.id);
      const input = reviewLinkInputSchema.parse({ journeyId: j.id, stageId: stages[2]!.id, title: 'Bagaimana belanja Anda?' });
      return (await createReviewLink(db, input)).id;
    });
    expect(await inTenant(ctx, onboardingProgress)).toMatchObject({ audience: true, persona: true, pain_points: true, stages: true, reviews: false, revision: true });
    const visitor = { tenantId: ctx.tenantId, userId: '' };
    const review = reviewSubmissionSchema.parse({ stars: '4' });
    await inTenant(visitor, (db) => submitReview(db, linkId, review, { key: randomUUID(), locale: 'id', spamReason: 'honeypot' }));
    expect((await inTenant(ctx, onboardingProgress)).reviews).toBe(false);
    await inTenant(visitor, (db) => submitReview(db, linkId, review, { key: randomUUID(), locale: 'id', spamReason: null }));
    expect((await inTenant(ctx, onboardingProgress)).reviews).toBe(true);
  });

  it('counts only its own business, even read past row-level security', async () => {
    const empty = await business();
    const busy = await business();
    await inTenant(busy, async (db) => {
      const { id } = await createPersona(db, { name: 'Pak Budi', ageRange: '35–44', location: 'Bekasi', activeTimes: 'Pagi', painPoints: 'Mahal' });
      const j = await createJourney(db, { name: 'Servis', personaId: id, model: 'five_stage', stageNames: {} });
      await saveVersion(db, j.id, { name: 'Versi 1', note: '' });
    });
    expect(await inTenant(empty, onboardingProgress)).toEqual(none);
    // As the table owner, where row-level security does not filter (a superuser): only the explicit
    // tenant_id filter keeps the other business's rows out.
    const past = (tenantId: string) =>
      withOwnerDatabase((owner) => owner.transaction((tx) => onboardingProgress({ tx: tx as unknown as Tx, tenantId, userId: '' })));
    expect(await past(empty.tenantId)).toEqual(none);
    expect(await past(busy.tenantId)).toMatchObject({ audience: true, persona: true, pain_points: true, stages: true, revision: true });
  });
});
