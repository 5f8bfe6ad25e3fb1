/**
 * Starting customer journeys on a phone-sized screen: the owner of Bengkel Maju Jaya finds the
 * bengkel template suggested and chosen, is refused without a name (the choice is kept), creates
 * one journey from the template and one from the empty three-stage model, lands on each map, and
 * finds both in the list. The form in English too.
 */
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const uuidPath = /\/journeys\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('owner creates a journey from the bengkel template and one from 3 stages', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const fromTemplate = `Servis panggilan ${stamp}`;
  const fromModel = `Tiga tahap ${stamp}`;
  const h1 = page.getByRole('heading', { level: 1 });
  const templateRadio = page.getByRole('radio', { name: 'Bengkel mobil dan motor', exact: true });
  const threeStages = page.getByRole('radio', { name: /^3 tahap/ });
  const submit = page.getByRole('button', { name: 'Buat perjalanan', exact: true });

  await signIn(page, demo.bengkelOwner);
  await page.getByRole('link', { name: 'Perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys$/);
  await expect(h1).toHaveText('Perjalanan pelanggan');
  await expectAccessible(page);
  // "Buat perjalanan", or "Buat perjalanan pertama" when the business has none yet.
  await page.getByRole('link', { name: /^Buat perjalanan/ }).first().click();
  await expect(page).toHaveURL(/\/journeys\/new$/);
  await expect(h1).toHaveText('Perjalanan baru');
  await expect(templateRadio).toBeChecked();
  await expect(page.getByText('Disarankan untuk usaha Anda')).toBeVisible();
  await expectAccessible(page);

  // No name: refused, with the message under the field, and the chosen start is kept.
  await threeStages.check();
  await submit.click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await expect(threeStages).toBeChecked();
  await expectAccessible(page);

  // From the template, for the demo persona.
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(fromTemplate);
  const persona = page.getByLabel('Persona', { exact: true });
  const personaName = ((await persona.locator('option').nth(1).textContent()) ?? '').trim();
  await persona.selectOption({ label: personaName });
  await templateRadio.check();
  await submit.click();
  await expect(page).toHaveURL(uuidPath);
  await expect(h1).toHaveText(fromTemplate);

  // From the empty three-stage model, without a persona (chosen: with one persona, it is the default).
  await page.goto('/journeys/new');
  await page.getByLabel('Nama perjalanan', { exact: true }).fill(fromModel);
  await persona.selectOption({ label: 'Tanpa persona' });
  await threeStages.check();
  await submit.click();
  await expect(page).toHaveURL(uuidPath);
  await expect(h1).toHaveText(fromModel);

  // Both in the list, with their persona and number of stages.
  await page.goto('/journeys');
  const templateCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: fromTemplate, exact: true }) });
  await expect(templateCard).toContainText(`Persona: ${personaName}`);
  await expect(templateCard).toContainText('Tahap: 5');
  await expect(templateCard).toContainText('Draf');
  const modelCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: fromModel, exact: true }) });
  await expect(modelCard).toContainText('Tanpa persona');
  await expect(modelCard).toContainText('Tahap: 3');
  await expectAccessible(page);

  await modelCard.getByRole('link', { name: fromModel, exact: true }).click();
  await expect(page).toHaveURL(uuidPath);
  await expect(h1).toHaveText(fromModel);
});

test('the new journey form in English', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto('/journeys/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New journey');
  await expect(page.getByLabel('Journey name', { exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Car and motorbike workshop', exact: true })).toBeChecked();
  await expect(page.getByText('Recommended for your business')).toBeVisible();
  await expect(page.getByRole('radio', { name: /^3 stages/ })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Create journey', exact: true })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
