// Opens every page of the console on the demo project as a first-time user would, right after
// `scripts/start.sh`: signed in, nothing typed but a funnel's steps, default time ranges. Records
// what each page shows, so that DemoConsoleIT can check that none of them is empty, and saves a
// screenshot of each. Usage: node drive-demo.mjs <server base url> <screenshot dir> <username> <password>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, username, password] = process.argv.slice(2);
fs.mkdirSync(screenshotDir, { recursive: true });
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
  tab.setDefaultTimeout(20_000);
  tab.on('pageerror', (error) => pageErrors.push(String(error)));
  const shoot = (name) =>
    tab.screenshot({ path: path.join(screenshotDir, `demo-${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector) => tab.locator(selector).allInnerTexts();
  const count = (selector) => tab.locator(selector).count();
  const errorText = async () =>
    (await count('.analysis-error')) > 0 ? await tab.locator('.analysis-error').innerText() : null;

  await tab.goto(`${baseUrl}/`);
  await tab.locator('#signin-username').fill(username);
  await tab.locator('#signin-password').fill(password);
  await tab.locator('#signin-password').press('Enter');
  await tab.locator('.shell-user-name').waitFor();
  // The overview: the demo ends yesterday, so today has only the faulty release's records, which
  // the quarantine rate shows; the 30-day trend shows the demo.
  await tab.locator('.overview-users .trend').waitFor({ timeout: ANALYSIS_MS });
  await tab.locator('.stat-quarantine-today').waitFor({ timeout: ANALYSIS_MS });
  seen.overview = {
    trendDays: await tab.locator('.overview-users .trend').getAttribute('data-days'),
    trendCharts: await count('.overview-users .chart svg'),
    quarantineToday: await tab.locator('.stat-quarantine-today .ant-statistic-content').innerText(),
  };
  await shoot('overview');

  // Event analysis as it opens: PV and UV of the last 7 days.
  await tab.goto(`${baseUrl}/#/events`);
  await tab.locator('.event-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.events = { error: await errorText(), totals: await text('.analysis-table .ant-table-row .total-cell') };
  await shoot('events');

  // Sessions as the page opens: the last 7 days.
  await tab.goto(`${baseUrl}/#/sessions`);
  await tab.locator('.session-summary, .analysis-error, .analysis-result .state-empty').first().waitFor({ timeout: ANALYSIS_MS });
  seen.sessions = {
    error: await errorText(),
    sessions: (await count('.stat-sessions')) > 0 ? await tab.locator('.stat-sessions .ant-statistic-content').innerText() : null,
  };
  await shoot('sessions');

  // Segments: the case study's segment, saved with the demo, and its snapshot.
  await tab.goto(`${baseUrl}/#/segments`);
  await tab.locator('.saved-segments-table .ant-table-row, .saved-segments .state-empty').first().waitFor();
  seen.segments = { saved: await text('.saved-segments-table .ant-table-row') };
  await shoot('segments');

  // The account funnel of the case study, with its default window over the last 7 days.
  await tab.goto(`${baseUrl}/#/funnels?steps=SignUp,RealNameVerify,BindCard,Deposit,P2P_InvestSuccess`);
  await tab.locator('.funnel-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.funnels = { error: await errorText(), rows: await text('.analysis-table .ant-table-row') };
  await shoot('funnels');

  // Who reached the card binding: one of them, on the customer-service page.
  await tab.locator('.analysis-table .drill-reached[data-step="3"]').click();
  await tab.locator('.drill-drawer .drill-user').first().waitFor({ timeout: ANALYSIS_MS });
  await tab.locator('.drill-drawer .drill-user').first().click();
  await tab.locator('.customer-summary').waitFor();
  await tab.locator('.event-item').first().waitFor();
  seen.customer = {
    summary: await tab.locator('.customer-summary').innerText(),
    events: await count('.event-item'),
    properties: await count('.event-item .event-properties .ant-descriptions-item'),
    failed: await count('.event-failed'),
  };
  await shoot('customer');

  await tab.goto(`${baseUrl}/#/retention`);
  await tab.locator('.retention-chart svg, .analysis-error, .analysis-result .state-empty').first().waitFor({ timeout: ANALYSIS_MS });
  seen.retention = {
    error: await errorText(),
    rows: await count('.retention-table .ant-table-row'),
    empty: await count('.analysis-result .state-empty'),
  };
  await shoot('retention');

  await tab.goto(`${baseUrl}/#/distributions`);
  await tab.locator('.per-user-chart svg, .analysis-error').first().waitFor({ timeout: ANALYSIS_MS });
  seen.distributions = {
    error: await errorText(),
    charts: await count('.analysis-result .chart svg'),
    empty: await count('.analysis-result .state-empty'),
  };
  await shoot('distributions');

  await tab.goto(`${baseUrl}/#/plan`);
  await tab.locator('.ant-tabs-tabpane-active .ant-table-row').first().waitFor();
  seen.plan = { events: await count('.ant-tabs-tabpane-active .ant-table-row') };
  await shoot('plan');

  await tab.goto(`${baseUrl}/#/quality`);
  await tab.locator('.ant-table-row, .state-empty').first().waitFor();
  seen.quality = { reasons: await text('.ant-table-row') };
  await shoot('quality');
} finally {
  await browser.close();
}
seen.pageErrors = pageErrors;
console.log(JSON.stringify(seen));
