/**
 * The whole team story in a real browser, once per language: sign up, land in an empty dashboard,
 * invite a staff member, who accepts in another browser; staff signs in; the owner removes them
 * and their session ends at once.
 */
import { expect, expectAccessible, test } from './fixtures';
import { newContext, signIn, uniqueEmail } from './helpers';

const ui = {
  id: {
    name: 'Nama Anda',
    business: 'Nama usaha',
    type: 'Jenis usaha',
    city: 'Kota',
    zone: 'Zona waktu',
    email: 'Email',
    password: 'Kata sandi',
    signUp: 'Daftar',
    welcome: 'Selamat datang, Rina!',
    empty: 'Belum ada perjalanan pelanggan',
    team: 'Tim',
    createInvite: 'Buat tautan undangan',
    inviteLink: 'Tautan undangan',
    invited: 'Anda diundang',
    join: 'Gabung',
    staffRole: 'Peran Anda: Staf',
    remove: 'Keluarkan',
    confirmRemove: 'Ya, keluarkan',
    signOut: 'Keluar',
    signInTitle: 'Masuk ke Jejak',
  },
  en: {
    name: 'Your name',
    business: 'Business name',
    type: 'Type of business',
    city: 'City',
    zone: 'Time zone',
    email: 'Email',
    password: 'Password',
    signUp: 'Sign up',
    welcome: 'Welcome, Rina!',
    empty: 'No customer journey yet',
    team: 'Team',
    createInvite: 'Create invite link',
    inviteLink: 'Invite link',
    invited: 'You are invited',
    join: 'Join',
    staffRole: 'Your role: Staff',
    remove: 'Remove',
    confirmRemove: 'Yes, remove',
    signOut: 'Sign out',
    signInTitle: 'Sign in to Jejak',
  },
} as const;

for (const locale of ['id', 'en'] as const) {
  test(`owner signs up, invites staff, staff joins and is removed (${locale})`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const t = ui[locale];
    const ownerEmail = uniqueEmail('pemilik');
    const staffEmail = uniqueEmail('staf');
    const password = 'kopi-susu-gula-aren';

    const ownerCtx = await newContext(browser, locale, baseURL!);
    const owner = await ownerCtx.newPage();
    await owner.goto('/sign-up');
    await expectAccessible(owner);
    await owner.getByLabel(t.name, { exact: true }).fill('Rina');
    await owner.getByLabel(t.business, { exact: true }).fill('Laundry Bersih Wangi');
    await owner.getByLabel(t.type, { exact: true }).selectOption('laundry');
    await owner.getByLabel(t.city, { exact: true }).fill('Balikpapan');
    await owner.getByLabel(t.zone, { exact: true }).selectOption('Asia/Makassar');
    await owner.getByLabel(t.email, { exact: true }).fill(ownerEmail);
    await owner.getByLabel(t.password, { exact: true }).fill(password);
    await owner.getByRole('button', { name: t.signUp, exact: true }).click();

    await expect(owner).toHaveURL(/\/dashboard$/);
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText(t.welcome);
    await expect(owner.getByText(t.empty)).toBeVisible();
    await expectAccessible(owner);

    await owner.getByRole('link', { name: t.team, exact: true }).click();
    await owner.getByRole('button', { name: t.createInvite }).click();
    const linkBox = owner.getByLabel(t.inviteLink, { exact: true });
    await expect(linkBox).toHaveValue(/\/invite\/[0-9a-f-]{36}\/[A-Za-z0-9_-]+$/);
    const link = await linkBox.inputValue();
    await expectAccessible(owner);

    const staffCtx = await newContext(browser, locale, baseURL!);
    const staff = await staffCtx.newPage();
    await staff.goto(new URL(link).pathname);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(t.invited);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Laundry Bersih Wangi');
    await staff.getByLabel(t.name, { exact: true }).fill('Joko');
    await staff.getByLabel(t.email, { exact: true }).fill(staffEmail);
    await staff.getByLabel(t.password, { exact: true }).fill(password);
    await staff.getByRole('button', { name: t.join, exact: true }).click();
    await expect(staff).toHaveURL(/\/dashboard$/);
    await expect(staff.getByText(t.staffRole)).toBeVisible();

    // Staff signs out and in again with the new account.
    await staff.getByRole('button', { name: t.signOut, exact: true }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(t.signInTitle);
    await signIn(staff, staffEmail, password, locale);

    // The link worked once only.
    const reuse = await ownerCtx.newPage();
    await reuse.goto(new URL(link).pathname);
    await expect(reuse.getByRole('button', { name: t.join, exact: true })).toHaveCount(0);
    await reuse.close();

    await owner.reload();
    const row = owner.getByRole('listitem').filter({ hasText: staffEmail });
    await row.getByRole('button', { name: t.remove, exact: true }).click();
    await row.getByRole('button', { name: t.confirmRemove, exact: true }).click();
    await expect(owner.getByText(staffEmail)).toHaveCount(0);

    // The removed member's session has ended: the next page load sends them to sign in.
    await staff.goto('/dashboard');
    await expect(staff).toHaveURL(/\/sign-in/);

    await ownerCtx.close();
    await staffCtx.close();
  });
}
