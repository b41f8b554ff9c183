import * as fs from 'node:fs';
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { findDataDir, loadKnowledge } from '../core/index.js';
import { startServer } from './server.js';

/** Entry point: `node server.js --stdio` (Neovim, Helix …) or `--node-ipc` (VS Code). */
export function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const dataDir = findDataDir(__dirname);
  const bundle = path.join(dataDir, '..', 'l10n', 'bundle.l10n.de.json');
  startServer(connection, {
    knowledge: loadKnowledge(dataDir),
    ...(fs.existsSync(bundle) ? { germanBundle: JSON.parse(fs.readFileSync(bundle, 'utf8')) as Record<string, string> } : {}),
  });
}

if (require.main === module) main();
