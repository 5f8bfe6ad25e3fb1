import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { inTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney, listVersions, restoreVersion, saveVersion } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { stageReviewSummary } from '@/lib/reviews/stage-summary';
import { makeTenant } from '../support/factory';

it('restoring a version keeps the stages’ reviews on the map', async () => {
  const t = await makeTenant(`Probe ${randomUUID().slice(0, 6)}`);
  const ctx = { tenantId: t.id, userId: t.owner.id };
  const { journeyId, linkId } = await inTenant(ctx, async (db) => {
    const { id: journeyId } = await createJourney(db, { name: 'J', model: 'three_stage', stageNames: { pre_purchase: 'A', purchase: 'B', post_purchase: 'C' } });
    const { stages } = await getJourney(db, journeyId);
    const { id: linkId } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId: stages[1]!.id, title: 'U' }));
    await saveVersion(db, journeyId, { name: 'v1', note: '' });
    return { journeyId, linkId };
  });
  await inTenant({ tenantId: t.id, userId: '' }, (db) => submitReview(db, linkId, reviewSubmissionSchema.parse({ stars: '4' }), { key: randomUUID(), locale: 'id', spamReason: null }));
  expect(Object.values(await inTenant(ctx, (db) => stageReviewSummary(db, journeyId)))).toHaveLength(1);
  const versions = await inTenant(ctx, (db) => listVersions(db, journeyId));
  await inTenant(ctx, (db) => restoreVersion(db, journeyId, versions[0]!.id, () => ({ name: 'Sebelum', note: '' })));
  expect(Object.values(await inTenant(ctx, (db) => stageReviewSummary(db, journeyId)))).toHaveLength(1);
});
