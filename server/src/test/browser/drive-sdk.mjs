// Drives the real sa-sdk-javascript in headless Chromium against a running collector.
// Usage: node drive-sdk.mjs <server url, e.g. http://127.0.0.1:8080/sa?project=demo> <image|ajax|beacon>
// Prints one JSON line: the anonymous id, the login id, and the collector requests the page made.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const [serverUrl, sendType] = process.argv.slice(2);
const sdk = fs.readFileSync(path.join(here, 'node_modules/sa-sdk-javascript/dist/web/sensorsdata.js'));
const page = fs
  .readFileSync(path.join(here, 'page.html'), 'utf8')
  .replace('SERVER_URL', JSON.stringify(serverUrl))
  .replace('SEND_TYPE', JSON.stringify(sendType));

// The page comes from its own origin, as a customer's site would: the collector is cross-origin.
const site = http.createServer((request, response) => {
  if (request.url.startsWith('/sensorsdata.js')) {
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk);
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  }
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  // A desktop Chrome user agent: Headless Chrome's own is (rightly) taken for a robot.
  const tab = await browser.newPage({
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  });
  const requests = [];
  const answered = [];
  tab.on('request', (r) => r.url().includes('/sa') && requests.push(`${r.method()} ${r.headers()['content-type'] || ''}`));
  tab.on('response', (r) => r.url().includes('/sa') && answered.push(r.status()));
  await tab.goto(`http://127.0.0.1:${site.address().port}/`);
  const anonymousId = await tab.evaluate(() => sensors.store.getDistinctId());
  await tab.click('#product');
  await tab.evaluate(() => sensors.login('login-' + sensors.store.getDistinctId().slice(-12)));
  await tab.evaluate(() => sensors.track('P2P_ClickProduct', { product_id: 'wy-180' }));
  const loginId = await tab.evaluate(() => sensors.store.getDistinctId());
  // Wait until every send was answered (image loads, ajax and beacon responses), at most 10 s.
  for (let waited = 0; waited < 10000 && answered.length < requests.length; waited += 100) {
    await tab.waitForTimeout(100);
  }
  console.log(JSON.stringify({ anonymousId, loginId, requests, answered }));
} finally {
  await browser.close();
  site.close();
}
