// UI check (not part of CI): drives the real workbench with playwright-core like a person would and writes
// screenshots of the Problems panel, a hover, the completion list, the preview and its compliance panel to out/screenshots/.
// Selectors follow code-server 4.139 (Code 1.139); they are the brittle layer, hence not in CI.
//
// usage: scripts/test-vscode.sh --ui-check      (starts code-server, then runs this file)
//        node scripts/ui-check.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath>
// The workspace folder must hold a copy of test/fixtures/contracts/crlf-ziffer.avv.md: the check types into it.
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, loadChromium, workbenchUrl } from './vscode-runner.mjs';

const [base, folder, devPath] = process.argv.slice(2);
if (!devPath) throw new Error('usage: ui-check.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath>');
const FILE = 'crlf-ziffer.avv.md';
const shots = path.resolve(devPath, 'out', 'screenshots');
const original = fs.readFileSync(path.join(devPath, 'test', 'fixtures', 'contracts', FILE), 'utf8');
if (path.resolve(folder) === path.resolve(devPath, 'test', 'fixtures', 'contracts')) throw new Error('give ui-check a copy of the fixtures: it edits the contract');
fs.mkdirSync(shots, { recursive: true });

const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
let failures = 0;
const check = (name, ok, detail = '') => {
  log(ok ? 'PASS' : 'FAIL', name, detail);
  if (!ok) failures++;
};
const oneLine = (s) => JSON.stringify(s.replace(/\s+/g, ' ').trim().slice(0, 160));

const browser = await loadChromium().launch({ executablePath: process.env.AVV_E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

/** A screenshot of `locator`'s box with some room around it, clipped to the viewport. */
async function shotAround(locator, file, pad = { x: 260, y: 120 }) {
  const b = await locator.boundingBox();
  if (!b) {
    // the widget closed between the check and the picture (a slow machine): take the whole window instead
    await page.screenshot({ path: path.join(shots, file) });
    return;
  }
  const x = Math.max(0, b.x - pad.x), y = Math.max(0, b.y - pad.y);
  const clip = { x, y, width: Math.min(1280 - x, b.width + 2 * pad.x), height: Math.min(800 - y, b.height + 2 * pad.y) };
  await page.screenshot({ path: path.join(shots, file), clip });
}

async function goTo(lineColumn) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
}

try {
  // extensionDevelopmentPath without tests: the extension runs from the repo, as under F5
  await page.goto(workbenchUrl(base, folder, { devPath }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).click({ timeout: 30000 });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30000 });
  log('editor open');
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: 'AVV' }).waitFor({ timeout: 15000 }).catch(() => {});
  check('language mode', /AVV/.test(await mode.innerText().catch(() => '')), oneLine(await mode.innerText().catch(() => '?')));

  // 1. Problems panel, with the editor scrolled to the finding
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Ziffer 14' });
  await row.first().waitFor({ timeout: 30000 });
  await row.first().click({ position: { x: 80, y: 10 } }); // the message, not the rule link (which opens the rule page)
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 15000 });
  await page.mouse.move(700, 700); // away from the row, or its tooltip shows up in later pictures
  await page.waitForTimeout(500); // let the reveal animation finish before the picture
  const problems = await page.locator('.markers-panel').innerText();
  check('Problems panel lists dangling-reference', problems.includes('dangling-reference') && problems.includes('[Ln 83, Col 47]'), oneLine(problems));
  await page.screenshot({ path: path.join(shots, '1-problems.png') });

  // 2. hover on the citation "Art. 28 DSGVO" (line 13); Ctrl+K Ctrl+I shows the hover at the cursor
  await page.keyboard.press('Control+1'); // focus the editor again (the Problems panel has it)
  await goTo('13:121');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Auftragsverarbeiter' }).first();
  await hover.waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForTimeout(300);
  check('hover names Art. 28 DSGVO – Auftragsverarbeiter', /Art\. 28 DSGVO\s*–\s*Auftragsverarbeiter/.test(await hover.innerText()), oneLine(await hover.innerText()));
  await shotAround(hover, '2-hover.png');
  await page.keyboard.press('Escape');

  // 3. completion after "Art. 2" on the empty line 16 (typed, never saved: hot exit is off in the profile)
  await goTo('16');
  await page.keyboard.type('Die Pflichten folgen aus Art. 2');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await suggest.locator('.monaco-list-row', { hasText: 'Art. 28 DSGVO' }).first().waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForTimeout(300);
  check('completion lists Art. 28 DSGVO', (await suggest.innerText()).includes('Art. 28 DSGVO'), oneLine(await suggest.innerText()));
  await shotAround(suggest, '3-completion.png', { x: 200, y: 60 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.type('File: Revert File');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Revert File' }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line', { hasText: 'Die Pflichten folgen aus' }).waitFor({ state: 'detached', timeout: 10000 });

  // 4. preview to the side (Ctrl+K V), a webview rendered from the same parse
  await page.keyboard.press('Control+K');
  await page.keyboard.press('V');
  const webview = page.locator('iframe.webview');
  await webview.first().waitFor({ state: 'attached', timeout: 20000 });
  const frame = page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
  const heading = frame.locator('h1, h2, h3').filter({ hasText: 'Ziffer 1' }).first();
  const seen = await heading.waitFor({ timeout: 20000 }).then(() => true, () => false);
  check('preview renders the contract', seen, seen ? oneLine(await heading.innerText()) : '');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, '4-preview.png') });

  // 5. the preview's compliance panel: every requirement with ✓ / ◐ / ✗
  const panel = frame.locator('aside.compliance');
  const hasPanel = await panel.waitFor({ timeout: 10000 }).then(() => true, () => false);
  const present = await panel.locator('li.present').count();
  const open = panel.locator('li.partial, li.missing');
  const gaps = await open.count();
  // the marks ✓ ◐ ✗ are CSS ::before content: count the entries by their status class
  if (gaps > 0) await open.first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  check('preview shows the compliance panel', hasPanel && present > 0 && gaps > 0, `${present} present, ${gaps} partial or missing`);
  await page.screenshot({ path: path.join(shots, '5-compliance.png') });
} catch (err) {
  failures++;
  log('ERROR', err.message.split('\n')[0]);
  await page.screenshot({ path: path.join(shots, 'error.png') }).catch(() => {});
} finally {
  await browser.close();
}
// the typed text must never reach the disk (it is reverted in the editor and never saved)
const after = fs.readFileSync(path.join(folder, FILE), 'utf8');
check('the contract on disk is unchanged', after === original, after === original ? '' : 'the workbench saved typed text');
log(failures ? `${failures} check(s) failed` : 'all checks passed', `screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
