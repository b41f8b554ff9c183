/**
 * Entry point that a VS Code extension host loads as `extensionTestsPath` (code-server's payload or
 * @vscode/test-electron): it must export `run()` and settle when the suite is done.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/**
 * Prints a report line. In code-server (AVV_E2E_MARK set by scripts/test-vscode.sh) the extension host's
 * console reaches the runner mixed with the workbench's own logging, so each line carries a mark.
 */
export function report(...args: unknown[]): void {
  const mark = process.env['AVV_E2E_MARK'];
  const text = util.format(...args);
  console.log(mark ? text.split('\n').map((l) => mark + l).join('\n') : text);
}

export function run(): Promise<void> {
  // the spec reporter writes through Base.consoleLog
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30000 });
  const grep = process.env['AVV_E2E_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      // the plain closing line CI reads, whichever host printed it
      report(`vscode-integration: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (passes === 0) reject(new Error('no integration test ran'));
      else resolve();
    });
  });
}
