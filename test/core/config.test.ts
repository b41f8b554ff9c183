import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, countCoverage } from '../../server/src/core/index.js';
import { parseProjectConfig, profileOverrides, resolveSeverities } from '../../server/src/core/config/index.js';
import { ProjectConfigs } from '../../server/src/shared/projectConfig.js';
import { parse, parseFixture, testKnowledge } from '../support/helpers.js';

describe('profiles and .avvrc.json', () => {
  const k = testKnowledge();

  it('standard changes nothing; strict raises info requirements and outdated references to warning; minimal keeps the Art. 28 core', () => {
    assert.deepEqual(profileOverrides('standard', k), {});
    const strict = profileOverrides('strict', k);
    assert.equal(strict['art30-records'], 'warning'); // info in the catalogue
    assert.equal(strict['art28-3-h-audits'], undefined); // error stays error
    assert.equal(strict['numbering-gap'], undefined); // structure checks unchanged
    for (const [id, s] of Object.entries(strict)) assert.equal(s, 'warning', id);
    const minimal = profileOverrides('minimal', k);
    assert.equal(minimal['art30-records'], 'off');
    assert.equal(minimal['art32-1-d-review'], 'off');
    assert.equal(minimal['art28-3-h-audits'], undefined);
    assert.equal(minimal['art33-2-breach-notification'], undefined);
    assert.equal(minimal['dangling-reference'], undefined);
  });

  it('every requirement belongs to one group of the catalogue: 28 Art. 28, 12 further duties, 4 TOM', () => {
    const groups = [...k.rules.values()].filter((m) => m.kind === 'requirement').map((m) => m.group);
    assert.deepEqual([groups.filter((g) => g === 'art28').length, groups.filter((g) => g === 'duties').length, groups.filter((g) => g === 'tom').length], [28, 12, 4]);
  });

  it('reads a project file and reports what it cannot use, keeping the rest', () => {
    const { config, problems } = parseProjectConfig(JSON.stringify({
      $schema: './x.json', profile: 'strict', rules: { 'art30-records': 'off', 'no-such-rule': 'error', 'numbering-gap': 'loud' }, extra: 1,
    }), k);
    assert.deepEqual(config, { profile: 'strict', rules: { 'art30-records': 'off' } });
    assert.equal(problems.length, 3);
    assert.match(problems.map((p) => p.message).join('\n'), /no-such-rule[\s\S]*numbering-gap[\s\S]*extra/u);
    assert.equal(parseProjectConfig('{ "profile": ', k).problems.length, 1);
    assert.deepEqual(parseProjectConfig('\ufeff{"profile":"minimal"}', k).config, { profile: 'minimal' });
    assert.match(parseProjectConfig('{"profile":"lax"}', k).problems[0]!.message, /lax/u);
  });

  it('ranks profile < project rules < settings; an explicit settings profile replaces the file\'s', () => {
    const s = resolveSeverities(k, { profile: 'minimal', rules: { 'art30-records': 'warning', 'art31-cooperation-sa': 'error' } }, { rules: { 'art31-cooperation-sa': 'hint' } });
    assert.equal(s['art30-records'], 'warning');
    assert.equal(s['art31-cooperation-sa'], 'hint');
    assert.equal(s['art32-1-d-review'], 'off');
    assert.equal(resolveSeverities(k, { profile: 'minimal' }, { profile: 'standard' })['art32-1-d-review'], undefined);
  });

  it('the contract\'s front matter still wins over every configuration', () => {
    const text = '---\nregeln:\n  art28-3-h-audits: hint\n---\n\n## § 1 Gegenstand\n\nDer Auftragnehmer hostet die Website.\n';
    const { findings } = analyze(parse(text), k, { severities: resolveSeverities(k, { rules: { 'art28-3-h-audits': 'off' } }) });
    assert.equal(findings.find((f) => f.ruleId === 'art28-3-h-audits')?.severity, 'hint');
  });

  it('finds the nearest .avvrc.json upwards and forgets it on request', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'avvrc-'));
    const deep = path.join(root, 'kunden', 'a');
    fs.mkdirSync(deep, { recursive: true });
    const configs = new ProjectConfigs(k);
    assert.equal(configs.forFile(path.join(deep, 'v.avv.md')).file, undefined);
    fs.writeFileSync(path.join(root, '.avvrc.json'), '{"profile":"strict"}');
    assert.equal(configs.forFile(path.join(deep, 'v.avv.md')).file, undefined, 'cached until forgotten');
    configs.forget();
    const found = configs.forFile(path.join(deep, 'v.avv.md'));
    assert.equal(found.file, path.join(root, '.avvrc.json'));
    assert.deepEqual(found.config, { profile: 'strict' });
    fs.writeFileSync(path.join(root, 'kunden', '.avvrc.json'), '{"rules":{"art30-records":"off"}}');
    configs.forget();
    assert.deepEqual(configs.forFile(path.join(deep, 'v.avv.md')).config, { rules: { 'art30-records': 'off' } }, 'the nearest file applies alone');
  });
});

describe('coverage report of the analysis', () => {
  const k = testKnowledge();

  it('lists the 44 requirements in catalogue order with status, group and evidence', () => {
    const { coverage } = analyze(parseFixture('paragraphen.avv.md'), k);
    assert.equal(coverage.length, 44);
    assert.deepEqual(coverage.map((c) => c.id), [...k.rules.values()].filter((m) => m.kind === 'requirement').map((m) => m.id));
    const audits = coverage.find((c) => c.id === 'art28-3-h-audits')!;
    assert.equal(audits.group, 'art28');
    assert.equal(audits.status, 'present');
    assert.ok(audits.evidence.length > 0);
    assert.deepEqual(countCoverage(coverage, 'art28'), { present: 27, partial: 0, missing: 0, applicable: 27 });
  });

  it('names missing parts, anchors, directives with their reasons and switched-off rules', () => {
    const text = [
      '## § 1 Gegenstand', '', 'Der Auftragnehmer hostet die Website des Auftraggebers.', '',
      '<!-- avv-not-applicable art30-records -- Kleinstunternehmen, Art. 30 Abs. 5 DSGVO -->', '',
      '## § 2 Löschung', '',
      '<!-- avv-disable-next-line art28-3-g-delete-return -- im Hauptvertrag § 9 geregelt -->',
      'Nach Ende des Auftrags löscht der Auftragnehmer alle Daten.', '',
    ].join('\n');
    const { coverage, findings } = analyze(parse(text), k, { severities: { 'art31-cooperation-sa': 'off' } });
    const byId = new Map(coverage.map((c) => [c.id, c]));
    assert.equal(byId.get('art30-records')!.status, 'n/a');
    assert.deepEqual(byId.get('art30-records')!.asserted, { verb: 'not-applicable', reason: 'Kleinstunternehmen, Art. 30 Abs. 5 DSGVO', range: byId.get('art30-records')!.asserted!.range });
    const g = byId.get('art28-3-g-delete-return')!;
    assert.equal(g.status, 'partial');
    assert.ok(g.missing.length > 0);
    assert.equal(g.suppressed?.reason, 'im Hauptvertrag § 9 geregelt');
    assert.ok(!findings.some((f) => f.ruleId === 'art28-3-g-delete-return'), 'the finding itself is silenced');
    assert.equal(byId.get('art31-cooperation-sa')!.severity, 'off');
    assert.equal(byId.get('art31-cooperation-sa')!.status, 'missing', 'coverage is reported although the rule is off');
    const h = byId.get('art28-3-h-audits')!;
    assert.equal(h.status, 'missing');
    assert.ok(h.anchor, 'a missing requirement knows where it belongs');
  });
});
