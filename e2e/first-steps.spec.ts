/**
 * A new owner's first steps on a 390-px phone (issue 11, items 6 and 12):
 * - an empty sign-in says which field is missing, and the message goes once the field is filled;
 * - the empty dashboard offers the next of the seven steps: a persona first, then a journey;
 * - with exactly one persona, a new journey is for it;
 * - the laundry template's touchpoint notes ("WhatsApp: Tanya harga dan jemput") are in the editor,
 *   and what the owner edits there is what prints;
 * - a journey imported under a name already used gets " (impor)";
 * - a sole owner is not offered "leave team";
 * - the business settings (time-zone select) and the map (metric field) fit the phone;
 * - the confirmations: after creating a persona, after an import, and one "saved" after a map save.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, signIn, uniqueEmail } from './helpers';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

async function expectNoSidewaysScroll(page: Page, width = 390) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(client).toBe(width);
  expect(scroll, `${page.url()} is ${scroll}px wide`).toBeLessThanOrEqual(width);
}

/** Every visible form control ends inside the screen. */
async function expectControlsFit(page: Page, width = 390) {
  const over = await page.evaluate((w) => {
    return [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ id: el.id || el.getAttribute('name') || el.tagName, right: Math.round(el.getBoundingClientRect().right) }))
      .filter((c) => c.right > w);
  }, width);
  expect(over, 'controls wider than the screen').toEqual([]);
}

test('an empty sign-in says which field is missing', async ({ page }) => {
  await page.goto('/sign-in');
  const email = page.getByLabel('Email', { exact: true });
  const password = page.getByLabel('Kata sandi', { exact: true });
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Isi email Anda dulu.')).toBeVisible();
  await expect(page.getByText('Isi kata sandi Anda dulu.')).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Email atau kata sandi salah.')).toHaveCount(0);
  await expectAccessible(page);

  // Filled: its message goes; the other stays until the next try names it alone.
  await email.fill(demo.bengkelOwner);
  await expect(page.getByText('Isi email Anda dulu.')).toHaveCount(0);
  await expect(page.getByText('Isi kata sandi Anda dulu.')).toBeVisible();
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(password).toBeFocused();
  await expect(email).toHaveValue(demo.bengkelOwner);
  await password.fill('jejak-demo-2026');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a new laundry owner is led from persona to journey, and sees and edits the template’s touchpoint notes', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill('Rina');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Laundry Rina');
  await page.getByLabel('Jenis usaha', { exact: true }).selectOption('laundry');
  await page.getByLabel('Kota', { exact: true }).fill('Depok');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('laundry'));
  await page.getByLabel('Kata sandi', { exact: true }).fill('cuci-kering-setrika');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Empty: the first action is the next step of the seven (a persona), not "invite your team".
  const empty = page.getByRole('region', { name: 'Belum ada perjalanan pelanggan' });
  await expect(empty.getByRole('link').first()).toHaveText('Buat persona pertama Anda');
  await expect(empty.getByRole('link', { name: 'Ajak tim Anda' })).toHaveCount(0);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath('dashboard-empty-390.png'), fullPage: true });

  await empty.getByRole('link', { name: 'Buat persona pertama Anda', exact: true }).click();
  await expect(page).toHaveURL(/\/personas\/new$/);
  await page.getByLabel('Nama persona', { exact: true }).fill('Bu Sari, ibu bekerja');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/personas/${uuid}`));
  const personaId = new RegExp(`/personas/(${uuid})`).exec(page.url())![1]!;

  // One persona: the dashboard now offers the journey first, and the new journey is for that persona.
  await page.goto('/dashboard');
  await expect(empty.getByRole('link').first()).toHaveText('Buat perjalanan pelanggan');
  await expect(empty.getByRole('link', { name: 'Buat persona pertama Anda' })).toHaveCount(0);
  await empty.getByRole('link', { name: 'Buat perjalanan pelanggan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/new$/);
  await expect(page.getByLabel('Persona', { exact: true })).toHaveValue(personaId);
  await expect(page.getByRole('radio', { name: 'Laundry kiloan', exact: true })).toBeChecked();
  await page.getByLabel('Nama perjalanan', { exact: true }).fill('Cuci kiloan');
  await page.getByRole('button', { name: 'Buat perjalanan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${uuid}$`));
  const journeyId = new RegExp(`/journeys/(${uuid})`).exec(page.url())![1]!;

  // The template's note on the WhatsApp touchpoint of its second stage (Pertimbangan) is there to see and edit…
  const second = page.getByRole('group', { name: /^Tahap 2 dari \d+/ });
  const touchpoint = second.getByRole('button', { name: 'WhatsApp: Tanya harga dan jemput', exact: true });
  await expect(touchpoint).toBeVisible();
  await expectNoSidewaysScroll(page);
  await touchpoint.click();
  const note = second.getByRole('textbox', { name: 'Catatan saluran 1 (opsional)', exact: true });
  await expect(note).toHaveValue('Tanya harga dan jemput');
  await expectNoSidewaysScroll(page);
  await expectControlsFit(page);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('map-touchpoint-note-390.png') });
  // …and what is edited there is what prints.
  await note.fill('Tanya harga dan jadwal jemput');
  await page.keyboard.press('Enter');
  await expect(second.getByRole('button', { name: 'WhatsApp: Tanya harga dan jadwal jemput', exact: true })).toBeFocused();
  // The metric field (the template fills it in), opened in place, fits the phone too.
  await second.locator('button[id$="-metric"]').click();
  await expect(second.getByRole('textbox', { name: 'Metrik', exact: true })).toBeFocused();
  await expectControlsFit(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Simpan peta', exact: true }).click();
  await expect(page.getByText('Peta tersimpan.')).toBeVisible();
  await page.goto(`/journeys/${journeyId}/print`);
  await expect(page.getByText('WhatsApp: Tanya harga dan jadwal jemput').first()).toBeVisible();
  await expect(page.getByText('WhatsApp: Tanya harga dan jemput', { exact: true })).toHaveCount(0);

  // Imported under a name already used: told apart with " (impor)".
  const file = await page.request.get(`/api/journeys/${journeyId}/export`);
  expect(file.status()).toBe(200);
  await page.goto('/journeys/import');
  await page.getByLabel('Tempel isi JSON', { exact: true }).fill(await file.text());
  await page.getByRole('button', { name: 'Impor perjalanan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${uuid}\\?imported=1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuci kiloan (impor)');

  // The sole owner is told how to leave instead of being offered a button that would be refused.
  await page.goto('/team');
  await expect(page.getByTestId('sole-owner')).toHaveText('Anda satu-satunya pemilik Laundry Rina, jadi belum bisa keluar dari tim. Untuk keluar, jadikan anggota lain pemilik dulu.');
  await expect(page.getByRole('button', { name: 'Keluar dari tim' })).toHaveCount(0);
  await expectAccessible(page);

  // The business settings fit the phone, time-zone select included.
  await page.goto('/settings/business');
  await expect(page.getByLabel('Zona waktu', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectControlsFit(page);
  await page.screenshot({ path: testInfo.outputPath('settings-business-390.png'), fullPage: true });
});

test('owners are told a persona was created, a journey imported, and a map saved (once)', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.kopiOwner);
  await page.goto('/personas/new');
  await page.getByLabel('Nama persona', { exact: true }).fill(`Mas Dimas ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/personas/${uuid}`));
  await expect(page.getByRole('status').filter({ hasText: 'Persona tersimpan. Langkah berikutnya: buat perjalanan pelanggan untuk persona ini.' })).toBeVisible();

  await page.goto('/journeys/new');
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(`Kopi susu ${Date.now().toString(36)}`);
  await page.getByRole('radio', { name: /^3 tahap/ }).check();
  await page.getByRole('button', { name: 'Buat perjalanan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${uuid}$`));
  const journeyId = new RegExp(`/journeys/(${uuid})`).exec(page.url())![1]!;
  const first = page.getByRole('group', { name: /^Tahap 1 dari \d+/ });
  await first.getByRole('button', { name: 'Isi metrik', exact: true }).click();
  await first.getByRole('textbox', { name: 'Metrik', exact: true }).fill('Pesanan per minggu');
  await page.keyboard.press('Enter');
  await expect(first.getByRole('button', { name: 'Pesanan per minggu', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Simpan peta', exact: true }).click();
  await expect(page.getByText('Peta tersimpan.')).toBeVisible();
  // One "saved", not "Peta tersimpan." and "Semua perubahan sudah tersimpan." together.
  await expect(page.getByText('Semua perubahan sudah tersimpan.')).toHaveCount(0);

  const file = await page.request.get(`/api/journeys/${journeyId}/export`);
  await page.goto('/journeys/import');
  await page.getByLabel('Tempel isi JSON', { exact: true }).fill(await file.text());
  await page.getByRole('button', { name: 'Impor perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\?imported=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Perjalanan berhasil diimpor. Periksa petanya di bawah ini.' })).toBeVisible();
});
