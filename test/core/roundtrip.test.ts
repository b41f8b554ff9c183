import { strict as assert } from 'node:assert';
import type { Section, Table } from '../../server/src/core/index.js';
import { importDocx } from '../../server/src/core/import/index.js';
import { unwrapSimpleFields } from '../../server/src/core/import/docx.js';
import { exportContract } from '../../server/src/core/render/export.js';
import { parse, parseFixture } from '../support/helpers.js';

/**
 * Round trip: a contract exported to DOCX by the export feature and imported again gives back the same
 * model — sections with their numbers and titles, annexes, tables (header and rows), parties.
 */
interface Outline {
  sections: string[];
  annexes: string[];
  tables: { header: string[]; rows: number }[];
  parties: string[];
}

const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();

function outline(parsed: ReturnType<typeof parse>): Outline {
  const walk = (list: readonly Section[]): string[] => list.flatMap((s) => [`${s.level}|${norm(s.label)}|${norm(s.title)}`, ...(s.kind === 'annex' ? [] : walk(s.children.filter((c) => c.title)))]);
  return {
    sections: walk(parsed.model.sections),
    annexes: parsed.model.annexes.map((a) => `${norm(a.label)}|${norm(a.title)}`),
    tables: parsed.model.tables.map((t: Table) => ({ header: t.header.map((c) => norm(c.text)), rows: t.rows.length })),
    parties: parsed.model.parties.map((p) => `${p.role}|${norm(p.name)}`),
  };
}

describe('DOCX round trip (export, then import)', function () {
  this.timeout(60000);
  for (const name of ['paragraphen.avv.md', 'dezimal.avv.md', 'roemisch.avv.md', 'crlf-ziffer.avv.md', 'frontmatter.avv.md']) {
    it(`${name}: the same sections, numbers, annexes, tables and parties`, async () => {
      const original = parseFixture(name);
      const { data } = await exportContract(original, 'docx');
      const { markdown } = await importDocx(data);
      const back = outline(parse(markdown));
      const expected = outline(original);
      assert.ok(expected.sections.length > 5 && expected.annexes.length > 0, 'a contract with structure');
      assert.deepEqual(back.sections, expected.sections);
      assert.deepEqual(back.annexes, expected.annexes);
      assert.deepEqual(back.tables, expected.tables);
      assert.deepEqual(back.parties, expected.parties);
    });
  }

  it('keeps the text of Word fields (cross references) and restarts lists that Word restarts', async () => {
    const { data } = await exportContract(parseFixture('paragraphen.avv.md'), 'docx');
    const { markdown, report } = await importDocx(data);
    assert.ok(markdown.includes('Die Pflichten nach § 4 Abs. 1 und § 10 gelten'), 'REF fields keep their result text');
    assert.ok(markdown.includes('(4) Kategorien betroffener Personen sind:\na) Abonnenten'), 'the second letter list starts at a)');
    assert.ok(!report.some((r) => /fldSimple/u.test(r.message)), JSON.stringify(report));
  });

  it('unwraps simple fields, nested ones too, and drops empty ones', () => {
    const xml = '<w:p><w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>§ 4</w:t></w:r></w:fldSimple> und <w:fldSimple w:instr="PAGE"/>'
      + '<w:fldSimple w:instr="A"><w:fldSimple w:instr="B"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:fldSimple></w:p>';
    assert.equal(unwrapSimpleFields(xml), '<w:p><w:r><w:t>§ 4</w:t></w:r> und <w:r><w:t>x</w:t></w:r></w:p>');
  });
});
