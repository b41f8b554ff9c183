import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let docsDir: string | undefined;

/** The rule's documentation page (docs/rules/<id>.md, shipped with the extension): offline, opens in the editor. */
export function ruleDocumentationUrl(ruleId: string): string {
  docsDir ??= findDocs(__dirname);
  return pathToFileURL(path.join(docsDir, 'rules', `${ruleId}.md`)).toString();
}

function findDocs(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return path.join(dir, 'docs');
    if (path.dirname(dir) === dir) return path.join(start, '..', 'docs');
  }
}
