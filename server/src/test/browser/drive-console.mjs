// Drives the admin console (served by the all-in-one server at /) in headless Chromium through its
// main paths: signing in on its sign-in page (a wrong password first), customer-service lookup
// (filtered by event and dates, and paged back), tracking plan (with an import dry run), data
// quality with a replay (dry run while the event is unknown, the plan fixed, dry run and replay),
// the analysis pages (events, funnels with a step's users and their CSV, retention,
// distributions), API keys (created and shown once, rotated, revoked), the English switch and
// signing out. Waits for visible content, saves screenshots, and prints one JSON line of what it
// saw, for ConsoleIT to check.
// Usage: node drive-console.mjs <server base url> <user id with a failed BindCard> <screenshot dir>
//        <console username> <console password> <user who signed up> <user with a long history>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, userId, screenshotDir, username, password, readerId, pagerId] = process.argv.slice(2);
fs.mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT_MS = 20_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const seen = {};
const pageErrors = [];
try {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const tab = await context.newPage();
  tab.setDefaultTimeout(TIMEOUT_MS);
  tab.on('pageerror', (error) => pageErrors.push(String(error)));
  // Finished transitions: Ant Design fades a form back from its disabled (submitting) look.
  const shoot = (name) =>
    tab.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector) => tab.locator(selector).allInnerTexts();

  // The sign-in page: nothing of the console shows before signing in.
  await tab.goto(`${baseUrl}/`);
  await tab.locator('#signin-username').waitFor();
  seen.signIn = {
    title: await tab.title(),
    heading: await tab.locator('.signin-title').innerText(),
    menu: await tab.locator('.ant-menu').count(),
  };
  await shoot('sign-in');

  // A wrong password: the page says so, and signs nobody in.
  await tab.locator('#signin-username').fill(username);
  await tab.locator('#signin-password').fill(`${password}-wrong`);
  await tab.locator('.signin-submit').click();
  await tab.locator('.signin-error').waitFor();
  await tab.locator('.signin-submit:enabled').waitFor();
  seen.signInFailed = await tab.locator('.signin-error').innerText();
  await shoot('sign-in-failed');

  // The right one, typed as a person would, then Enter.
  await tab.locator('#signin-password').fill(password);
  await tab.locator('#signin-password').press('Enter');
  await tab.locator('.shell-user-name').waitFor();
  seen.signedIn = {
    username: await tab.locator('.shell-user-name').innerText(),
    role: await tab.locator('.shell-user-role').innerText(),
  };

  // Overview: the default page, Chinese first.
  await tab.getByText('运行正常').waitFor();
  await tab.locator('.chart svg').first().waitFor();
  seen.overview = { title: await tab.title(), menu: await text('.ant-menu-title-content') };
  await shoot('overview');

  // Customer service: search a user by id, as an operator would.
  await tab.getByRole('link', { name: '用户查询' }).click();
  await tab.locator('#customer-user').fill(userId);
  await tab.locator('#customer-user').press('Enter');
  await tab.locator('.event-failed').first().waitFor();
  seen.customer = {
    summary: await tab.locator('.customer-summary').innerText(),
    sessions: await text('.session-card .ant-card-head-title'),
    failed: await text('.event-failed'),
    events: await text('.event-item'),
  };
  await shoot('customer-service');

  // An unknown user: the empty state.
  await tab.locator('#customer-user').fill('nobody-here');
  await tab.locator('#customer-user').press('Enter');
  await tab.locator('.state-empty').waitFor();
  seen.customerEmpty = await tab.locator('.state-empty').innerText();

  // Tracking plan: events, properties, history, and an import dry run.
  await tab.goto(`${baseUrl}/#/plan`);
  await tab.locator('.ant-table-row', { hasText: 'BindCard' }).first().waitFor();
  seen.planEvents = await text('.ant-tabs-tabpane-active .ant-table-row');
  await shoot('tracking-plan');
  await tab.getByRole('tab', { name: '属性' }).click();
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: 'card_type' }).first().waitFor();
  await tab.locator('.ant-tabs-tabpane-active .table-filters input').fill('result');
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: 'fail_reason' }).waitFor({ state: 'detached' });
  seen.planProperties = await text('.ant-tabs-tabpane-active .ant-table-row');
  await tab.getByRole('tab', { name: '版本历史' }).click();
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: 'v1' }).first().waitFor();
  seen.planVersions = await text('.ant-tabs-tabpane-active .ant-table-row');
  const yaml = await tab.evaluate(async () => (await fetch('/api/v1/projects/demo/plan/export')).text());
  await tab.getByRole('button', { name: /导入 YAML/ }).click();
  await tab.locator('.yaml-input').fill(yaml.replace('卡类型', '银行卡类型'));
  await tab.getByRole('button', { name: /预览差异/ }).click();
  await tab.locator('.ant-modal .change-list').waitFor();
  seen.importPreview = await tab.locator('.ant-modal-body').innerText();
  await shoot('tracking-plan-import');
  await tab.keyboard.press('Escape');

  // Data quality: quarantined records by reason and by event, with a sample's payload.
  await tab.goto(`${baseUrl}/#/quality`);
  await tab.locator('.payload').first().waitFor();
  seen.quality = { reasons: await text('.ant-table-row'), sample: await tab.locator('.samples').innerText() };
  await shoot('data-quality');
  await tab.getByText('按事件').click();
  await tab.locator('.ant-table-row', { hasText: 'NoSuchEvent' }).first().waitFor();
  seen.qualityByEvent = await text('.ant-table-row');

  // Replay: select the unknown event's records, preview while the plan still lacks the event
  // (still invalid, with today's reason), add the event to the plan through the plan API, then
  // preview and replay; the listing then shows the record as replayed.
  const replayReport = async () => {
    await tab.locator('.replay-report .replay-results .ant-table-row').first().waitFor();
    const report = {
      title: await tab.locator('.replay-report .ant-modal-title').innerText(),
      counts: await text('.replay-report .replay-count'),
      results: await text('.replay-report .replay-results .ant-table-row'),
    };
    return report;
  };
  const closeReport = async () => {
    await tab.locator('.replay-report-close').click();
    await tab.locator('.replay-report .ant-modal-content').waitFor({ state: 'hidden' });
  };
  await tab.locator('.ant-table-row', { hasText: 'NoSuchEvent' }).first().click();
  await tab.locator('.select-group').click();
  seen.replaySelected = await tab.locator('.replay-selected').innerText();
  seen.replayAsBackEnd = await tab.locator('.replay-as-back-end').count();
  await tab.locator('.replay-dry-run').click();
  seen.replayStillInvalid = await replayReport();
  await shoot('replay-dry-run-invalid');
  await closeReport();
  seen.planFixed = await tab.evaluate(async () => {
    const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
    const plan = await (await fetch('/api/v1/projects/demo/plan')).json();
    plan.events.push({
      name: 'NoSuchEvent',
      display_name: '控制台测试事件',
      display_name_en: 'Console test event',
      description: null,
      business_line: 'platform',
      collected_by: 'FRONT_END',
      trigger: null,
      status: 'ACTIVE',
      properties: [],
    });
    const saved = await fetch('/api/v1/projects/demo/plan', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
      body: JSON.stringify(plan),
    });
    return saved.status;
  });
  await tab.locator('.replay-dry-run').click();
  seen.replayPreview = await replayReport();
  await closeReport();
  await tab.locator('.replay-run').click();
  await tab.locator('.replay-confirm').click();
  await tab.locator('.replay-report .replay-count-replayed, .replay-report .replay-count-still_invalid').first().waitFor();
  seen.replayed = await replayReport();
  await shoot('replay-done');
  await closeReport();
  await tab.locator('.sample-replayed .replayed-tag').first().waitFor();
  seen.replayedSample = {
    text: await tab.locator('.sample-replayed').first().innerText(),
    checkboxDisabled: await tab.locator('.sample-replayed .sample-select input').first().isDisabled(),
    selected: await tab.locator('.replay-selected').innerText(),
  };
  await shoot('data-quality-replayed');

  // Analyses run on the real engine over the demo data; give them more time than a page load.
  const ANALYSIS_MS = 60_000;
  const errorText = async () =>
    (await tab.locator('.analysis-error').count()) > 0 ? await tab.locator('.analysis-error').innerText() : null;

  // Event analysis: the default PV and UV of the last 7 days run as the page opens; run it again
  // with the button, as an analyst would after changing nothing.
  await tab.goto(`${baseUrl}/#/events`);
  await tab.locator('.event-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  // The request goes out in the same effect that shows the loading state, so once the answer is
  // in, the button's spinner going away means the new result is on screen.
  await Promise.all([
    tab.waitForResponse((response) => response.url().includes('/analyses/events'), { timeout: ANALYSIS_MS }),
    tab.locator('.run-analysis').click(),
  ]);
  await tab.locator('.run-analysis.ant-btn-loading').waitFor({ state: 'detached', timeout: ANALYSIS_MS });
  await tab.locator('.event-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.events = {
    error: await errorText(),
    rows: await text('.analysis-table .ant-table-row'),
    totals: await text('.analysis-table .ant-table-row .total-cell'),
    metrics: await text('.metric-row .event-select'),
  };
  await shoot('event-analysis');

  // The demo data (2017) by platform, weekly, against the previous period: a link an analyst shares.
  // (The same page with a new query: wait for the grouped rows, not the chart still on screen.)
  await tab.goto(`${baseUrl}/#/events?from=2017-02-01&to=2017-02-28&group_by=platform_type&granularity=week&compare=true`);
  await tab
    .locator('.analysis-table .ant-table-row:has-text("iOS"), .analysis-error')
    .first()
    .waitFor({ timeout: ANALYSIS_MS });
  seen.eventsDemo = { error: await errorText(), rows: await text('.analysis-table .ant-table-row') };
  await shoot('event-analysis-demo');

  // Funnel: two steps named in the route.
  await tab.goto(`${baseUrl}/#/funnels?steps=$pageview,SignUp`);
  await tab.locator('.shell-title', { hasText: '漏斗分析' }).waitFor();
  await tab.locator('.funnel-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.funnels = {
    error: await errorText(),
    steps: await text('.funnel-step .event-select'),
    summary: await text('.funnel-summary'),
    rows: await text('.analysis-table .ant-table-row'),
  };
  await shoot('funnels');

  // The users who reached step 2 (signed up): a page with the total, their CSV, and one of them
  // opened on the customer-service page.
  await tab.locator('.analysis-table .drill-reached[data-step="2"]').click();
  await tab.locator('.drill-drawer .drill-user').first().waitFor({ timeout: ANALYSIS_MS });
  seen.drill = {
    title: await tab.locator('.drill-drawer .ant-drawer-title').innerText(),
    detail: await tab.locator('.drill-drawer .drill-detail').innerText(),
    summary: await tab.locator('.drill-drawer .drill-summary').innerText(),
    users: await text('.drill-drawer .drill-user'),
    links: await tab.locator('.drill-drawer .drill-user').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    nextDisabled: await tab.locator('.drill-drawer .drill-next').isDisabled(),
    droppedDisabled: await tab.locator('.analysis-table .drill-dropped[data-step="2"]').isDisabled(),
  };
  // The drawer covers the viewport: a full-page shot would scroll the page under it.
  await tab.screenshot({ path: path.join(screenshotDir, 'funnel-users.png'), animations: 'disabled' });
  const [download] = await Promise.all([tab.waitForEvent('download'), tab.locator('.drill-drawer .drill-csv').click()]);
  seen.drillCsv = { name: download.suggestedFilename(), text: await fs.promises.readFile(await download.path(), 'utf8') };
  await tab.locator('.drill-drawer .drill-user', { hasText: readerId }).click();
  await tab.locator('.customer-summary').waitFor();
  seen.drillCustomer = { hash: await tab.evaluate(() => window.location.hash), summary: await tab.locator('.customer-summary').innerText() };

  // Retention: the default cohorts (sign-ups coming back with any event).
  await tab.goto(`${baseUrl}/#/retention`);
  await tab.locator('.shell-title', { hasText: '留存分析' }).waitFor();
  await tab.locator('.retention-chart svg, .analysis-error, .analysis-result .state-empty').first().waitFor({ timeout: ANALYSIS_MS });
  seen.retention = {
    error: await errorText(),
    rows: await text('.retention-table .ant-table-row'),
    empty: await text('.analysis-result .state-empty'),
  };
  await shoot('retention');

  // Distributions: events per user and hour of day of any event.
  await tab.goto(`${baseUrl}/#/distributions`);
  await tab.locator('.shell-title', { hasText: '分布分析' }).waitFor();
  await tab.locator('.per-user-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.distributions = { error: await errorText(), charts: await tab.locator('.analysis-result .chart svg').count() };
  await shoot('distributions');

  // A long history: ten events a page, then the older ones; a filter by event from the plan's
  // events; dates that keep those events, then dates that keep none.
  const localDate = (daysAgo) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));
  const items = () => tab.locator('.event-item').evaluateAll((all) => all.map((item) => item.dataset.event));
  await tab.goto(`${baseUrl}/#/customer?user=${encodeURIComponent(pagerId)}&limit=10`);
  await tab.locator('.event-item').first().waitFor();
  seen.paging = { first: (await items()).length, older: await tab.locator('.load-older-button').count() };
  await shoot('customer-paged');
  await tab.locator('.load-older-button').click();
  await tab.locator('.all-loaded').waitFor();
  seen.paging.all = await items();
  await tab.locator('.customer-events').click();
  await tab.keyboard.type('BindCard');
  await tab.locator('.ant-select-item-option', { hasText: 'BindCard' }).click();
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => {
    const shown = [...document.querySelectorAll('.event-item')];
    return shown.length > 0 && shown.every((item) => item.dataset.event === 'BindCard');
  });
  seen.filtered = { events: await items(), hash: await tab.evaluate(() => window.location.hash) };
  await tab.locator('.customer-to').fill(localDate(2));
  await tab.waitForFunction(() => window.location.hash.includes('to='));
  await tab.locator('.all-loaded').waitFor();
  seen.filtered.beforeTwoDaysAgo = await items();
  await shoot('customer-filtered');
  await tab.locator('.customer-to').fill('');
  await tab.locator('.customer-from').fill(localDate(0));
  await tab.locator('.state-empty').waitFor();
  seen.filtered.today = await tab.locator('.state-empty').innerText();

  // API keys: a public key created and shown once, the secret key rotated, the public one revoked.
  await tab.goto(`${baseUrl}/#/settings`);
  await tab.locator('.keys-table .ant-table-row').first().waitFor();
  seen.keys = { backEnd: await tab.locator('.keys-back-end').innerText(), before: await text('.keys-table .ant-table-row') };
  await tab.locator('.create-key').first().click();
  await tab.locator('#key-name').fill('console-android');
  await tab.locator('.create-key-submit').click();
  await tab.locator('.key-reveal .key-text').waitFor();
  const keyText = await tab.locator('.key-reveal .key-text').inputValue();
  await tab.locator('.key-reveal .key-copy').click();
  seen.keyCreated = {
    key: keyText,
    title: await tab.locator('.key-reveal .ant-modal-title').innerText(),
    warning: await tab.locator('.key-reveal .key-reveal-warning').innerText(),
    copied: await tab.evaluate(() => navigator.clipboard.readText()),
  };
  await shoot('api-key-created');
  // The key works: the collector takes an app's event with it (public keys send app events).
  seen.keyCreated.sendStatus = await tab.evaluate(async (key) => {
    const answer = await fetch('/api/v1/events?project=demo', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ type: 'track', event: '$AppStart', distinct_id: 'key-check', time: Date.now(), properties: {} }]),
    });
    return answer.status;
  }, keyText);
  await tab.locator('.key-reveal-done').click();
  await tab.locator('.key-reveal .ant-modal-content').waitFor({ state: 'hidden' });
  const created = tab.locator('.keys-table .ant-table-row', { hasText: 'console-android' });
  seen.keyCreated.row = await created.innerText();
  seen.keyCreated.shownAgain = (await tab.locator('body').innerText()).includes(keyText);

  const secret = tab.locator('.keys-table .ant-table-row', { hasText: 'test secret key' }).first();
  await secret.locator('.rotate-key').click();
  await tab.locator('.rotate-key-dialog').getByText('1 小时').click();
  await tab.locator('.rotate-key-submit').click();
  await tab.locator('.key-reveal .key-text').waitFor();
  seen.keyRotated = {
    key: await tab.locator('.key-reveal .key-text').inputValue(),
    title: await tab.locator('.key-reveal .ant-modal-title').innerText(),
    old: await tab.locator('.key-reveal .key-reveal-old').innerText(),
  };
  await tab.locator('.key-reveal-done').click();
  await tab.locator('.key-reveal .ant-modal-content').waitFor({ state: 'hidden' });
  await tab.locator('.keys-table .ant-table-row', { hasText: '即将失效' }).first().waitFor();

  await created.locator('.revoke-key').click();
  seen.keyRevoke = { confirm: await tab.locator('.ant-popover').innerText() };
  await tab.locator('.confirm-revoke').click();
  await tab.locator('.keys-table .ant-table-row', { hasText: 'console-android' }).filter({ hasText: '已吊销' }).waitFor();
  seen.keyRevoke.rows = await text('.keys-table .ant-table-row');
  await shoot('api-keys');

  // The English switch, remembered across pages.
  await tab.goto(`${baseUrl}/#/quality`);
  await tab.getByRole('button', { name: '切换到英文' }).click();
  await tab.getByText('By event').waitFor();
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.getByText('New segment').waitFor();
  seen.english = { menu: await text('.ant-menu-title-content'), title: await tab.title() };
  await shoot('segments-en');

  // Signing out goes back to the sign-in page, which says so; the API then answers 401.
  await tab.locator('.sign-out').click();
  await tab.locator('#signin-username').waitFor();
  seen.signedOut = {
    notice: await tab.locator('.signin-notice').innerText(),
    planStatus: await tab.evaluate(async () => (await fetch('/api/v1/projects/demo/plan')).status),
  };
  seen.pageErrors = pageErrors;
  console.log(JSON.stringify(seen));
} catch (error) {
  await fs.promises.writeFile(path.join(screenshotDir, 'failure.html'), await browser.contexts()[0]?.pages()[0]?.content() ?? '');
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(screenshotDir, 'failure.png'), fullPage: true });
  console.error(`console run failed: ${error.message}; seen so far: ${JSON.stringify(seen)}; page errors: ${pageErrors}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
