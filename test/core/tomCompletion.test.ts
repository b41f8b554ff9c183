import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Completion } from '../../server/src/core/features/completion.js';
import { findTomEntry, tomCompletions, tomDocumentation, tomHover } from '../../server/src/core/features/tomCompletion.js';
import { loadTomCatalogue, type TomCatalogueEntry } from '../../server/src/core/knowledge/tom.js';
import type { Position } from '../../server/src/core/model/types.js';
import { parse, repoRoot } from '../support/helpers.js';

const catalogue = loadTomCatalogue(path.join(repoRoot, 'data'));
const entry = (id: string): TomCatalogueEntry => {
  const found = catalogue.entries.find((e) => e.id === id);
  assert.ok(found, id);
  return found;
};

const CURSOR = '‸';
/** Parses `text` without its cursor marker and returns the marker's position. */
function atCursor(text: string): { text: string; position: Position } {
  const index = text.indexOf(CURSOR);
  assert.ok(index >= 0, 'cursor marker missing');
  const lines = text.slice(0, index).split('\n');
  return { text: text.replace(CURSOR, ''), position: { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length } };
}
function complete(text: string): { items: Completion[]; position: Position } {
  const { text: plain, position } = atCursor(text);
  const items = tomCompletions(parse(plain), position, catalogue).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  return { items, position };
}

const HEAD = ['# Auftragsverarbeitungsvertrag', '', '## § 1 Gegenstand', '', '(1) Der Auftragnehmer verarbeitet personenbezogene Daten im Auftrag.', ''];
const annex = (...body: string[]): string => [...HEAD, '## Anlage 1 – Technische und organisatorische Maßnahmen', '', ...body, ''].join('\n');

describe('TOM catalogue completions', () => {
  describe('context', () => {
    const cases: Array<[string, string, number]> = [
      ['empty line in the main part', [...HEAD.slice(0, 5), CURSOR, '## Anlage 1 – Technische und organisatorische Maßnahmen', '', '- Firewall'].join('\n'), 0],
      ['heading line of the annex', [...HEAD, `## Anlage 1 – Technische und organisatorische Maßnahmen${CURSOR}`, '', '- Firewall'].join('\n'), 0],
      ['inside a paragraph of the annex', annex(`Die folgenden Maßnahmen${CURSOR} gelten für alle Standorte.`), 0],
      ['end of a paragraph line of the annex', annex(`Die folgenden Maßnahmen gelten für alle Standorte.${CURSOR}`), 0],
      ['list item with text after the cursor', annex(`- Fire${CURSOR}wall`), 0],
      ['empty line in the annex', annex('- Firewall', CURSOR), catalogue.entries.length],
      ['blank line after the last measure at the end of the file', annex('- Firewall', '', CURSOR), catalogue.entries.length],
      ['list item in the annex', annex(`- Pass${CURSOR}`), catalogue.entries.length],
      ['empty line in a sub-processor annex', [...HEAD, '## Anlage 2 – Unterauftragnehmer', '', CURSOR, ''].join('\n'), 0],
      ['empty line in a TOM section of the main part', [...HEAD, '## § 5 Technische und organisatorische Maßnahmen', '', '- Firewall', CURSOR, '', '## § 6 Haftung', '', '(1) Text.'].join('\n'), catalogue.entries.length],
      ['empty numbered item after the last measure', annex('1. Firewall', `2. ${CURSOR}`), catalogue.entries.length],
      ['empty line after a TOM section, in the next section', [...HEAD, '## § 5 Technische und organisatorische Maßnahmen', '', '- Firewall', '', '## § 6 Haftung', '', CURSOR].join('\n'), 0],
    ];
    for (const [label, text, count] of cases) {
      it(`${label}: ${count} items`, () => {
        assert.equal(complete(text).items.length, count);
      });
    }
  });

  describe('category of the heading above the cursor comes first', () => {
    const classic = (heading: string) => annex(`### ${heading}`, '', '- Maßnahme', CURSOR);
    const cases: Array<[string, string, string[]]> = [
      ['classic Zutrittskontrolle', classic('1. Zutrittskontrolle'), ['ZT']],
      ['classic Zugangskontrolle (BDSG a. F.: user access)', classic('2. Zugangskontrolle'), ['ZG']],
      ['classic Zugriffskontrolle', classic('3. Zugriffskontrolle'), ['ZF']],
      ['Trennungsgebot', classic('8. Trennungsgebot'), ['TR']],
      ['§ 64 Zugangskontrolle (physical access)', annex('### Nr. 1 Zugangskontrolle', '', '- Maßnahme', CURSOR, '', '### Nr. 4 Benutzerkontrolle', '', '- Maßnahme'), ['ZT']],
      ['§ 64 Benutzerkontrolle', annex('### Nr. 1 Zugangskontrolle', '', '- Maßnahme', '', '### Nr. 4 Benutzerkontrolle', '', '- Maßnahme', CURSOR), ['ZG']],
      ['§ 64 Datenträgerkontrolle', annex('### Nr. 2 Datenträgerkontrolle', '', '- Maßnahme', CURSOR), ['ZF']],
      ['§ 64 Wiederherstellbarkeit', annex('### Nr. 9 Wiederherstellbarkeit', '', '- Maßnahme', CURSOR), ['WH']],
      ['Art. 32 Pseudonymisierung und Verschlüsselung', classic('I. Pseudonymisierung und Verschlüsselung'), ['PV']],
      ['Art. 32 Vertraulichkeit', classic('II. Vertraulichkeit'), ['ZT', 'ZG', 'ZF', 'WG', 'TR']],
      ['Art. 32 Integrität', classic('III. Integrität'), ['WG', 'EK', 'DI']],
      ['Art. 32 Verfügbarkeit und Belastbarkeit', classic('IV. Verfügbarkeit und Belastbarkeit'), ['VF']],
      ['Art. 32 regelmäßige Überprüfung', classic('VI. Verfahren zur regelmäßigen Überprüfung, Bewertung und Evaluierung'), ['ÜB']],
      ['Betroffenenrechte', classic('VII. Betroffenenrechte'), ['BR']],
      ['bold heading', annex('**Zutrittskontrolle**', '', '- Maßnahme', CURSOR), ['ZT']],
      ['unknown heading', classic('Sonstiges'), []],
      ['no heading below the annex title', annex('- Maßnahme', CURSOR), []],
    ];
    for (const [label, text, codes] of cases) {
      it(`${label} → ${codes.join(', ') || 'none'}`, () => {
        const { items } = complete(text);
        const first = items.filter((c) => c.sortText?.startsWith('0'));
        const byDetail = (c: Completion) => (c.detail ?? '').split(' – ')[0];
        assert.deepEqual([...new Set(first.map(byDetail))].sort(), [...codes].sort());
        assert.equal(first.length, catalogue.entries.filter((e) => codes.includes(e.category)).length);
        assert.deepEqual(items.slice(0, first.length), first, 'preferred entries sort first');
      });
    }

    it('orders the rest by category, then catalogue order', () => {
      const { items } = complete(annex('### 1. Zutrittskontrolle', '', CURSOR));
      assert.deepEqual(items.slice(0, 3).map((c) => c.label), ['Elektronisches Schließsystem', 'Schlüsselverwaltung', 'Besucherregelung']);
      const rest = items.filter((c) => c.sortText?.startsWith('1'));
      assert.deepEqual(rest.slice(0, 2).map((c) => c.label), ['Passwortrichtlinie', 'Mehr-Faktor-Authentisierung']);
      assert.equal(rest[rest.length - 1]?.label, 'Datenexport in gängigem Format');
    });
  });

  describe('entries already in the annex', () => {
    const text = annex(
      '### 1. Zutrittskontrolle',
      '',
      '- Elektronisches Schließsystem mit personalisierten Transpondern',
      '- Clear-Screen-Regel für alle Arbeitsplätze',
      '',
      '### 2. Zugangskontrolle',
      '',
      '1. Mehr-Faktor-Authentisierung für administrative Zugänge',
      '2. Firewall mit restriktiven Regeln',
      `3. Passwortrichtlinie${CURSOR}`,
    );

    it('are marked " ✓ present", sort last, and the line being typed does not count', () => {
      const { items } = complete(text);
      const present = items.filter((c) => c.sortText?.startsWith('2'));
      assert.deepEqual(present.map((c) => c.label), [
        'Elektronisches Schließsystem ✓ present',
        'Mehr-Faktor-Authentisierung ✓ present',
        'Firewall/Segmentierung ✓ present',
        'Clean Desk/Clear Screen ✓ present',
      ]);
      assert.deepEqual(items.slice(-4), present);
      const pw = items.find((c) => c.textEdit.newText.startsWith('Passwortrichtlinie:'));
      assert.equal(pw?.label, 'Passwortrichtlinie');
      assert.equal(pw?.sortText?.[0], '0');
    });

    it('a measure written with other words is not taken for a catalogue entry', () => {
      assert.equal(findTomEntry('Besucher werden am Empfang abgeholt', catalogue), undefined);
      assert.equal(findTomEntry('Verschlüsselung von Datenbanken mit AES-256', catalogue), undefined);
      assert.equal(findTomEntry('Verschlüsselung gespeicherter Daten mit AES-256', catalogue)?.id, 'tom-pv-ruhe');
      assert.equal(findTomEntry('Sicherheitszonen für Büro und Technik', catalogue)?.id, 'tom-zt-zonen');
    });
  });

  describe('inserted text follows the surrounding list', () => {
    const pw = entry('tom-zg-passwort');
    const insert = `${pw.title}: ${pw.description}`;
    // [label, annex body with cursor, range start character, range end character, inserted prefix]
    const cases: Array<[string, string[], number, number, string]> = [
      ['dash list, empty line', ['- Firewall', CURSOR], 0, 0, '- '],
      ['asterisk list, empty line', ['* Firewall', CURSOR], 0, 0, '* '],
      ['plus list, empty line', ['+ Firewall', CURSOR], 0, 0, '+ '],
      ['bullet character •, empty line', ['• Firewall', CURSOR], 0, 0, '• '],
      ['numbered list continues', ['1. Firewall', '2. Virenschutz', CURSOR], 0, 0, '3. '],
      ['numbered list with ")" continues', ['1) Firewall', CURSOR], 0, 0, '2) '],
      ['numbered list across a blank line', ['9. Firewall', '', CURSOR], 0, 0, '10. '],
      ['checked checkbox', ['- [x] Firewall', CURSOR], 0, 0, '- [x] '],
      ['unchecked checkbox becomes checked', ['- [ ] Firewall', CURSOR], 0, 0, '- [x] '],
      ['nested list keeps its indentation', ['- Netz', '  - Firewall', CURSOR], 0, 0, '  - '],
      ['typed indentation wins', ['- Netz', '  - Firewall', `    ${CURSOR}`], 4, 4, '- '],
      ['list only below the cursor', ['Die Maßnahmen:', '', CURSOR, '1. Firewall'], 0, 0, '1. '],
      ['no list at all', ['Die Maßnahmen:', '', CURSOR], 0, 0, '- '],
      ['no list in this section, one in the previous', ['### 1. Netz', '', '* Firewall', '', '### 2. Konten', '', CURSOR], 0, 0, '- '],
      ['a word typed on an empty line is replaced', ['- Firewall', `Pass${CURSOR}`], 0, 4, '- '],
      ['list item: only the text after the marker', [`- Pass${CURSOR}`], 2, 6, ''],
      ['numbered item: only the text after the marker', ['1. Firewall', `2. ${CURSOR}`], 3, 3, ''],
      ['checkbox item: only the text after the box', [`- [ ] Pa${CURSOR}`], 6, 8, ''],
      ['bullet item •', [`•   ${CURSOR}`], 4, 4, ''],
    ];
    for (const [label, body, from, to, prefix] of cases) {
      it(label, () => {
        const { items, position } = complete(annex(...body));
        const item = items.find((c) => c.textEdit.newText.endsWith(insert));
        assert.ok(item, 'Passwortrichtlinie not offered');
        assert.deepEqual(item.textEdit, {
          range: { start: { line: position.line, character: from }, end: { line: position.line, character: to } },
          newText: `${prefix}${insert}`,
        });
      });
    }
  });

  describe('item contents', () => {
    const { items } = complete(annex('- Firewall', CURSOR));
    const mfa = items.find((c) => c.label === 'Mehr-Faktor-Authentisierung');

    it('filterText covers title and synonyms; detail names the category', () => {
      assert.equal(mfa?.filterText, 'Mehr-Faktor-Authentisierung 2FA MFA Zwei-Faktor Zwei-Faktor-Authentifizierung Mehrfaktor multi-factor authentication two-factor OTP');
      assert.equal(mfa?.detail, 'ZG – Zugangskontrolle');
      assert.equal(mfa?.kind, 12);
    });

    it('documentation shows the mapping onto all four systems', () => {
      assert.equal(mfa?.documentation, [
        '**Mehr-Faktor-Authentisierung** · `tom-zg-mfa`',
        '',
        entry('tom-zg-mfa').description,
        '',
        '- **Category:** ZG – Zugangskontrolle',
        '- **Classic control (Anlage zu § 9 S. 1 BDSG a. F.):** Nr. 2 Zugangskontrolle',
        '- **§ 64 Abs. 3 S. 1 BDSG:** Nr. 4 Benutzerkontrolle',
        '- **Art. 32 DSGVO:** Abs. 1 lit. b – Vertraulichkeit',
        '- **SDM protection goals:** Vertraulichkeit',
      ].join('\n'));
    });

    it('documentation lists further norms and dashes for missing mappings', () => {
      const doc = tomDocumentation(entry('tom-ak-sub'), catalogue).split('\n').slice(4);
      assert.deepEqual(doc, [
        '- **Category:** AK – Auftragskontrolle',
        '- **Classic control (Anlage zu § 9 S. 1 BDSG a. F.):** Nr. 6 Auftragskontrolle',
        '- **§ 64 Abs. 3 S. 1 BDSG:** Nr. 12 Auftragskontrolle',
        '- **Art. 32 DSGVO:** Abs. 1 lit. d – Verfahren zur regelmäßigen Überprüfung',
        '- **SDM protection goals:** Transparenz',
        '- **Further norms:** Art. 28 Abs. 2 DSGVO; Art. 28 Abs. 4 DSGVO',
      ]);
      const dm = tomDocumentation(entry('tom-dm-default'), catalogue).split('\n').slice(4);
      assert.deepEqual(dm.slice(1, 4), ['- **Classic control (Anlage zu § 9 S. 1 BDSG a. F.):** –', '- **§ 64 Abs. 3 S. 1 BDSG:** –', '- **Art. 32 DSGVO:** –']);
    });
  });
});

describe('TOM hover', () => {
  const text = annex('### 2. Zugangskontrolle', '', '- Mehr-Faktor-Authentisierung für administrative Zugänge', '- Besucher werden abgeholt', '1. Passwortrichtlinie');
  const parsed = parse(text);
  const line = (n: number) => text.split('\n')[n] ?? '';
  const at = (n: number, character: number) => tomHover(parsed, { line: n, character }, catalogue);

  it('shows the catalogue entry of a measure with the range of the list item', () => {
    const h = at(10, 10);
    assert.equal(h?.contents, tomDocumentation(entry('tom-zg-mfa'), catalogue));
    assert.deepEqual(h?.range, { start: { line: 10, character: 0 }, end: { line: 10, character: line(10).length } });
  });

  it('works on numbered measures', () => {
    const h = at(12, 5);
    assert.equal(h?.contents.split('\n')[0], '**Passwortrichtlinie** · `tom-zg-passwort`');
    assert.deepEqual(h?.range, { start: { line: 12, character: 3 }, end: { line: 12, character: line(12).length } });
  });

  it('is silent on measures without a catalogue entry and outside the annex', () => {
    assert.equal(at(11, 5), undefined);
    assert.equal(at(4, 5), undefined);
  });
});
