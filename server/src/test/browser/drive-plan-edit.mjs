// Drives the tracking-plan editor of the admin console in headless Chromium: an enumerated value
// added to a property, a new event refused by the server (its name lacks the business line's
// prefix) and then added under the right name, each previewed as a diff before it is saved; the
// version history after; and the data-quality page's replay dry run of the quarantined records of
// that event. Saves screenshots and prints one JSON line of what it saw, for PlanEditingConsoleIT.
// Usage: node drive-plan-edit.mjs <server base url> <screenshot dir> <console username> <password>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, username, password] = process.argv.slice(2);
fs.mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT_MS = 20_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const seen = {};
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const tab = await context.newPage();
  tab.setDefaultTimeout(TIMEOUT_MS);
  tab.on('pageerror', (error) => pageErrors.push(String(error)));
  const shoot = (name) =>
    tab.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  // The drawer covers the viewport: a full-page shot would scroll the page under it.
  const shootDrawer = (name) =>
    tab.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
  const text = (selector) => tab.locator(selector).allInnerTexts();
  const drawer = tab.locator('.plan-edit-drawer');
  // Ant Design's selects: a searchable one filtered by typing, taking the first match; a plain one
  // by clicking the option of that exact label.
  const search = async (select, typed) => {
    await select.click();
    await tab.keyboard.type(typed);
    await tab.keyboard.press('Enter');
  };
  const pick = async (select, label) => {
    await select.click();
    await tab
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  };
  const preview = async () => {
    await drawer.locator('.plan-edit-preview').click();
    await drawer.locator('.plan-edit-preview-result .change-list, .plan-edit-error').first().waitFor();
    await drawer.locator('.plan-edit-preview.ant-btn-loading').waitFor({ state: 'detached' });
  };
  const saveAndWait = async () => {
    await drawer.locator('.plan-edit-save').click();
    await tab.locator('.ant-message-notice', { hasText: '已保存为版本' }).last().waitFor();
    const saved = await tab.locator('.ant-message-notice', { hasText: '已保存为版本' }).last().innerText();
    await drawer.waitFor({ state: 'hidden' });
    // Gone before the next save, so that its notice is not this one.
    await tab.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    return saved;
  };

  await tab.goto(`${baseUrl}/`);
  await tab.locator('#signin-username').fill(username);
  await tab.locator('#signin-password').fill(password);
  await tab.locator('.signin-submit').click();
  await tab.locator('.shell-user-name').waitFor();

  await tab.goto(`${baseUrl}/#/plan`);
  await tab.locator('.ant-table-row', { hasText: 'BindCard' }).first().waitFor();

  // An enumerated value added to product_type: the faulty release's "vip".
  await tab.getByRole('tab', { name: '属性' }).click();
  const properties = tab.locator('.ant-tabs-tabpane-active');
  await properties.locator('.table-filters input').fill('product_type');
  const productType = properties.locator('.ant-table-row', { hasText: 'product_type' }).first();
  await productType.locator('.plan-edit-row').click();
  await drawer.locator('.plan-edit-value-row').first().waitFor();
  seen.propertyTitle = await drawer.locator('.ant-drawer-title').innerText();
  seen.typeDisabled = await drawer.locator('#plan-edit_type').isDisabled();
  await drawer.locator('.plan-edit-add-value').click();
  const added = drawer.locator('.plan-edit-value-row').last();
  await added.locator('.plan-edit-value').fill('vip');
  await added.locator('.plan-edit-value-label').fill('会员专享');
  await added.locator('.plan-edit-value-label-en').fill('VIP only');
  seen.saveBeforePreview = await drawer.locator('.plan-edit-save').isDisabled();
  await preview();
  seen.enumPreview = await drawer.locator('.plan-edit-preview-result').innerText();
  await shootDrawer('plan-edit-enum-preview');
  seen.enumSaved = await saveAndWait();
  // The plan reloaded: the same tab, its search filter new.
  await properties.locator('.table-filters input').fill('product_type');
  await properties.locator('.ant-table-row', { hasText: 'product_type' }).filter({ hasText: 'vip' }).first().waitFor();
  seen.enumRow = await properties.locator('.ant-table-row', { hasText: 'product_type' }).first().innerText();

  // A new event whose name lacks its line's prefix: typed in, refused by the server's rules.
  await tab.getByRole('tab', { name: '事件' }).click();
  await tab.locator('.ant-tabs-tabpane-active .new-event').click();
  await drawer.locator('#plan-edit_name').waitFor();
  seen.newEventTitle = await drawer.locator('.ant-drawer-title').innerText();
  // First a name the browser refuses by itself.
  await drawer.locator('#plan-edit_name').fill('share-product');
  await drawer.locator('.ant-form-item-explain-error').first().waitFor();
  seen.browserNameError = await drawer.locator('.ant-form-item-explain-error').first().innerText();
  await drawer.locator('#plan-edit_name').fill('ShareProduct');
  await drawer.locator('#plan-edit_display_name').fill('分享产品');
  await drawer.locator('#plan-edit_display_name_en').fill('Share a product');
  await pick(drawer.locator('.plan-edit-line'), 'P2P 理财');
  await drawer.locator('.ant-form-item-extra', { hasText: 'P2P_' }).waitFor();
  seen.prefixHint = await drawer.locator('.ant-form-item-extra', { hasText: 'P2P_' }).innerText();
  await pick(drawer.locator('.plan-edit-collected-by'), '前端');
  await drawer.locator('#plan-edit_trigger').fill('When the share sheet reports that the product was shared.');
  for (const [name, required] of [
    ['product_id', true],
    ['share_channel', true],
  ]) {
    await drawer.locator('.plan-edit-add-property').click();
    const row = drawer.locator('.plan-edit-property-row').last();
    await search(row.locator('.plan-edit-property-name'), name);
    if (required) await row.locator('.plan-edit-property-required input').check();
  }
  await preview();
  seen.rejected = {
    error: await drawer.locator('.plan-edit-error').innerText(),
    field: await text('.plan-edit-drawer .ant-form-item-explain-error'),
    saveDisabled: await drawer.locator('.plan-edit-save').isDisabled(),
  };
  await shootDrawer('plan-edit-rejected');

  // The right name: the diff, then saved.
  await drawer.locator('#plan-edit_name').fill('P2P_ShareProduct');
  await preview();
  seen.eventPreview = {
    text: await drawer.locator('.plan-edit-preview-result').innerText(),
    errors: await drawer.locator('.plan-edit-error').count(),
  };
  await shootDrawer('plan-edit-event-preview');
  seen.eventSaved = await saveAndWait();
  await tab.locator('.ant-tabs-tabpane-active .table-filters input.ant-input').fill('ShareProduct');
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: 'P2P_ShareProduct' }).first().waitFor();
  seen.eventRow = await tab.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: 'P2P_ShareProduct' }).first().innerText();
  await shoot('plan-edited');

  // The history: the two saves, newest first, by the signed-in user.
  await tab.getByRole('tab', { name: '版本历史' }).click();
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row').nth(2).waitFor();
  seen.versions = await text('.ant-tabs-tabpane-active .ant-table-row');

  // The faulty release's records of the event, quarantined while the plan lacked it, now valid in
  // a replay dry run. Plans reach the validators within the cache's TTL (5 s): ask until they show
  // it, within a deadline.
  await tab.goto(`${baseUrl}/#/quality`);
  await tab.locator('.payload').first().waitFor();
  await tab.getByText('按事件').click();
  await tab.locator('.ant-table-row', { hasText: 'P2P_ShareProduct' }).first().click();
  await tab.locator('.select-group').click();
  seen.replaySelected = await tab.locator('.replay-selected').innerText();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await tab.locator('.replay-dry-run').click();
    await tab.locator('.replay-report .replay-results .ant-table-row').first().waitFor();
    seen.replay = {
      title: await tab.locator('.replay-report .ant-modal-title').innerText(),
      counts: await text('.replay-report .replay-count'),
    };
    if (!seen.replay.counts.some((count) => count.includes('仍不合规')) || Date.now() > deadline) break;
    await tab.locator('.replay-report-close').click();
    await tab.locator('.replay-report .ant-modal-content').waitFor({ state: 'hidden' });
    await tab.waitForTimeout(1000);
  }
  await shoot('plan-edit-replay-dry-run');

  seen.pageErrors = pageErrors;
  console.log(JSON.stringify(seen));
} catch (error) {
  await fs.promises.writeFile(path.join(screenshotDir, 'plan-edit-failure.html'), (await browser.contexts()[0]?.pages()[0]?.content()) ?? '');
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(screenshotDir, 'plan-edit-failure.png'), fullPage: true });
  console.error(`plan edit run failed: ${error.message}; seen so far: ${JSON.stringify(seen)}; page errors: ${pageErrors}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
