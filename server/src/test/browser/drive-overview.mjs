// Drives the console's overview and sessions pages (served by the all-in-one server at /) in
// headless Chromium: signs in as drive-console.mjs does; reads the overview before anything was
// sent today ("no events today"), then posts the given records with the given key (from the page,
// as an app's back end would), reads the overview again (today's DAU, new users and events, the
// ingestion rate, lag and quarantine rate), follows its link to data quality, and runs the sessions
// page on the posted page views (filtered by their page ids). Saves screenshots and prints one JSON
// line of what it saw, for OverviewAndSessionsConsoleIT to check.
// Usage: node drive-overview.mjs <server base url> <screenshot dir> <console username>
//        <console password> <records JSON file> <secret key> <page id prefix>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, username, password, recordsFile, key, pagePrefix] = process.argv.slice(2);
fs.mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT_MS = 20_000;
// Analyses run on the real engine over the demo data; give them more time than a page load.
const ANALYSIS_MS = 60_000;

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
  const text = (selector) => tab.locator(selector).allInnerTexts();
  const one = async (selector) => ((await tab.locator(selector).count()) > 0 ? await tab.locator(selector).first().innerText() : null);
  const statistic = (selector) => one(`${selector} .ant-statistic-content`);

  // Sign in as the test admin (the sign-in page is checked by ConsoleIT).
  await tab.goto(`${baseUrl}/`);
  await tab.locator('#signin-username').fill(username);
  await tab.locator('#signin-password').fill(password);
  await tab.locator('#signin-password').press('Enter');
  await tab.locator('.shell-user-name').waitFor();

  // The overview shows a spinner while each part loads, then its figures.
  const readOverview = async () => {
    await tab.locator('.overview-users .stat-dau, .overview-users .state-error').first().waitFor({ timeout: ANALYSIS_MS });
    await tab.locator('.overview-ingestion .stat-rate, .overview-ingestion .state-error').first().waitFor({ timeout: ANALYSIS_MS });
    const trend = tab.locator('.trend');
    const ingestion = tab.locator('.ingestion');
    return {
      errors: await text('.state-error'),
      dau: await statistic('.stat-dau'),
      newUsers: await statistic('.stat-new-users'),
      eventsToday: await statistic('.stat-events-today'),
      noEventsToday: {
        count: await tab.locator('.no-events-today').count(),
        message: await one('.no-events-today .ant-alert-message'),
        description: await one('.no-events-today .ant-alert-description'),
      },
      trend: {
        days: Number(await trend.getAttribute('data-days')),
        first: await trend.getAttribute('data-first'),
        last: await trend.getAttribute('data-last'),
        svg: await tab.locator('.trend-chart svg').count(),
      },
      rate: await statistic('.stat-rate'),
      window: await one('.stat-window'),
      lag: await statistic('.stat-lag'),
      latest: await one('.stat-latest'),
      quarantineToday: await statistic('.stat-quarantine-today'),
      quarantineTodayCounts: await one('.stat-quarantine-today-counts'),
      quarantineWindow: await statistic('.stat-quarantine-window'),
      quarantineWindowCounts: await one('.stat-quarantine-window-counts'),
      ingestion: {
        minutes: Number(await ingestion.getAttribute('data-minutes')),
        first: await ingestion.getAttribute('data-first'),
        last: await ingestion.getAttribute('data-last'),
        svg: await tab.locator('.ingestion-chart svg').count(),
      },
      qualityLink: await tab.locator('.quality-link').getAttribute('href'),
    };
  };

  // Before anything was sent today: the demo data lies in the past.
  seen.before = await readOverview();
  await shoot('overview-no-events-today');

  // Records sent now, as a back end sends them (the key is the project's secret key).
  const records = fs.readFileSync(recordsFile, 'utf8');
  seen.posted = await tab.evaluate(
    async ({ records, key }) => {
      const answer = await fetch('/api/v1/events?project=demo', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: records,
      });
      return { status: answer.status, body: await answer.json() };
    },
    { records, key },
  );

  await tab.reload();
  seen.after = await readOverview();
  await shoot('overview');

  // The quarantine figure links to the data-quality page.
  await tab.locator('.quality-link').click();
  await tab.locator('.shell-title', { hasText: '数据质量' }).waitFor();
  await tab.locator('.payload').first().waitFor();
  seen.quality = { hash: await tab.evaluate(() => window.location.hash), reasons: await text('.ant-table-row') };

  // Sessions: the menu entry under the analyses; the default run, then the posted page views only.
  await tab.getByRole('link', { name: 'Session 分析' }).click();
  await tab.locator('.shell-title', { hasText: 'Session 分析' }).waitFor();
  await tab.locator('.session-summary, .analysis-error, .analysis-result .state-empty').first().waitFor({ timeout: ANALYSIS_MS });
  seen.sessionsMenu = await text('.ant-menu-title-content');
  seen.sessionsPageViews = await tab.locator('.analysis-form .form-line', { hasText: '页面属性' }).locator('.ant-select-selection-item').allInnerTexts();
  await tab.getByRole('button', { name: /添加筛选/ }).click();
  const row = tab.locator('.filter-editor > .ant-space-item').first();
  await row.locator('.ant-select').first().click();
  await tab.keyboard.type('page_id');
  await tab.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '(page_id)' }).first().click();
  await row.locator('.ant-select').nth(1).click();
  await tab.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '包含' }).first().click();
  await row.locator('input.ant-input').fill(pagePrefix);
  await Promise.all([
    tab.waitForResponse((response) => response.url().includes('/analyses/sessions'), { timeout: ANALYSIS_MS }),
    tab.locator('.run-analysis').click(),
  ]);
  await tab.locator('.run-analysis.ant-btn-loading').waitFor({ state: 'detached', timeout: ANALYSIS_MS });
  await tab.locator('.session-summary, .analysis-error, .analysis-result .state-empty').first().waitFor({ timeout: ANALYSIS_MS });
  seen.sessions = {
    error: await one('.analysis-error'),
    sessions: await statistic('.stat-sessions'),
    duration: await statistic('.stat-duration'),
    pages: await statistic('.stat-pages'),
    bounce: await statistic('.stat-bounce'),
    rows: await text('.session-table .ant-table-row'),
    dwell: await text('.dwell-table .ant-table-row'),
    charts: {
      sessions: await tab.locator('.sessions-chart svg').count(),
      hours: await tab.locator('.session-hours-chart svg').count(),
    },
    hourTitle: await one('.analysis-result h5'),
  };
  await shoot('sessions');

  // An empty range: the empty state, not a bare table of zeros.
  await tab.goto(`${baseUrl}/#/sessions?from=2016-01-01&to=2016-01-07`);
  await tab.locator('.analysis-result .state-empty, .session-summary, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.sessionsEmpty = await one('.analysis-result .state-empty');
  seen.pageErrors = pageErrors;
  console.log(JSON.stringify(seen));
} catch (error) {
  await fs.promises.writeFile(path.join(screenshotDir, 'overview-failure.html'), (await browser.contexts()[0]?.pages()[0]?.content()) ?? '');
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(screenshotDir, 'overview-failure.png'), fullPage: true });
  console.error(`overview run failed: ${error.message}; seen so far: ${JSON.stringify(seen)}; page errors: ${pageErrors}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
