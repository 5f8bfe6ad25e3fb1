/**
 * The review page's POST with bodies the page's own form never sends (found by `npm run bench`'s
 * fuzz, scripts/bench/fuzz.ts): a multipart body that does not parse was a 503 "failure on our
 * side", and one with bytes that are not UTF-8 was stored with replacement characters. Both are the
 * form again (422) with the encoding message now, nothing stored; a well-formed multipart post is a
 * review like any other.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviews } from '@/db/schema';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { postReview } from '@/lib/reviews/page/serve';
import { newFormToken } from '@/lib/reviews/page/token';
import { makeTenant } from '../support/factory';

async function openLink() {
  const t = await makeTenant(`Bengkel Fuzz ${randomUUID().slice(0, 6)}`);
  const ctx = { tenantId: t.id, userId: t.owner.id };
  const slug = await inTenant(ctx, async (db) => {
    const { id } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: {} });
    const { stages } = await getJourney(db, id);
    const input = reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, title: 'Bagaimana servis kami?', askNps: 'on', askComment: 'on' });
    return (await createReviewLink(db, input)).slug;
  });
  return { tenantId: t.id, slug };
}

const someAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;

function fields(comment: string) {
  const token = newFormToken(Date.now() - 10_000);
  return { key: token.key, t: token.renderedAt, sig: token.sig, website: '', stars: '4', comment };
}

function post(slug: string, contentType: string, body: BodyInit) {
  return postReview(new Request(`http://localhost/r/${slug}?lang=id`, { method: 'POST', headers: { 'content-type': contentType, 'x-forwarded-for': someAddress() }, body }), slug);
}

function multipart(boundary: string, values: Record<string, string | Uint8Array>): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(values)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`), Buffer.from(v), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

const stored = (tenantId: string) => withTenant(tenantId, (tx) => tx.select({ comment: reviews.comment }).from(reviews).where(eq(reviews.tenantId, tenantId)));
const encodingMessage = 'Sebagian teks terkirim rusak';

describe('the review page’s POST with bodies its form never sends', () => {
  it('answers a multipart body that does not parse with the form and the encoding message (422), storing nothing', async () => {
    const l = await openLink();
    const urlencoded = new URLSearchParams(fields('Bagus')).toString();
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=----fz', 'Multipart/Form-Data; boundary=']) {
      const res = await post(l.slug, type, urlencoded);
      expect(res.status, type).toBe(422);
      expect(await res.text(), type).toContain(encodingMessage);
    }
    expect(await stored(l.tenantId)).toEqual([]);
  });

  it('refuses a multipart field that is not UTF-8 instead of storing replacement characters', async () => {
    const l = await openLink();
    const { comment: _comment, ...rest } = fields('');
    const res = await post(l.slug, 'multipart/form-data; boundary=xyz', multipart('xyz', { ...rest, comment: new Uint8Array([0x42, 0x61, 0xc3, 0x28, 0xff]) }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(encodingMessage);
    expect(await stored(l.tenantId)).toEqual([]);
  });

  it('takes a well-formed multipart post like the ordinary one', async () => {
    const l = await openLink();
    const res = await post(l.slug, 'multipart/form-data; boundary=xyz', multipart('xyz', fields('Servisnya rapi, kasir ramah 👍')));
    expect(res.status).toBe(303);
    expect(await stored(l.tenantId)).toEqual([{ comment: 'Servisnya rapi, kasir ramah 👍' }]);
  });
});
