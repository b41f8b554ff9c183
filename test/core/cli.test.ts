import * as l10n from '@vscode/l10n';
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { globToRegExp } from '../../server/src/cli/files.js';
import { repoRoot } from '../support/helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd: repoRoot, stdout: (s) => { out += s + '\n'; }, stderr: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

describe('command line', () => {
  // the CLI configures the (global) message bundle; leave English behind for the other tests
  afterEach(() => l10n.config({ contents: {} }));

  it('prints JSON in the documented shape and exits 1 on an error finding', async () => {
    const r = await cli(['check', '--format', 'json', '--locale', 'en', 'test/fixtures/contracts/crlf-ziffer.avv.md', 'examples/*.avv.md']);
    assert.equal(r.code, 1);
    const reports = JSON.parse(r.out) as { path: string; diagnostics: Record<string, unknown>[] }[];
    assert.deepEqual(reports.map((x) => x.path), ['examples/beispiel.avv.md', 'test/fixtures/contracts/crlf-ziffer.avv.md']);
    const d = reports[1]!.diagnostics.find((x) => x['ruleId'] === 'dangling-reference')!;
    assert.deepEqual(Object.keys(d).sort(), ['message', 'norm', 'range', 'related', 'ruleId', 'severity']);
    assert.equal(d['severity'], 'error');
    assert.deepEqual(d['range'], { start: { line: 82, character: 46 }, end: { line: 82, character: 55 } });
    assert.match(String(d['message']), /"Ziffer 14" points to nothing/);
  });

  it('writes SARIF 2.1.0 with 1-based regions and rule metadata', async () => {
    const r = await cli(['check', '--format=sarif', 'test/fixtures/contracts/crlf-ziffer.avv.md']);
    const sarif = JSON.parse(r.out) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const res = sarif.runs[0]!.results.find((x) => x.ruleId === 'dangling-reference')!;
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0]!.physicalLocation.region, { startLine: 83, startColumn: 47, endLine: 83, endColumn: 56 });
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((x) => x.id === 'dangling-reference'));
  });

  it('prints German text by default and exits 0 without error findings', async () => {
    const r = await cli(['check', 'examples/beispiel.avv.md']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /1 Dateien geprüft: 0 Fehler/);
  });

  it('lets --rule and the front matter change severities', async () => {
    // the fixture's only errors: a dangling reference and a partial confidentiality clause
    const file = 'test/fixtures/contracts/crlf-ziffer.avv.md';
    type Out = { diagnostics: { ruleId: string; severity: string }[] }[];
    const before = await cli(['check', '--format', 'json', file]);
    assert.equal(before.code, 1);
    const r = await cli(['check', '--format', 'json', '--rule', 'dangling-reference=warning', '--rule', 'art28-3-b-confidentiality=off', file]);
    assert.equal(r.code, 0);
    const diagnostics = (JSON.parse(r.out) as Out)[0]!.diagnostics;
    assert.equal(diagnostics.find((d) => d.ruleId === 'dangling-reference')?.severity, 'warning');
    assert.ok(!diagnostics.some((d) => d.ruleId === 'art28-3-b-confidentiality'));
  });

  it('reports the coverage of every requirement in JSON and, with --coverage, as text', async () => {
    const json = await cli(['check', '--format', 'json', 'examples/beispiel.avv.md']);
    const coverage = (JSON.parse(json.out) as { coverage: Record<string, { status: string; group: string; ranges: unknown[] }> }[])[0]!.coverage;
    assert.equal(Object.keys(coverage).length, 44);
    assert.equal(coverage['art28-3-h-audits']!.status, 'present');
    assert.equal(coverage['art28-3-h-audits']!.group, 'art28');
    assert.ok(coverage['art28-3-h-audits']!.ranges.length > 0);
    assert.equal(coverage['sensitive-data-safeguards']!.status, 'n/a');
    const text = await cli(['check', '--coverage', '--locale', 'en', 'test/fixtures/contracts/sonderzeichen.avv.md']);
    assert.match(text.out, /^ {2}Art\. 28: \d+\/\d+ · further duties \d+\/\d+ · TOM annex \d+\/\d+$/mu);
    assert.match(text.out, /^ {4}◐ art28-3-g-delete-return – deletion of existing copies is not provided for$/mu);
    assert.match(text.out, /^ {4}✗ art28-4-flowdown$/mu);
    assert.equal((text.out.match(/^ {4}[✓◐✗–] /gmu) ?? []).length, 44);
  });

  it('applies the nearest .avvrc.json, --profile and --rule in this order, and names the file\'s problems', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-rc-'));
    const file = path.join(dir, 'v.avv.md');
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/contracts/sonderzeichen.avv.md'), file);
    type Out = { diagnostics: { ruleId: string; severity: string }[] }[];
    const severityOf = (r: { out: string }, id: string) => (JSON.parse(r.out) as Out)[0]!.diagnostics.find((d) => d.ruleId === id)?.severity;
    assert.equal(severityOf(await cli(['check', '--format', 'json', file]), 'art30-records'), 'info');
    fs.writeFileSync(path.join(dir, '.avvrc.json'), JSON.stringify({ profile: 'strict', rules: { 'art31-cooperation-sa': 'error', 'no-such-rule': 'off' } }));
    const rc = await cli(['check', '--format', 'json', file]);
    assert.equal(severityOf(rc, 'art30-records'), 'warning', 'strict profile of the file');
    assert.equal(severityOf(rc, 'art31-cooperation-sa'), 'error', 'rule of the file');
    assert.match(rc.err, /\.avvrc\.json: .*no-such-rule/u);
    const minimal = await cli(['check', '--format', 'json', '--profile', 'minimal', '--rule', 'art31-cooperation-sa=hint', file]);
    assert.equal(severityOf(minimal, 'art30-records'), undefined, '--profile replaces the file\'s profile');
    assert.equal(severityOf(minimal, 'art31-cooperation-sa'), 'hint', '--rule wins over the file');
    assert.equal((await cli(['check', '--profile', 'lax', file])).code, 2);
  });

  it('checks a batch on worker threads with the same result as in one thread', async function () {
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-batch-'));
    const sources = ['paragraphen.avv.md', 'crlf-ziffer.avv.md', 'frontmatter.avv.md'].map((f) => fs.readFileSync(path.join(repoRoot, 'test/fixtures/contracts', f), 'utf8'));
    for (let i = 0; i < 45; i++) fs.writeFileSync(path.join(dir, `v${String(i).padStart(2, '0')}.avv.md`), sources[i % 3]!.replace('Gegenstand', `Gegenstand ${i}`));
    fs.writeFileSync(path.join(dir, '.avvrc.json'), '{"profile":"strict","rules":{"unknown-rule":"off"}}');
    const run = async (jobs: string) => {
      let out = '';
      let err = '';
      const workerScript = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'bin.js');
      const code = await runCli(['check', '--format', 'json', '--jobs', jobs, dir], { cwd: repoRoot, workerScript, stdout: (x) => { out += x; }, stderr: (x) => { err += x + '\n'; } });
      return { code, out, err };
    };
    const [one, two] = [await run('1'), await run('2')];
    assert.equal(two.code, one.code, two.err);
    assert.equal(two.out, one.out);
    assert.equal((JSON.parse(two.out) as unknown[]).length, 45);
    assert.equal((two.err.match(/unknown-rule/g) ?? []).length, (one.err.match(/unknown-rule/g) ?? []).length);
    assert.ok(/unknown-rule/.test(two.err));
    assert.equal((await cli(['check', '--jobs', '0', dir])).code, 2);
  });

  it('rejects unknown options, formats and unmatched files with exit code 2', async () => {
    assert.equal((await cli(['check', '--frobnicate', 'x'])).code, 2);
    assert.equal((await cli(['check', '--format', 'xml', 'examples/beispiel.avv.md'])).code, 2);
    const none = await cli(['check', 'nowhere/*.avv.md']);
    assert.equal(none.code, 2);
    assert.match(none.err, /nowhere/);
  });

  it('exports HTML', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'avv-')), 'v.html');
    const r = await cli(['export', '--format', 'html', 'test/fixtures/contracts/paragraphen.avv.md', '-o', out]);
    assert.equal(r.code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /<h2 data-line="22" class="section level-1">§ 1 Gegenstand und Dauer des Auftrags<\/h2>/);
  });

  it('exports DOCX and PDF and imports a Word text export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-'));
    for (const format of ['docx', 'pdf']) {
      const out = path.join(dir, `v.${format}`);
      const r = await cli(['export', '--format', format, 'test/fixtures/contracts/paragraphen.avv.md', '-o', out]);
      assert.equal(r.code, 0, r.err);
      const head = fs.readFileSync(out).subarray(0, 4).toString('latin1');
      assert.equal(head, format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    const md = path.join(dir, 'import.avv.md');
    const r = await cli(['import', 'test/fixtures/contracts/word-export.txt', '-o', md]);
    assert.equal(r.code, 0, r.err);
    assert.match(fs.readFileSync(md, 'utf8'), /^## § 1 Gegenstand und Dauer des Auftrags$/m);
  });

  it('fixes a legacy contract: --dry-run prints a diff and writes nothing, --rule fixes one rule, --clauses adds clauses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-fix-'));
    const file = path.join(dir, 'alt.avv.md');
    const original = fs.readFileSync(path.join(repoRoot, 'test/fixtures/corpus/altvorlage-bdsg.avv.md'), 'utf8');
    fs.writeFileSync(file, original);
    type Out = { diagnostics: { ruleId: string }[] }[];
    const rules = async () => (JSON.parse((await cli(['check', '--format', 'json', file])).out) as Out)[0]!.diagnostics.map((d) => d.ruleId);
    const before = await rules();
    assert.ok(before.includes('out-safe-harbor') && before.includes('out-bdsg-af-9') && before.includes('art28-3-g-delete-return'));

    const dry = await cli(['fix', '--dry-run', '--locale', 'en', file]);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^-## Anlage – Maßnahmen nach § 9 BDSG$/m);
    assert.match(dry.out, /^\+## Anlage – Maßnahmen nach Art\. 32 DSGVO$/m);
    assert.match(dry.out, /: (\d+) of \1 findings would be fixed$/m, 'in the language asked for');
    assert.equal(fs.readFileSync(file, 'utf8'), original, '--dry-run writes nothing');

    const one = await cli(['fix', '--rule', 'out-term-sperrung', '--locale=de', file]);
    assert.match(one.out, /: 2 von 2 Befunden behoben$/m);
    const afterOne = await rules();
    assert.ok(!afterOne.includes('out-term-sperrung'));
    assert.equal(afterOne.filter((r) => r === 'out-bdsg-af-9').length, before.filter((r) => r === 'out-bdsg-af-9').length, 'other rules untouched');

    assert.equal((await cli(['fix', file])).code, 0);
    const mechanical = await rules();
    assert.ok(!mechanical.includes('out-bdsg-af-9') && mechanical.includes('art28-3-g-delete-return'), 'without --clauses no clause is inserted');
    assert.ok(mechanical.includes('out-safe-harbor'), 'a reference that needs a decision (which transfer mechanism?) stays');

    assert.equal((await cli(['fix', '--clauses', file])).code, 0);
    const withClauses = await rules();
    assert.ok(!withClauses.includes('art28-3-g-delete-return'));
    assert.ok(withClauses.length < mechanical.length);
    assert.equal((await cli(['fix', '--rule', 'no-such-rule', file])).code, 2);
    const complete = await cli(['fix', '--locale', 'en', 'test/fixtures/corpus/verantwortlicher-streng.avv.md']);
    assert.match(complete.out, /verantwortlicher-streng\.avv\.md: nothing to fix$/m);
  });

  it('expands ** and * globs', () => {
    const re = globToRegExp('/a/**/*.avv.md');
    assert.ok(re.test('/a/x.avv.md') && re.test('/a/b/c/x.avv.md'));
    assert.ok(!re.test('/a/x.md') && !re.test('/b/x.avv.md'));
  });

  it('runs as `npx avv` from the bundle', function () {
    this.timeout(60000);
    const out = execFileSync('npx', ['--no-install', 'avv', 'check', '--format', 'json', 'examples/beispiel.avv.md'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal((JSON.parse(out) as unknown[]).length, 1);
  });
});
