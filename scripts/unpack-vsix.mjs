// Unpacks the `extension/` folder of a .vsix into a directory: the extension exactly as VS Code installs it,
// so the end-to-end suite can run the packaged artifact instead of the repository.
//
// usage: node scripts/unpack-vsix.mjs <file.vsix> <targetDir>
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

const [vsix, target] = process.argv.slice(2);
if (!vsix || !target) {
  console.error('usage: node scripts/unpack-vsix.mjs <file.vsix> <targetDir>');
  process.exit(2);
}
const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
const root = path.resolve(target);
let files = 0;
for (const entry of Object.values(zip.files)) {
  if (entry.dir || !entry.name.startsWith('extension/')) continue;
  const out = path.resolve(root, entry.name.slice('extension/'.length));
  if (!out.startsWith(root + path.sep)) throw new Error(`entry outside the target: ${entry.name}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await entry.async('nodebuffer'));
  files++;
}
if (!fs.existsSync(path.join(root, 'package.json'))) throw new Error(`${vsix} has no extension/package.json`);
console.log(`unpacked ${files} files of ${vsix} into ${root}`);
