/**
 * Every server action of the app, found by reading app/, lib/ and components/ for 'use server' modules, must be listed
 * here; a new action without an entry fails this suite. Each action that takes an id is then
 * called as the owner of Kedai Kopi Senja with Bengkel Maju Jaya's ids, as the real action (zod,
 * session, permission, query code, row-level security): it must refuse, and not one row of
 * Bengkel's data may change. The same again with a session whose chosen business was forged to
 * be Bengkel's.
 *
 * Public forms: the anti-spam honeypot is checked for every public action.
 *
 * Only Next.js's own request plumbing is replaced (cookies/headers, the session cookie read,
 * cache revalidation, redirects): everything of ours runs against the real database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { journeyStages, journeyVersions, reviews } from '@/db/schema';
import { demo, seed } from '@/lib/demo/seed';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { idleState, type ActionState } from '@/lib/core/action-state';
import { createInvite } from '@/lib/team/team';
import { inTenant, withTenant } from '@/lib/core/tenancy';

const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number; tid?: string } }));

vi.mock('next-auth', async (original) => ({ ...(await original<typeof import('next-auth')>()), getServerSession: async () => session.current }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.9' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  // Next's own control flow (redirect, notFound) passes the action wrapper's error handling untouched.
  unstable_rethrow: (err: unknown) => {
    if (err instanceof Redirected || (err instanceof Error && err.message === 'NEXT_NOT_FOUND')) throw err;
  },
}));

class Redirected extends Error {
  constructor(public readonly to: string) {
    super(`redirected to ${to}`);
  }
}

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** Bengkel's ids, the victim's; filled in once the seed ran. */
const victim = {
  tenantId: demo.bengkel.tenant.id,
  journeyId: demo.bengkel.journeyId,
  personaId: demo.bengkel.personaId,
  staffId: demo.bengkel.staff.id,
  ownerId: demo.bengkel.owner.id,
  shareLinkId: demo.bengkel.shareLink.id,
  versionId: '',
  inviteId: '',
  reviewLinkId: demo.bengkel.reviewLink.id,
  /** A stage of Bengkel's journey, and a review whose customer allowed a testimonial. */
  stageId: '',
  reviewId: '',
};

const emptyMap = () => JSON.stringify({ revision: 1, isCycle: false, stages: [] });

/**
 * Each action: the form that aims it at Bengkel's data, or why it takes no id of a business
 * (then the session alone decides whose data it touches, which the other suites cover).
 */
const registry: Record<string, { form: () => Record<string, string> } | { noId: string }> = {
  'app/(app)/journeys/[id]/actions.ts#saveMapAction': { form: () => ({ journeyId: victim.journeyId, map: emptyMap() }) },
  'app/(app)/journeys/[id]/actions.ts#updateJourneyDetailsAction': {
    form: () => ({ journeyId: victim.journeyId, name: 'Dibajak', personaId: '', status: 'archived', seenName: 'Dibajak', seenPersonaId: '', seenStatus: 'archived' }),
  },
  'app/(app)/journeys/[id]/share/actions.ts#createShareLinkAction': { form: () => ({ journeyId: victim.journeyId }) },
  'app/(app)/journeys/[id]/share/actions.ts#revokeShareLinkAction': { form: () => ({ linkId: victim.shareLinkId }) },
  'app/(app)/journeys/[id]/versions/actions.ts#saveVersionAction': { form: () => ({ journeyId: victim.journeyId, name: 'Dibajak', note: '' }) },
  'app/(app)/journeys/[id]/versions/actions.ts#restoreVersionAction': { form: () => ({ journeyId: victim.journeyId, versionId: victim.versionId }) },
  // Creating a journey takes a persona: Bengkel's must not be attachable to Kopi's journey.
  'app/(app)/journeys/new/actions.ts#createJourneyAction': { form: () => ({ name: 'Pakai persona orang', personaId: victim.personaId, start: 'model:blank' }) },
  'app/(app)/journeys/import/actions.ts#importJourneyAction': { noId: 'creates a journey in the session’s business from a file' },
  'app/(app)/personas/actions.ts#createPersonaAction': { noId: 'creates a persona in the session’s business' },
  'app/(app)/personas/actions.ts#updatePersonaAction': { form: () => ({ id: victim.personaId, name: 'Dibajak', avatarColor: 'sky' }) },
  'app/(app)/personas/actions.ts#duplicatePersonaAction': { form: () => ({ id: victim.personaId }) },
  'app/(app)/personas/actions.ts#setArchivedAction': { form: () => ({ id: victim.personaId, archived: '1' }) },
  'app/(app)/team/actions.ts#createInviteAction': { noId: 'invites into the session’s business' },
  'app/(app)/team/actions.ts#revokeInviteAction': { form: () => ({ inviteId: victim.inviteId }) },
  'app/(app)/team/actions.ts#changeRoleAction': { form: () => ({ userId: victim.staffId, role: 'owner' }) },
  'app/(app)/team/actions.ts#removeMemberAction': { form: () => ({ userId: victim.staffId }) },
  'app/(app)/team/actions.ts#transferOwnershipAction': { form: () => ({ userId: victim.ownerId }) },
  'app/(app)/team/actions.ts#leaveTeamAction': { noId: 'leaves the session’s business' },
  'app/(app)/settings/business/actions.ts#updateBusinessAction': { noId: 'edits the session’s business' },
  'app/(app)/settings/profile/actions.ts#updateProfileAction': { noId: 'edits the signed-in account' },
  'app/(app)/settings/profile/actions.ts#changePasswordAction': { noId: 'edits the signed-in account' },
  'app/(app)/settings/profile/actions.ts#signOutEverywhereAction': { noId: 'ends the signed-in account’s own sessions' },
  'app/(auth)/sign-up/actions.ts#signUpAction': { noId: 'creates a new business' },
  'lib/i18n/locale-action.ts#setLocaleAction': { noId: 'sets a cookie and the signed-in account’s language' },
  // The admin console: platform admins only, everyone else 404 (tests/actions/admin-actions.test.ts
  // tries every action of app/(admin) as each identity that is not one).
  'app/(admin)/admin/(factor)/enrol/actions.ts#confirmEnrolmentAction': { noId: 'a platform admin’s own second factor' },
  'app/(admin)/admin/(factor)/verify/actions.ts#verifyCodeAction': { noId: 'a platform admin’s own second factor' },
  'app/(admin)/admin/(factor)/verify/actions.ts#recoveryCodeAction': { noId: 'a platform admin’s own second factor' },
  'app/(admin)/admin/(console)/businesses/[id]/actions.ts#suspendBusinessAction': { form: () => ({ tenantId: victim.tenantId, reason: 'Dinonaktifkan oleh pemilik lain' }) },
  'app/(admin)/admin/(console)/businesses/[id]/actions.ts#reactivateBusinessAction': { form: () => ({ tenantId: victim.tenantId, reason: 'Diaktifkan oleh pemilik lain' }) },
  'app/(admin)/admin/(console)/businesses/[id]/actions.ts#setPlanLimitsAction': {
    form: () => ({ tenantId: victim.tenantId, plan: 'Dibajak', maxReviewLinks: '0', maxReviewsPerMonth: '0', notes: '', limitsReason: 'Dibatasi oleh pemilik lain' }),
  },
  'app/(admin)/admin/(console)/businesses/[id]/actions.ts#issueResetLinkAction': { form: () => ({ tenantId: victim.tenantId, userId: victim.ownerId, resetReason: 'Diambil alih oleh pemilik lain' }) },
  'app/(admin)/admin/(console)/businesses/[id]/data-actions.ts#deleteBusinessAction': {
    form: () => ({ tenantId: victim.tenantId, confirmName: 'Bengkel Maju Jaya', deletionReason: 'Dihapus oleh pemilik lain' }),
  },
  // Addressed by its token (the proof), never by an id: a token that is not one is "cannot be used".
  'app/reset/[token]/actions.ts#resetPasswordAction': { noId: 'sets the password of the account a one-time reset token names' },
  'app/(app)/reviews/actions.ts#setReviewStatusAction': { form: () => ({ id: victim.reviewId, status: 'spam' }) },
  'app/(app)/reviews/actions.ts#setReviewFeaturedAction': { form: () => ({ id: victim.reviewId, featured: '1' }) },
  'app/(app)/reviews/actions.ts#saveReviewNoteAction': { form: () => ({ id: victim.reviewId, note: 'Dibajak' }) },
  'app/(app)/reviews/actions.ts#eraseReviewContactAction': { form: () => ({ id: victim.reviewId }) },
  // A link for Kopi on Bengkel's journey and stage must not be made.
  'app/(app)/reviews/links/actions.ts#createReviewLinkAction': { form: () => ({ journeyId: victim.journeyId, stageId: victim.stageId, title: 'Dibajak', thankYou: '' }) },
  'app/(app)/reviews/links/actions.ts#updateReviewLinkAction': {
    form: () => ({ id: victim.reviewLinkId, journeyId: victim.journeyId, stageId: victim.stageId, title: 'Dibajak', thankYou: '' }),
  },
  'app/(app)/reviews/links/actions.ts#setReviewLinkActiveAction': { form: () => ({ id: victim.reviewLinkId, active: '0' }) },
  // The testimonial page is the session's business's own (one per business, found by tenant): an
  // address another business holds is refused as taken (tests/integration/testimonials.test.ts).
  'app/(app)/reviews/testimonials/actions.ts#saveTestimonialPageAction': { noId: 'claims or moves the session’s business’s own testimonial page' },
  'app/(app)/reviews/testimonials/actions.ts#removeTestimonialPageAction': { noId: 'removes the session’s business’s own testimonial page' },
  // Funnel numbers for Kopi on Bengkel's journey and stage must not be saved, typed or imported.
  'app/(app)/dashboard/funnel/actions.ts#saveFunnelMonthAction': {
    form: () => ({ journeyId: victim.journeyId, month: '2026-11', [`metric_${victim.stageId}`]: 'reach', [`value_${victim.stageId}`]: '999' }),
  },
  'app/(app)/dashboard/funnel/actions.ts#importFunnelCsvAction': { form: () => ({ journeyId: victim.journeyId, text: 'month,stage,metric,value\n2026-11,1,reach,999' }) },
  // The invite's tenant id comes from the link and is proven by its secret token: a forged token
  // for Bengkel must not get anyone in.
  'app/invite/[tenantId]/[token]/actions.ts#acceptAsUserAction': { form: () => ({ tenantId: victim.tenantId, token: 'A'.repeat(32) }) },
  'app/invite/[tenantId]/[token]/actions.ts#acceptAsNewUserAction': {
    form: () => ({ tenantId: victim.tenantId, token: 'A'.repeat(32), name: 'Penyusup', email: 'penyusup@contoh.test', password: 'kata-sandi-panjang-sekali' }),
  },
};

function serverModules(dir = path.join(process.cwd(), 'app')): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...serverModules(full));
    else if (/\.tsx?$/.test(entry.name) && /^\s*['"]use server['"]/.test(fs.readFileSync(full, 'utf8'))) out.push(full);
  }
  return out;
}

async function discoverActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  // Server actions live in app/ next to their pages, and a few shared ones in lib/.
  for (const file of ['app', 'lib', 'components'].flatMap((d) => serverModules(path.join(process.cwd(), d)))) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') found.set(`${rel}#${name}`, value as Action);
  }
  return found;
}

/** Every row of Bengkel's, in every tenant table, plus its members' accounts: as the table owner, past RLS. */
async function snapshot(): Promise<string> {
  return withOwnerDatabase(async (db) => {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    out[table_name] = await queryRows(db, sql`select * from ${sql.identifier(table_name)} where tenant_id = ${victim.tenantId} order by 1, 2`);
  }
  out.tenant = await queryRows(db, sql`select * from tenants where id = ${victim.tenantId}`);
  out.users = await queryRows(db, sql`select * from users where id in (select user_id from memberships where tenant_id = ${victim.tenantId}) order by id`);
  return JSON.stringify(out);
  });
}

async function call(action: Action, fields: Record<string, string>): Promise<ActionState | 'not found'> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  try {
    return await action(idleState, fd);
  } catch (err) {
    if (err instanceof Error && err.message === 'NEXT_NOT_FOUND') return 'not found';
    throw err; // a redirect here means the action went through: fail
  }
}

let actions: Map<string, Action>;
let kopiOwner: { uid: string; sv: number };

beforeAll(async () => {
  await seed();
  const invite = await inTenant({ tenantId: victim.tenantId, userId: victim.ownerId }, (db) => createInvite(db, 'staff'));
  victim.inviteId = invite.id;
  const [v] = await withTenant(victim.tenantId, (tx) => tx.select({ id: journeyVersions.id }).from(journeyVersions).limit(1));
  victim.versionId = v!.id;
  const [stage] = await withTenant(victim.tenantId, (tx) =>
    tx.select({ id: journeyStages.id }).from(journeyStages).where(and(eq(journeyStages.tenantId, victim.tenantId), eq(journeyStages.journeyId, victim.journeyId))).limit(1),
  );
  victim.stageId = stage!.id;
  const [review] = await withTenant(victim.tenantId, (tx) =>
    tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.tenantId, victim.tenantId), eq(reviews.testimonialConsent, true), eq(reviews.featured, false))).limit(1),
  );
  victim.reviewId = review!.id;
  const user = await loadSessionUser(demo.kopi.owner.id);
  kopiOwner = { uid: demo.kopi.owner.id, sv: user!.sessionVersion };
  actions = await discoverActions();
});

describe('server actions', () => {
  it('are all listed in the registry, and the registry lists no action that is gone', () => {
    expect([...actions.keys()].filter((k) => !(k in registry)).sort(), 'actions missing from tests/actions/server-actions.test.ts').toEqual([]);
    expect(Object.keys(registry).filter((k) => !actions.has(k)).sort(), 'registry entries with no action').toEqual([]);
  });

  it("go through with Kopi's own ids, so the refusals above are the actions' doing, not the harness's", async () => {
    session.current = { ...kopiOwner, tid: demo.kopi.tenant.id };
    const own = { journeyId: demo.kopi.journeyId };
    const run = (key: string, fields: Record<string, string>) => call(actions.get(key)!, fields);
    expect(await run('app/(app)/journeys/[id]/versions/actions.ts#saveVersionAction', { ...own, name: 'Versi uji', note: '' })).toMatchObject({ status: 'ok' });
    expect(
      await run('app/(app)/journeys/[id]/actions.ts#updateJourneyDetailsAction', {
        ...own,
        name: 'Nugas di Kedai Kopi Senja',
        personaId: demo.kopi.personaId,
        status: 'active',
        seenName: 'Nugas di Kedai Kopi Senja',
        seenPersonaId: demo.kopi.personaId,
        seenStatus: 'draft',
      }),
    ).toMatchObject({ status: 'ok', message: 'Tersimpan.' });
    expect(await run('app/(app)/personas/actions.ts#setArchivedAction', { id: demo.kopi.personaId, archived: '0' })).toMatchObject({ status: 'ok' });
  });

  for (const forged of [false, true]) {
    it(`refuse Bengkel's ids from Kopi's owner${forged ? ' whose session names Bengkel as the business' : ''}, and change nothing`, async () => {
      session.current = { ...kopiOwner, tid: forged ? victim.tenantId : demo.kopi.tenant.id };
      const before = await snapshot();
      const answers: Record<string, string> = {};
      for (const [key, rule] of Object.entries(registry)) {
        if (!('form' in rule)) continue;
        const result = await call(actions.get(key)!, rule.form());
        answers[key] = result === 'not found' ? 'not found' : `${result.status}: ${result.message ?? JSON.stringify(result.fieldErrors)}`;
      }
      for (const [key, answer] of Object.entries(answers)) {
        // Answered like an id that does not exist: no hint that the record is someone else's.
        expect(answer, key).toMatch(/^(not found|error: Data tidak ditemukan\.)$/);
      }
      expect(await snapshot(), "Bengkel's data after the attempts").toBe(before);
    });
  }
});

describe('public forms', () => {
  it('refuse a sign-up whose hidden honeypot field was filled in (a bot), and create nothing', async () => {
    session.current = null;
    const email = `bot-${Date.now().toString(36)}@contoh.test`;
    const form = { name: 'Bot', businessName: 'Toko Bot', businessType: 'warung', city: 'Jakarta', timeZone: 'Asia/Jakarta', email, password: 'kata-sandi-bot-panjang' };
    const result = await call(actions.get('app/(auth)/sign-up/actions.ts#signUpAction')!, { ...form, website: 'https://spam.example' });
    expect(result).toMatchObject({ status: 'error', message: 'Formulir tidak dapat diproses. Muat ulang halaman, lalu coba lagi.', values: { email } });
    const usersWithEmail = () => withOwnerDatabase((db) => queryRows(db, sql`select id from users where email = ${email}`));
    expect(await usersWithEmail()).toEqual([]);
    // The same form with the field left empty, as a person sends it, goes through.
    expect(await call(actions.get('app/(auth)/sign-up/actions.ts#signUpAction')!, { ...form, website: '' })).toMatchObject({ status: 'ok' });
    expect(await usersWithEmail()).toHaveLength(1);
  });
});
