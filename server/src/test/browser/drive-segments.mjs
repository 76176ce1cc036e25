// Drives the console's segments pages (served by the all-in-one server at /) in headless Chromium
// through the case study's operations loop on the demo data: builds "signed up in January 2017,
// viewed the credit report, never invested" in the builder as an operator would (pickers from the
// plan, enumerated values, date windows), reads the live count (and its stale mark while the rule
// changes) next to the API's count of the same rule, saves it (and deletes a second copy), copies
// it back into the builder, takes a snapshot as of 2017-02-14, pages its members, downloads them
// as CSV, opens one in customer service, creates a campaign with a 50 % holdout and reads its effect report, and compares the
// users the simulation pushed with those it did not on the invest funnel. Waits for visible
// content, saves screenshots, and prints one JSON line of what it saw, for SegmentsConsoleIT.
// Usage: node drive-segments.mjs <server base url> <screenshot dir> <console username> <console password>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, username, password] = process.argv.slice(2);
fs.mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT_MS = 20_000;
// Counting, snapshotting and campaign statistics run on the whole demo project.
const QUERY_MS = 60_000;

/** The case study's segment as CaseStudyCampaignIT posts it: what the builder must produce. */
const HIGH_INTENT = {
  all: [
    {
      first_did: { events: ['SignUp'], filter: { property: 'result', op: 'eq', values: ['success'] } },
      within: { from: '2017-01-01', to: '2017-01-31' },
    },
    {
      did: { events: ['$AppViewScreen', '$pageview'], filter: { property: 'page_id', op: 'eq', values: ['credit_report'] } },
      within: { from: '2017-01-01', to: '2017-02-14' },
    },
    { did_not: { events: ['P2P_InvestSuccess'] }, within: { from: '2017-01-01', to: '2017-02-14' } },
  ],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const seen = {};
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const tab = await context.newPage();
  tab.setDefaultTimeout(TIMEOUT_MS);
  tab.on('pageerror', (error) => pageErrors.push(String(error)));
  const shoot = (name) => tab.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector) => tab.locator(selector).allInnerTexts();
  /** The API as the signed-in page calls it (session cookie, CSRF token). */
  const api = (method, url, body) =>
    tab.evaluate(
      async ([method, url, body]) => {
        const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
        const response = await fetch(url, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: await response.json().catch(() => null) };
      },
      [method, url, body],
    );

  /** Opens an Ant Design select and clicks the option with this text (typing it first to filter). */
  const pick = async (select, option, { search } = {}) => {
    await select.locator('.ant-select-selector').click();
    if (search !== undefined) await select.locator('input').fill(search);
    await tab.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const pickEvents = async (select, events) => {
    for (const event of events) await pick(select, `(${event})`, { search: event });
    await tab.keyboard.press('Escape');
  };
  const condition = (index) => tab.locator('.rule-condition').nth(index);
  const dateWindow = async (c, from, to) => {
    await pick(c.locator('.rule-window'), '日期范围');
    await c.locator('.rule-window-from').fill(from);
    await c.locator('.rule-window-to').fill(to);
  };

  // Sign in as drive-console.mjs does.
  await tab.goto(`${baseUrl}/`);
  await tab.locator('#signin-username').fill(username);
  await tab.locator('#signin-password').fill(password);
  await tab.locator('#signin-password').press('Enter');
  await tab.locator('.shell-user-name').waitFor();

  // The segments page: the builder, and no saved segments or campaigns yet.
  await tab.getByRole('link', { name: '用户分群' }).click();
  await tab.locator('.segment-builder .rule-condition').waitFor();
  await tab.locator('.saved-segments .state-empty').waitFor();
  await tab.locator('.campaign-list .state-empty').waitFor();
  seen.emptyStates = { segments: await tab.locator('.saved-segments .state-empty').innerText(), campaigns: await tab.locator('.campaign-list .state-empty').innerText() };
  await shoot('segments-empty');

  // An unknown segment: the page says so.
  await tab.goto(`${baseUrl}/#/segments?id=no-such-segment`);
  await tab.locator('.segment-gone').waitFor();
  seen.unknownSegment = await tab.locator('.segment-gone').innerText();
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.locator('.segment-builder .rule-condition').waitFor();

  // 1. Signed up (successfully) in January 2017: the first SignUp falls in January.
  const first = condition(0);
  await pick(first.locator('.rule-verb'), '首次做');
  await pickEvents(first.locator('.rule-events'), ['SignUp']);
  await first.locator('.filter-add').click();
  await pick(first.locator('.filter-property'), '(result)', { search: 'result' });
  await pick(first.locator('.filter-value'), '成功 (success)');
  await dateWindow(first, '2017-01-01', '2017-01-31');

  // 2. Viewed the credit report, on the app or the web, by the day before the push.
  await tab.locator('.rule-depth-0 > .rule-group-body > .rule-group-actions .rule-add-condition').click();
  const second = condition(1);
  await pickEvents(second.locator('.rule-events'), ['$AppViewScreen', '$pageview']);
  await second.locator('.filter-add').click();
  await pick(second.locator('.filter-property'), '(page_id)', { search: 'page_id' });
  await second.locator('.filter-value').fill('credit_report');
  await dateWindow(second, '2017-01-01', '2017-02-14');

  // 3. Never invested in that time.
  await tab.locator('.rule-depth-0 > .rule-group-body > .rule-group-actions .rule-add-condition').click();
  const third = condition(2);
  await pick(third.locator('.rule-verb'), '没做过');
  await pickEvents(third.locator('.rule-events'), ['P2P_InvestSuccess']);
  await dateWindow(third, '2017-01-01', '2017-02-14');

  // Evaluated as of the day before the push; the count follows the rule.
  await tab.locator('.segment-as-of').fill('2017-02-14');
  const counted = tab.locator('.live-count[data-state="counted"][data-stale="false"]');
  await counted.waitFor({ timeout: QUERY_MS });
  await tab.locator('.rule-json-panel .ant-collapse-header').click();
  await tab.locator('.rule-json').waitFor();
  const ruleJson = JSON.parse(await tab.locator('.rule-json').innerText());
  const liveCount = await tab.locator('.live-count-value .ant-statistic-content-value').innerText();
  const apiCount = await api('POST', '/api/v1/projects/demo/segments/preview', { rule: HIGH_INTENT, as_of: '2017-02-14' });
  const apiCountOfPageRule = await api('POST', '/api/v1/projects/demo/segments/preview', { rule: ruleJson, as_of: '2017-02-14' });
  seen.builder = { ruleJson, liveCount, apiCount, apiCountOfPageRule, conditions: await tab.locator('.rule-condition').count() };
  await shoot('segment-builder');

  // While the rule changes, the last count stays, marked stale, with a spinner; then it is fresh.
  await third.locator('.rule-window-to').fill('2017-02-13');
  await tab.locator('.live-count-stale').waitFor();
  seen.stale = { tag: await tab.locator('.live-count-stale').innerText(), spinner: await tab.locator('.live-count-spinner').count() };
  await shoot('segment-builder-stale');
  await third.locator('.rule-window-to').fill('2017-02-14');
  await counted.waitFor({ timeout: QUERY_MS });
  seen.recounted = await tab.locator('.live-count-value .ant-statistic-content-value').innerText();

  // An incomplete rule is not counted: the issue shows where it is.
  await tab.locator('.rule-depth-0 > .rule-group-body > .rule-group-actions .rule-add-condition').click();
  await condition(3).locator('.filter-add').click();
  await condition(3).locator('.rule-issue').waitFor();
  seen.issue = { text: await condition(3).locator('.rule-issue').innerText(), state: await tab.locator('.live-count').getAttribute('data-state'), saveDisabled: await tab.locator('.segment-save-button').isDisabled() };
  await shoot('segment-builder-issue');
  await condition(3).locator('.rule-condition-head .rule-remove').click();
  await counted.waitFor({ timeout: QUERY_MS });

  // Saved without a name: refused in the page. Then named and saved, and a second copy deleted.
  await tab.locator('.segment-save-button').click();
  seen.nameIssue = await tab.locator('.segment-name-issue').innerText();
  await tab.locator('.segment-name').fill('待删除');
  await tab.locator('.segment-save-button').click();
  await tab.locator('.saved-segments-table .ant-table-row', { hasText: '待删除' }).waitFor({ timeout: QUERY_MS });
  await tab.locator('.segment-name').fill('高意向客户');
  await tab.locator('.segment-save-button').click();
  await tab.locator('.saved-segments-table .ant-table-row', { hasText: '高意向客户' }).waitFor({ timeout: QUERY_MS });
  await tab.locator('.saved-segments-table .ant-table-row', { hasText: '待删除' }).locator('.segment-delete').click();
  await tab.locator('.ant-popconfirm .ant-btn-primary').click();
  await tab.locator('.saved-segments-table .ant-table-row', { hasText: '待删除' }).waitFor({ state: 'detached' });
  seen.saved = await text('.saved-segments-table .ant-table-row');
  await shoot('segments-saved');

  // The saved segment: its rule in words, no snapshot yet; one taken as of 2017-02-14.
  await tab.locator('.segment-open', { hasText: '高意向客户' }).click();
  await tab.locator('.segment-detail .snapshots .state-empty').waitFor();
  seen.segmentId = new URLSearchParams(await tab.evaluate(() => window.location.hash.split('?')[1] ?? '')).get('id');
  seen.summary = await tab.locator('.rule-summary').innerText();
  // A copy opens in the builder with the same rule.
  await tab.locator('.segment-copy').click();
  await tab.locator('.segment-builder .rule-condition').nth(2).waitFor();
  await tab.locator('.rule-json-panel .ant-collapse-header').click();
  seen.copied = { rule: JSON.parse(await tab.locator('.rule-json').innerText()), name: await tab.locator('.segment-name').inputValue() };
  await tab.goBack();
  await tab.locator('.segment-detail .snapshots .state-empty').waitFor();
  await tab.locator('.snapshot-as-of').fill('2017-02-14');
  await tab.locator('.snapshot-take').click();
  await tab.locator('.snapshots-table .ant-table-row').first().waitFor({ timeout: QUERY_MS });
  seen.snapshots = await text('.snapshots-table .ant-table-row');
  seen.snapshotUsers = await tab.locator('.snapshot-users').first().innerText();

  // Its members, 50 a page, each linked to customer service.
  const members = [];
  const pages = [];
  await tab.locator('.members-table .member-user').first().waitFor();
  await shoot('segment-members');
  for (;;) {
    const page = await text('.members-table .member-user');
    pages.push({ users: page.length, summary: await tab.locator('.members-summary').innerText() });
    members.push(...page);
    const next = tab.locator('.members-next');
    if (await next.isDisabled()) break;
    await next.click();
    // The next page's first member differs from this page's.
    await tab.locator('.members-table .member-user').first().filter({ hasNotText: page[0] }).waitFor();
  }
  seen.members = { all: members, pages, firstLink: await tab.locator('.members-table .member-user').first().getAttribute('href') };

  // The CSV of all of them.
  const [download] = await Promise.all([tab.waitForEvent('download'), tab.locator('.members-csv').click()]);
  seen.csv = { name: download.suggestedFilename(), text: await fs.promises.readFile(await download.path(), 'utf8') };

  // A member opens in customer service.
  const member = tab.locator('.members-table .member-user').first();
  const memberId = await member.innerText();
  await member.click();
  await tab.locator('.customer-summary').waitFor();
  seen.memberOpened = { id: memberId, hash: await tab.evaluate(() => window.location.hash), summary: await tab.locator('.customer-summary').innerText() };
  await tab.goBack();
  await tab.locator('.snapshots-table .ant-table-row').first().waitFor();

  // A campaign on the snapshot, half held out; it opens on its effect report.
  await tab.locator('.snapshots-table .snapshot-campaign').first().click();
  await tab.locator('.campaign-dialog .campaign-name').fill('征信页唤醒');
  seen.campaignDialog = { holdout: await tab.locator('.campaign-dialog .campaign-holdout input').inputValue(), hint: await tab.locator('.campaign-holdout-hint').innerText() };
  await shoot('campaign-new');
  await tab.locator('.campaign-create').click();
  await tab.locator('.effect-page .effect-verdict').waitFor({ timeout: QUERY_MS });
  seen.campaignId = new URLSearchParams(await tab.evaluate(() => window.location.hash.split('?')[1] ?? '')).get('campaign');
  seen.effect = {
    head: await tab.locator('.campaign-head').innerText(),
    range: await tab.locator('.range-input input').evaluateAll((inputs) => inputs.map((i) => i.value)),
    steps: await text('.effect-step'),
    verdict: await tab.locator('.effect-verdict').innerText(),
    verdictClass: await tab.locator('.effect-verdict').getAttribute('class'),
    targeted: await tab.locator('.effect-targeted .ant-statistic-content-value').innerText(),
    heldOut: await tab.locator('.effect-held-out .ant-statistic-content-value').innerText(),
    uplift: await tab.locator('.effect-uplift .ant-statistic-content-value').innerText(),
    interval: await tab.locator('.effect-interval .ant-statistic-content-value').innerText(),
    pValue: await tab.locator('.effect-p-value .ant-statistic-content-value').innerText(),
    rows: await text('.effect-table .ant-table-row'),
    chartBars: await tab.locator('.effect-chart svg path').count(),
  };
  await shoot('campaign-effect');

  // The campaign is listed on the segments page, and opens its report from there.
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.locator('.campaigns-table .ant-table-row').first().waitFor();
  seen.campaigns = await text('.campaigns-table .ant-table-row');
  await shoot('segments-campaigns');
  await tab.locator('.campaign-open', { hasText: '征信页唤醒' }).click();
  await tab.locator('.effect-page .effect-verdict').waitFor({ timeout: QUERY_MS });
  seen.reopened = await tab.locator('.effect-targeted .ant-statistic-content-value').innerText();

  // The case study's figure 6: the segment's users the simulation pushed against those it did not,
  // saved (through the API: the builder was shown above) and compared on the same funnel.
  const push = {
    events: ['push_Receive'],
    filter: { property: 'push_campaign', op: 'eq', values: ['credit_report_jan_signups'] },
  };
  const pushWindow = { from: '2017-02-15', to: '2017-02-15' };
  for (const [name, rule] of [
    ['已推送', { all: [HIGH_INTENT, { did: push, within: pushWindow }] }],
    ['未推送', { all: [HIGH_INTENT, { did_not: push, within: pushWindow }] }],
  ]) {
    const created = await api('POST', '/api/v1/projects/demo/segments', { name, rule });
    if (created.status !== 201) throw new Error(`saving ${name}: ${JSON.stringify(created)}`);
  }
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.locator('.compare-card').waitFor();
  await tab.locator('.saved-segments-table .ant-table-row', { hasText: '未推送' }).waitFor();
  const compare = tab.locator('.compare-card');
  await pick(compare.locator('.compare-segments'), '已推送', { search: '已推送' });
  await pick(compare.locator('.compare-segments'), '未推送', { search: '未推送' });
  await tab.keyboard.press('Escape');
  await compare.locator('.compare-as-of').fill('2017-02-15');
  await compare.locator('.range-input input[aria-label="from"]').fill('2017-02-15');
  await compare.locator('.range-input input[aria-label="to"]').fill('2017-02-28');
  await compare.locator('.compare-run').click();
  await compare.locator('.compare-table .ant-table-row').first().waitFor({ timeout: QUERY_MS });
  seen.compare = {
    rows: await text('.compare-table .ant-table-row'),
    verdict: await compare.locator('.compare-verdict').innerText(),
    verdictClass: await compare.locator('.compare-verdict').getAttribute('class'),
    chart: await compare.locator('.compare-chart svg').count(),
  };
  await compare.scrollIntoViewIfNeeded();
  await shoot('segments-compare');
  await tab.goto(`${baseUrl}/#/segments?campaign=${seen.campaignId}`);
  await tab.locator('.effect-page .effect-verdict').waitFor({ timeout: QUERY_MS });

  // The same report in English.
  await tab.getByRole('button', { name: '切换到英文' }).click();
  await tab.getByText('Targeted conversion').waitFor();
  seen.english = { verdict: await tab.locator('.effect-verdict .ant-alert-message').innerText(), title: await tab.title() };
  await shoot('campaign-effect-en');

  seen.pageErrors = pageErrors;
  console.log(JSON.stringify(seen));
} catch (error) {
  const page = browser.contexts()[0]?.pages()[0];
  await fs.promises.writeFile(path.join(screenshotDir, 'segments-failure.html'), (await page?.content()) ?? '');
  await page?.screenshot({ path: path.join(screenshotDir, 'segments-failure.png'), fullPage: true });
  console.error(`segments run failed: ${error.message}; seen so far: ${JSON.stringify(seen)}; page errors: ${pageErrors}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
