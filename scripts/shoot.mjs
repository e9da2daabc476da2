// Screenshots of the demo for looking at the work: starts Vite on a free port, loads each path in Chromium.
// node scripts/shoot.mjs --path "/?scenario=expiring&lang=de" --width 1280 --out .cache/shot.png
//   [--height 900] [--wait 1200] [--full] [--click "css selector (pierces shadow roots)"] [--key Tab]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { chromiumPath } from './chromium-path.mjs';

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
    out: { type: 'string', default: '.cache/shot.png' },
    wait: { type: 'string', default: '1200' },
    full: { type: 'boolean', default: false },
    click: { type: 'string', multiple: true, default: [] },
    key: { type: 'string', multiple: true, default: [] },
  },
});

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${port}${values.path}`);
  await page.waitForTimeout(Number(values.wait));
  for (const selector of values.click) {
    await page.locator(selector).first().click();
    await page.waitForTimeout(400);
  }
  for (const key of values.key) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path: values.out, fullPage: values.full });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  await server.close();
}
