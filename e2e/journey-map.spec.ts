/**
 * The journey map editor on a phone: the Bengkel owner creates a journey (its model stages carry
 * their plain subtitles), adds a pain point ("kendala pelanggan"),
 * renames a stage, moves it by keyboard (hearing where it went), sets an emotion, renames the
 * journey (no conflict with its own unsaved map), saves and sees it all after a reload. Then the
 * same journey open twice: the second, stale save is refused, its edits stay on screen, and
 * "load the latest version" shows the teammate's change.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const conflictText =
  'Perjalanan ini baru saja diubah oleh anggota tim lain. Perubahan Anda belum disimpan dan masih ada di layar: salin teks yang penting, lalu muat ulang untuk melihat versi terbaru.';

const stageName = (page: Page, n: number) => page.getByLabel(`Nama tahap ${n}`, { exact: true });
/** The stage card at position n (1-based): the list item holding that stage's name input. */
const stage = (page: Page, n: number) => page.getByRole('listitem').filter({ has: stageName(page, n) });
const save = (page: Page) => page.getByRole('button', { name: 'Simpan peta', exact: true }).click();

test('owner edits a journey map; a stale save keeps the edits and offers the latest version', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const journeyName = `Mobil mogok ${Date.now().toString(36)}`;

  await signIn(page, demo.bengkelOwner);
  await page.goto('/journeys/new');
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(journeyName);
  // The five-stage model (the five-phase one has "riset" and "ulasan" instead of retention and advocacy).
  await page.getByRole('radio', { name: /^5 tahap: .*retensi \(datang lagi\)/ }).check();
  await page.getByRole('button', { name: 'Buat perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const mapPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(journeyName);
  await expect(stageName(page, 1)).toHaveValue('Kesadaran');
  await expect(stageName(page, 5)).toHaveValue('Advokasi');
  // The five-stage model is a cycle: advocacy brings new awareness.
  await expect(page.getByText('Advokasi kembali ke Kesadaran — pelanggan yang puas mengajak orang baru', { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Tampilkan sebagai siklus', exact: true })).toBeChecked();
  // The model's marketing names carry their plain words.
  await expect(stage(page, 1).getByTestId('stage-plain')).toHaveText('mulai kenal usaha Anda');
  await expect(stage(page, 2).getByTestId('stage-plain')).toHaveText('menimbang pilihan');
  await expect(stage(page, 3).getByTestId('stage-plain')).toHaveCount(0);
  // On a phone the stacked stages are a long page: a row of links jumps to each.
  const jump = page.getByRole('navigation', { name: 'Lompat ke tahap', exact: true });
  await expect(jump.getByRole('link')).toHaveText(['Kesadaran', 'Pertimbangan', 'Pembelian', 'Retensi', 'Advokasi']);
  await jump.getByRole('link', { name: 'Advokasi', exact: true }).click();
  await expect(page).toHaveURL(/#map-.+-heading$/);
  await expect(stage(page, 5).getByRole('heading', { level: 3 })).toBeInViewport();
  for (const link of ['Riwayat versi', 'Cetak', 'Bagikan', 'Ekspor JSON']) {
    await expect(page.getByRole('link', { name: link, exact: true })).toBeVisible();
  }
  await expectAccessible(page);

  // A pain point in the first stage: the new row gets the focus.
  await stage(page, 1).getByRole('button', { name: 'Tambah kendala pelanggan', exact: true }).click();
  const pain = stage(page, 1).getByLabel('Kendala pelanggan 1', { exact: true });
  await expect(pain).toBeFocused();
  await pain.fill('Telepon bengkel tidak diangkat');
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();

  // A second pain point, moved above the first by keyboard; focus follows it.
  await stage(page, 1).getByRole('button', { name: 'Tambah kendala pelanggan', exact: true }).click();
  await stage(page, 1).getByLabel('Kendala pelanggan 2', { exact: true }).fill('Tidak tahu bengkel mana yang buka');
  await stage(page, 1).getByRole('button', { name: 'Pindahkan kendala pelanggan 2 ke atas', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(stage(page, 1).getByLabel('Kendala pelanggan 1', { exact: true })).toHaveValue('Tidak tahu bengkel mana yang buka');
  await expect(stage(page, 1).getByLabel('Kendala pelanggan 2', { exact: true })).toHaveValue('Telepon bengkel tidak diangkat');
  await expect(stage(page, 1).getByRole('button', { name: 'Pindahkan kendala pelanggan 1 ke bawah', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stage(page, 1).getByLabel('Kendala pelanggan 1', { exact: true })).toHaveValue('Telepon bengkel tidak diangkat');
  await stage(page, 1).getByRole('button', { name: 'Hapus kendala pelanggan 2', exact: true }).click();
  await expect(stage(page, 1).getByLabel('Kendala pelanggan 2', { exact: true })).toHaveCount(0);

  await stageName(page, 2).fill('Membandingkan bengkel');
  await stage(page, 2).getByRole('radio', { name: 'Negatif', exact: true }).check();
  // Renamed in the owner's own words: no subtitle needed any more.
  await expect(stage(page, 2).getByTestId('stage-plain')).toHaveCount(0);

  // Move it before "Kesadaran" by keyboard; the new position is announced and focus stays on the stage.
  await page.getByRole('button', { name: 'Pindahkan Membandingkan bengkel ke kiri', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(stageName(page, 1)).toHaveValue('Membandingkan bengkel');
  await expect(stageName(page, 2)).toHaveValue('Kesadaran');
  await expect(page.getByText('Membandingkan bengkel sekarang tahap ke-1 dari 5', { exact: true })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Pindahkan Membandingkan bengkel ke kanan', exact: true })).toBeFocused();
  await expect(page.getByText('Advokasi kembali ke Membandingkan bengkel — pelanggan yang puas mengajak orang baru', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Renaming the journey meanwhile is the user's own change, not a conflict with the unsaved map.
  const renamed = `${journeyName} di jalan`;
  await page.getByText('Ubah nama, persona, dan status', { exact: true }).click();
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Simpan detail', exact: true }).click();
  await expect(page.getByText('Tersimpan.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();
  await expect(stageName(page, 1)).toHaveValue('Membandingkan bengkel');

  // Following a link inside the app with unsaved edits asks first; "cancel" stays on the map.
  const asked = page.waitForEvent('dialog');
  void page.getByRole('link', { name: 'Riwayat versi', exact: true }).click();
  const dialog = await asked;
  expect(dialog.message()).toBe('Perubahan di peta ini belum disimpan. Tetap tinggalkan halaman ini? Perubahan akan hilang.');
  await dialog.dismiss();
  await expect(page).toHaveURL(new RegExp(`${mapPath}(#.*)?$`));
  await expect(stageName(page, 1)).toHaveValue('Membandingkan bengkel');

  await save(page);
  await expect(page.getByText('Peta tersimpan.', { exact: true })).toBeVisible();
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toHaveCount(0);

  await page.reload();
  await expect(stageName(page, 1)).toHaveValue('Membandingkan bengkel');
  await expect(stageName(page, 2)).toHaveValue('Kesadaran');
  await expect(stage(page, 2).getByLabel('Kendala pelanggan 1', { exact: true })).toHaveValue('Telepon bengkel tidak diangkat');
  await expect(stage(page, 1).getByRole('radio', { name: 'Negatif', exact: true })).toBeChecked();
  // The curve's text alternative reads the same value.
  await expect(page.getByRole('table', { name: 'Emosi pelanggan di setiap tahap' }).getByRole('row', { name: /Membandingkan bengkel/ })).toContainText('Negatif');

  // The same journey in a second browser, loaded before the first one saves again.
  const otherCtx = await newContext(browser, 'id', baseURL!);
  const other = await otherCtx.newPage();
  await signIn(other, demo.bengkelOwner);
  await other.goto(mapPath);
  await expect(stageName(other, 1)).toHaveValue('Membandingkan bengkel');

  await stageName(page, 3).fill('Servis di tempat');
  await save(page);
  await expect(page.getByText('Peta tersimpan.', { exact: true })).toBeVisible();

  const typed = 'Pelanggan menunggu mobil diderek';
  await stage(other, 1).getByRole('button', { name: 'Tambah kendala pelanggan', exact: true }).click();
  await stage(other, 1).getByLabel('Kendala pelanggan 1', { exact: true }).fill(typed);
  await save(other);
  await expect(other.getByText(conflictText, { exact: true })).toBeVisible();
  await expect(stage(other, 1).getByLabel('Kendala pelanggan 1', { exact: true })).toHaveValue(typed);
  await expect(stageName(other, 3)).toHaveValue('Pembelian');
  await expect(other.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();

  await other.getByRole('button', { name: 'Muat ulang versi terbaru', exact: true }).click();
  await expect(stageName(other, 3)).toHaveValue('Servis di tempat');
  await expect(other.getByText(conflictText, { exact: true })).toHaveCount(0);
  await expect(stage(other, 1).getByLabel('Kendala pelanggan 1', { exact: true })).toHaveCount(0);

  await otherCtx.close();
});

test('map labels in English', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto(`/journeys/${demo.bengkelJourneyId}`);
  await expect(page.getByRole('button', { name: 'Save map', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add stage', exact: true })).toBeVisible();
  await expect(page.getByLabel('Stage name 1', { exact: true })).toBeVisible();
  const first = await page.getByLabel('Stage name 1', { exact: true }).inputValue();
  await expect(page.getByRole('button', { name: `Move ${first} right`, exact: true })).toBeEnabled();
  // Sentence case, the lane's item named inside the button.
  await expect(page.getByRole('button', { name: 'Add pain point', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add customer action', exact: true }).first()).toBeVisible();
  await context.close();
});
