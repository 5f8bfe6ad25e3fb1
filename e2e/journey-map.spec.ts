/**
 * The journey map as a grid, edited where it stands (issue 11, item 1). On a phone: the Bengkel
 * owner creates a journey (its model stages carry their plain subtitles), reads it one stage per
 * screen with the stage strip, adds pain points in place ("kendala pelanggan"), reorders and
 * deletes them through their "⋯" menu by keyboard, undoes a delete, renames a stage (an empty name
 * refused), sets an emotion, moves a stage through its menu by keyboard (hearing where it went),
 * renames the journey (no conflict with its own unsaved map), is asked before leaving with unsaved
 * edits, saves and sees it all after a reload. Then the same journey open twice: the second, stale
 * save is refused, its edits stay on screen, and "load the latest version" shows the teammate's
 * change. On a laptop: five stages side by side in the full width, lanes as aligned rows, sticky
 * stage names, and seven stages scrolling with previous/next and a stage index.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const conflictText =
  'Perjalanan ini baru saja diubah oleh anggota tim lain. Perubahan Anda belum disimpan dan masih ada di layar: salin teks yang penting, lalu muat ulang untuk melihat versi terbaru.';

/** The stage at position n (1-based): its column of the grid (one screen of the swipe on a phone). */
const stage = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Tahap ${n} dari \\d+`) });
/** The stage's name as the grid shows it (a button that edits it in place). */
const stageName = (page: Page, n: number) => stage(page, n).locator('h3 button');
const save = (page: Page) => page.getByRole('button', { name: 'Simpan peta', exact: true }).click();
/** The items of a lane of a stage, as the grid shows them. */
const laneItems = (page: Page, n: number, lane: string) => stage(page, n).getByRole('list', { name: lane, exact: true }).locator('li > button:first-child');

/** Renames a stage in place: tap its name, type, Enter. */
async function rename(page: Page, n: number, name: string) {
  await stageName(page, n).click();
  const field = stage(page, n).getByRole('textbox', { name: `Nama tahap ${n}`, exact: true });
  await expect(field).toBeFocused();
  await field.fill(name);
  await page.keyboard.press('Enter');
}

/** Adds an item at the end of a lane in place: the lane's "add" button, type, Enter. */
async function addItem(page: Page, n: number, add: string, label: string, text: string) {
  await stage(page, n).getByRole('button', { name: add, exact: true }).click();
  const field = stage(page, n).getByRole('textbox', { name: label, exact: true });
  await expect(field).toBeFocused();
  await field.fill(text);
  await page.keyboard.press('Enter');
}

/** Opens an item's or a stage's "⋯" menu by keyboard and chooses `choice` with the arrow keys. */
async function chooseByKeyboard(page: Page, menuButton: string, choice: string) {
  const button = page.getByRole('button', { name: menuButton, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: menuButton, exact: true });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  // The arrows skip disabled choices: as many presses as enabled choices above the one wanted.
  const choices = await menu.getByRole('menuitem').evaluateAll((items) => items.map((el) => ({ text: el.textContent, off: el.getAttribute('aria-disabled') === 'true' })));
  const presses = choices.slice(0, choices.findIndex((c) => c.text === choice)).filter((c) => !c.off).length;
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: choice, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
}

test('owner edits a journey map in place; a stale save keeps the edits and offers the latest version', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(150_000);
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
  await expect(stageName(page, 1)).toHaveText('Kesadaran');
  await expect(stageName(page, 5)).toHaveText('Advokasi');
  // The five-stage model is a cycle: advocacy brings new awareness.
  await expect(page.getByText('Advokasi kembali ke Kesadaran — pelanggan yang puas mengajak orang baru', { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Tampilkan sebagai siklus', exact: true })).toBeChecked();
  // The model's marketing names carry their plain words.
  await expect(stage(page, 1).getByTestId('stage-plain')).toHaveText('mulai kenal usaha Anda');
  await expect(stage(page, 2).getByTestId('stage-plain')).toHaveText('menimbang pilihan');
  await expect(stage(page, 3).getByTestId('stage-plain')).toHaveCount(0);
  // On a phone, one stage per screen: a strip of the stages' names and previous/next move along it.
  const strip = page.getByRole('navigation', { name: 'Lompat ke tahap', exact: true });
  await expect(strip.getByRole('listitem')).toHaveText([/Kesadaran$/, /Pertimbangan$/, /Pembelian$/, /Retensi$/, /Advokasi$/]);
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 1 dari 5');
  await stageName(page, 1).scrollIntoViewIfNeeded();
  await expect(stageName(page, 1)).toBeInViewport();
  await expect(stageName(page, 2)).not.toBeInViewport();
  await strip.getByRole('button', { name: 'Tahap berikutnya', exact: true }).click();
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 2 dari 5');
  await expect(stageName(page, 2)).toBeInViewport();
  await strip.getByRole('button', { name: /Advokasi$/ }).click();
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 5 dari 5');
  await expect(stageName(page, 5)).toBeInViewport();
  await expect(strip.getByRole('button', { name: 'Tahap berikutnya', exact: true })).toBeDisabled();
  // A swipe is a sideways scroll of the grid: it snaps to one stage.
  await page.getByTestId('map-grid').evaluate((el) => el.scrollTo({ left: 0 }));
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 1 dari 5');
  for (const link of ['Riwayat versi', 'Cetak', 'Bagikan', 'Ekspor JSON']) {
    await expect(page.getByRole('link', { name: link, exact: true })).toBeVisible();
  }
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: info.outputPath('map-phone-read.png') });
  await expectAccessible(page);

  // A pain point in the first stage, typed where it goes; Enter keeps it and focus is on it.
  await addItem(page, 1, 'Tambah kendala pelanggan', 'Kendala pelanggan 1', 'Telepon bengkel tidak diangkat');
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat']);
  await expect(stage(page, 1).getByRole('button', { name: 'Telepon bengkel tidak diangkat', exact: true })).toBeFocused();
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();

  // Tapping an item edits it there; Escape puts back what was there.
  await stage(page, 1).getByRole('button', { name: 'Telepon bengkel tidak diangkat', exact: true }).click();
  await stage(page, 1).getByRole('textbox', { name: 'Kendala pelanggan 1', exact: true }).fill('Sesuatu yang lain');
  await page.keyboard.press('Escape');
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat']);
  await expect(stage(page, 1).getByRole('button', { name: 'Telepon bengkel tidak diangkat', exact: true })).toBeFocused();

  // A second pain point, moved above the first through its menu by keyboard; focus follows it.
  await addItem(page, 1, 'Tambah kendala pelanggan', 'Kendala pelanggan 2', 'Tidak tahu bengkel mana yang buka');
  await chooseByKeyboard(page, 'Pilihan kendala pelanggan 2', 'Pindahkan ke atas');
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Tidak tahu bengkel mana yang buka', 'Telepon bengkel tidak diangkat']);
  await expect(page.getByRole('button', { name: 'Pilihan kendala pelanggan 1', exact: true }).first()).toBeFocused();
  await expect(page.getByText('Dipindahkan: kendala pelanggan sekarang nomor 1 dari 2 di tahap Kesadaran.', { exact: true })).toBeAttached();
  await chooseByKeyboard(page, 'Pilihan kendala pelanggan 1', 'Pindahkan ke bawah');
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat', 'Tidak tahu bengkel mana yang buka']);
  // Deleted from the menu; "undo" brings it back; deleted again.
  await chooseByKeyboard(page, 'Pilihan kendala pelanggan 2', 'Hapus');
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat']);
  await page.getByRole('button', { name: 'Urungkan', exact: true }).click();
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat', 'Tidak tahu bengkel mana yang buka']);
  await stage(page, 1).getByRole('button', { name: 'Pilihan kendala pelanggan 2', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Hapus', exact: true }).click();
  await expect(laneItems(page, 1, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat']);

  await rename(page, 2, 'Membandingkan bengkel');
  await expect(stageName(page, 2)).toHaveText('Membandingkan bengkel');
  await expect(stageName(page, 2)).toBeFocused();
  // An empty name is refused where it is typed.
  await stageName(page, 2).click();
  await stage(page, 2).getByRole('textbox', { name: 'Nama tahap 2', exact: true }).fill('   ');
  await page.keyboard.press('Enter');
  await expect(stage(page, 2).getByText('Nama tahap wajib diisi.', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(stageName(page, 2)).toHaveText('Membandingkan bengkel');

  // The emotion: its cell opens the choices and a note.
  await stage(page, 2).getByRole('button', { name: /^Isi emosi/ }).click();
  await stage(page, 2).getByRole('radio', { name: 'Negatif', exact: true }).check();
  await stage(page, 2).getByRole('button', { name: 'Selesai', exact: true }).click();
  await expect(stage(page, 2).getByRole('button', { name: /^Negatif/ })).toBeVisible();
  // Renamed in the owner's own words: no subtitle needed any more.
  await expect(stage(page, 2).getByTestId('stage-plain')).toHaveCount(0);

  // Move it before "Kesadaran" through the stage's menu by keyboard; the new position is announced.
  await chooseByKeyboard(page, 'Pilihan tahap Membandingkan bengkel', 'Pindahkan ke kiri');
  await expect(stageName(page, 1)).toHaveText('Membandingkan bengkel');
  await expect(stageName(page, 2)).toHaveText('Kesadaran');
  await expect(page.getByText('Membandingkan bengkel sekarang tahap ke-1 dari 5', { exact: true })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Pilihan tahap Membandingkan bengkel', exact: true })).toBeFocused();
  await expect(page.getByText('Advokasi kembali ke Membandingkan bengkel — pelanggan yang puas mengajak orang baru', { exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath('map-phone-edited.png') });
  await expectAccessible(page);

  // Renaming the journey meanwhile is the user's own change, not a conflict with the unsaved map.
  const renamed = `${journeyName} di jalan`;
  await page.getByText('Ubah nama, persona, dan status', { exact: true }).click();
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Simpan detail', exact: true }).click();
  await expect(page.getByText('Tersimpan.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();
  await expect(stageName(page, 1)).toHaveText('Membandingkan bengkel');

  // Following a link inside the app with unsaved edits asks first; "cancel" stays on the map.
  const asked = page.waitForEvent('dialog');
  void page.getByRole('link', { name: 'Riwayat versi', exact: true }).click();
  const dialog = await asked;
  expect(dialog.message()).toBe('Perubahan di peta ini belum disimpan. Tetap tinggalkan halaman ini? Perubahan akan hilang.');
  await dialog.dismiss();
  await expect(page).toHaveURL(new RegExp(`${mapPath}(#.*)?$`));
  await expect(stageName(page, 1)).toHaveText('Membandingkan bengkel');

  await save(page);
  await expect(page.getByText('Peta tersimpan.', { exact: true })).toBeVisible();
  await expect(page.getByText('Ada perubahan yang belum disimpan', { exact: true })).toHaveCount(0);

  await page.reload();
  await expect(stageName(page, 1)).toHaveText('Membandingkan bengkel');
  await expect(stageName(page, 2)).toHaveText('Kesadaran');
  await expect(laneItems(page, 2, 'Kendala pelanggan')).toHaveText(['Telepon bengkel tidak diangkat']);
  await expect(stage(page, 1).getByRole('button', { name: /^Negatif/ })).toBeVisible();
  // The curve's accessible name reads the same value.
  await expect(page.getByRole('img', { name: /^Emosi pelanggan di setiap tahap: Membandingkan bengkel: Negatif[,;].* Kesadaran: / })).toBeAttached();

  // The same journey in a second browser, loaded before the first one saves again.
  const otherCtx = await newContext(browser, 'id', baseURL!);
  const other = await otherCtx.newPage();
  await signIn(other, demo.bengkelOwner);
  await other.goto(mapPath);
  await expect(stageName(other, 1)).toHaveText('Membandingkan bengkel');

  await rename(page, 3, 'Servis di tempat');
  await save(page);
  await expect(page.getByText('Peta tersimpan.', { exact: true })).toBeVisible();

  const typed = 'Pelanggan menunggu mobil diderek';
  await addItem(other, 1, 'Tambah kendala pelanggan', 'Kendala pelanggan 1', typed);
  await save(other);
  await expect(other.getByText(conflictText, { exact: true })).toBeVisible();
  await expect(laneItems(other, 1, 'Kendala pelanggan')).toHaveText([typed]);
  await expect(stageName(other, 3)).toHaveText('Pembelian');
  await expect(other.getByText('Ada perubahan yang belum disimpan', { exact: true })).toBeVisible();
  await other.screenshot({ path: info.outputPath('map-phone-conflict.png') });

  await other.getByRole('button', { name: 'Muat ulang versi terbaru', exact: true }).click();
  await expect(stageName(other, 3)).toHaveText('Servis di tempat');
  await expect(other.getByText(conflictText, { exact: true })).toHaveCount(0);
  await expect(laneItems(other, 1, 'Kendala pelanggan')).toHaveCount(0);

  await otherCtx.close();
});

test('on a laptop the map is a grid: five stages side by side, sticky headers, more stages scroll with controls', async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner);
  await page.goto('/journeys/new');
  const name = `Grid laptop ${Date.now().toString(36)}`;
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(name);
  await page.getByRole('radio', { name: /^5 tahap: .*retensi \(datang lagi\)/ }).check();
  await page.getByRole('button', { name: 'Buat perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const grid = page.getByTestId('map-grid');
  await expect(stageName(page, 5)).toBeVisible();
  // The grid takes the window's width and all five stages fit in it, side by side.
  const box = (await grid.boundingBox())!;
  expect(box.width).toBeGreaterThan(1180);
  const [scrollW, clientW] = await grid.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollW).toBeLessThanOrEqual(clientW);
  for (let n = 1; n <= 5; n++) await expect(stageName(page, n)).toBeInViewport();
  const tops = await Promise.all([1, 5].map(async (n) => (await stageName(page, n).boundingBox())!.y));
  expect(tops[0]).toBe(tops[1]);
  // Lanes are rows: a stage's pain points line up with the next stage's.
  const [a, b] = await Promise.all([1, 2].map((n) => stage(page, n).getByRole('button', { name: 'Tambah kendala pelanggan', exact: true }).boundingBox()));
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  // No stage strip while everything fits.
  await expect(page.getByRole('navigation', { name: 'Lompat ke tahap', exact: true })).toBeHidden();
  await page.screenshot({ path: info.outputPath('map-laptop-read.png') });

  // Editing a cell in place on the laptop too.
  await addItem(page, 3, 'Tambah tindakan pelanggan', 'Tindakan pelanggan 1', 'Datang ke bengkel');
  await expect(laneItems(page, 3, 'Tindakan pelanggan')).toHaveText(['Datang ke bengkel']);

  // Two more stages: the grid scrolls sideways, with previous/next and where one is.
  for (let added = 0; added < 2; added++) {
    await page.getByRole('button', { name: 'Tambah tahap', exact: true }).click();
    await page.keyboard.press('Enter');
  }
  await expect(stageName(page, 7)).toHaveText('Tahap 7');
  const strip = page.getByRole('navigation', { name: 'Lompat ke tahap', exact: true });
  await expect(strip).toBeVisible();
  await strip.getByRole('button', { name: /Kesadaran$/ }).click();
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 1–5 dari 7');
  await strip.getByRole('button', { name: 'Tahap berikutnya', exact: true }).click();
  await expect(strip.getByTestId('stage-index')).toHaveText('Tahap 2–6 dari 7');
  await expect(stageName(page, 6)).toBeInViewport();
  const [pageScroll, pageClient] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(pageScroll).toBeLessThanOrEqual(pageClient);
  await page.screenshot({ path: info.outputPath('map-laptop-seven.png') });
  await expectAccessible(page);
  // A stage deleted through its menu by keyboard goes at once (said, and "undo" brings it back whole).
  await chooseByKeyboard(page, 'Pilihan tahap Pembelian', 'Hapus tahap');
  await expect(stage(page, 7)).toHaveCount(0);
  await expect(page.getByText('Tahap Pembelian dihapus. Tekan Urungkan untuk mengembalikannya.', { exact: true })).toBeAttached();
  await expect(stageName(page, 3)).toBeFocused();
  await expect(stageName(page, 3)).toHaveText('Retensi');
  await page.keyboard.press('Control+z');
  await expect(stageName(page, 3)).toHaveText('Pembelian');
  await expect(laneItems(page, 3, 'Tindakan pelanggan')).toHaveText(['Datang ke bengkel']);
  // Undo takes the stages back one by one.
  await page.getByRole('button', { name: 'Urungkan', exact: true }).click();
  await page.getByRole('button', { name: 'Urungkan', exact: true }).click();
  await expect(stage(page, 6)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Lompat ke tahap', exact: true })).toBeHidden();

  // The stage names stay in sight while the lanes of a full map (the seed's) scroll under them.
  await page.goto(`/journeys/${demo.bengkelJourneyId}`);
  await grid.scrollIntoViewIfNeeded();
  await grid.evaluate((el) => el.scrollTo({ top: 600 }));
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  const frame = (await grid.boundingBox())!;
  for (const n of [1, 5]) {
    const header = (await stageName(page, n).boundingBox())!;
    expect(header.y).toBeGreaterThanOrEqual(frame.y - 1);
    expect(header.y).toBeLessThan(frame.y + 80);
  }
  await page.screenshot({ path: info.outputPath('map-laptop-sticky.png') });
  await context.close();
});

test('map labels in English', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto(`/journeys/${demo.bengkelJourneyId}`);
  await expect(page.getByRole('button', { name: 'Save map', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add stage', exact: true })).toBeVisible();
  const firstStage = page.getByRole('group', { name: /^Stage 1 of \d+/ });
  const first = ((await firstStage.locator('h3 button').textContent()) ?? '').trim();
  await firstStage.locator('h3 button').click();
  await expect(firstStage.getByRole('textbox', { name: 'Stage name 1', exact: true })).toHaveValue(first);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: `Options for stage ${first}`, exact: true }).click();
  const menu = page.getByRole('menu', { name: `Options for stage ${first}`, exact: true });
  await expect(menu.getByRole('menuitem')).toHaveText(['Rename', 'Move left', 'Move right', 'Delete stage']);
  await expect(menu.getByRole('menuitem', { name: 'Move left', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Options for stage ${first}`, exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  // Sentence case, the lane's item named inside the button.
  await expect(page.getByRole('button', { name: 'Add pain point', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add customer action', exact: true }).first()).toBeVisible();
  await context.close();
});
