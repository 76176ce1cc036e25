// Drives the admin console (served by the all-in-one server at /) in headless Chromium through its
// main paths: signing in on its sign-in page (a wrong password first), customer-service lookup,
// tracking plan (with an import dry run), data quality, the analysis pages (events, funnels,
// retention, distributions), the English switch and signing out. Waits for visible content, saves
// screenshots, and prints one JSON line of what it saw, for ConsoleIT to check.
// Usage: node drive-console.mjs <server base url> <user id with a failed BindCard> <screenshot dir>
//        <console username> <console password>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, userId, screenshotDir, username, password] = process.argv.slice(2);
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
  await tab.locator('.chart canvas').first().waitFor();
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

  // The English switch, remembered across pages.
  await tab.goto(`${baseUrl}/#/quality`);
  await tab.getByRole('button', { name: '切换到英文' }).click();
  await tab.getByText('By event').waitFor();
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.getByText('Coming soon').waitFor();
  seen.english = { menu: await text('.ant-menu-title-content'), title: await tab.title() };
  await shoot('coming-soon-en');

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
