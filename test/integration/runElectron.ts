/**
 * Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines that can
 * download VS Code or have one installed (set VSCODE_EXECUTABLE to its binary to skip the download).
 * Here (no network for that download) use scripts/test-vscode.sh, which runs the same suite in code-server.
 *
 *   npm run build && npx tsc -p test/integration && node out/integration/runElectron.js
 * On Linux without a display, wrap it in `xvfb-run -a`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..');
  for (const bundle of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(repoRoot, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-electron-'));
  const executable = process.env['VSCODE_EXECUTABLE'];
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      launchArgs: [
        path.join(repoRoot, 'test', 'fixtures'),
        '--disable-extensions', // runTests adds --skip-welcome, --disable-workspace-trust and the dev/tests paths
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
