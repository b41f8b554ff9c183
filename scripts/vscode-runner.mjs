// Runs an extension test module (extensionTestsPath, exporting run()) inside code-server's Node extension
// host: opens the workbench in headless Debian chromium with the `payload` URL parameter, relays the
// extension host's console (the mocha report) and exits with the suite's result.
// code-server must have been started with `--vscode-option enable-smoke-test-driver` (scripts/e2e-env.sh).
//
// usage: node scripts/vscode-runner.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>
// env:   AVV_E2E_PLAYWRIGHT (playwright-core folder), AVV_E2E_CHROMIUM, AVV_E2E_TIMEOUT (seconds, default 300),
//        AVV_E2E_CONSOLE_LOG (file that receives every console message of the page, for debugging)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import util from 'node:util';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** playwright-core from the e2e cache (it is not a dependency of the project). */
export function loadChromium() {
  const dir = process.env.AVV_E2E_PLAYWRIGHT;
  if (!dir) throw new Error('AVV_E2E_PLAYWRIGHT is not set (run through scripts/test-vscode.sh)');
  return createRequire(path.join(dir, 'package.json'))(dir).chromium;
}

/** The workbench URL that opens `folder` and, when given, loads a development extension and its tests. */
export function workbenchUrl(base, folder, { devPath, testsPath } = {}) {
  const host = new URL(base).host; // code-server's remote authority is its host:port
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true']];
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The suite (test/integration/index.ts) marks its report lines, so they stand out from the workbench's own logging. */
export const REPORT_MARK = '[avv-e2e] ';

/** Re-formats a console message of the page: forwarded logs arrive as '%c INFO', css, fmt, args… */
async function consoleText(message) {
  let args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?')));
  if (args.length === 0) return message.text();
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
  return util.format(...args);
}

async function main() {
  const [base, folder, devPath, testsPath] = process.argv.slice(2);
  if (!testsPath) throw new Error('usage: vscode-runner.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>');
  const timeoutMs = Number(process.env.AVV_E2E_TIMEOUT ?? 300) * 1000;
  const consoleLog = process.env.AVV_E2E_CONSOLE_LOG ? fs.createWriteStream(process.env.AVV_E2E_CONSOLE_LOG) : undefined;
  const t0 = Date.now();
  const browser = await loadChromium().launch({ executablePath: process.env.AVV_E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // the workbench calls window.codeAutomationExit(code) once the test module's run() has settled
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    page.on('console', async (message) => {
      const text = await consoleText(message);
      consoleLog?.write(`[${message.type()}] ${text}\n`);
      for (const line of text.split('\n')) if (line.startsWith(REPORT_MARK)) process.stdout.write(`${line.slice(REPORT_MARK.length)}\n`);
    });
    page.on('pageerror', (err) => consoleLog?.write(`[pageerror] ${err.message}\n`));
    await page.goto(workbenchUrl(base, folder, { devPath, testsPath }));
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') console.error(`vscode-runner: no result after ${timeoutMs / 1000}s (is enable-smoke-test-driver set? see the console log)`);
    console.error(`vscode-runner: extension host exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser.close();
    consoleLog?.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then((code) => process.exit(code), (err) => {
    console.error(`vscode-runner: ${err.stack ?? err}`);
    process.exit(1);
  });
}
