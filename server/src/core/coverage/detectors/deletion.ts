import * as l10n from '@vscode/l10n';
import type { Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 24, 25, 38: deletion or return at the end of the processing, its confirmation, no lien on the data. */

const HOME = /Lösch|Rückgabe|Beendigung|Vertragsende|Herausgabe|(?<!\p{L})Ende(?!\p{L})/u;
const END = re`\b(?:Beendigung|Ende|Abschluss|Vertragsende|Vertragsbeendigung|beendet|Ablauf|Kündigung|Auftragsende|Leistungsende)\p{L}*|\bnach\s+(?:\p{L}+\s+){0,3}(?:Erbringung|Leistung)`;
const DELETE = re`\b(?:lösch|Löschung|vernicht|Vernichtung|entsorg|unwiederbringlich)\p{L}*`;
const RETURN = re`\b(?:zurückgeb|zurückzugeb|zurückgegeben|Rückgabe|Rückübermittlung|herausgeb|herauszugeb|Herausgabe|aushändig|auszuhändig|übergib|übergeben|Rückführung|zurückübermittel)\p{L}*|\bgibt\s+(?:\p{L}+\s+){0,16}(?:zurück|heraus)\b|\bhändigt\s+(?:\p{L}+\s+){0,10}aus\b`;
const COPIES = re`\b(?:Kopie|Datensicherung|Backup|Sicherungskopie|Duplikat|Vervielfältigung|Sicherung)\p{L}*`;
const COPIES_EXCLUDED = re`\b(?:ausgenommen|Ausnahme|verbleib|verbleiben|unberührt)\p{L}*|\bnicht\s+(?:\p{L}+\s+){0,3}(?:erfasst|umfasst|gelöscht|betroffen)|\bgilt\s+nicht\b|\bgelten\s+nicht\b`;

export const deleteReturn: Detector = {
  id: 'art28-3-g-delete-return',
  home: HOME,
  missingMessage: () => l10n.t('No deletion or return of the data found. Expected: after the end of the services, the processor deletes or returns all personal data at the controller\'s choice and deletes existing copies, unless law requires storage.'),
  detect(ctx) {
    // the end of the processing named in the sentence or earlier in its Absatz ("Mit Ende … löscht … Auf Verlangen … gibt … zurück")
    const where = (s: Sentence) => ctx.inSection(s, HOME) || END.test(s.text) || ctx.groupOf(s).some((x) => x.index < s.index && END.test(x.text));
    const deleted = ctx.findPositive(DELETE, { tom: false, where }).filter((s) => !/Löschprotokoll|bestätig|bescheinig|Betroffen|betroffene|berichtig|Berichtigung|einschränk|Einschränkung/u.test(s.text) || RETURN.test(s.text));
    const returned = ctx.findPositive(RETURN, { tom: false, where });
    if (!deleted.length && !returned.length) return MISSING;
    const scoped = uniq(deleted, returned);
    const context = uniq(scoped, scoped.flatMap((s) => ctx.groupOf(s)));
    const processorChooses = context.filter((s) => ctx.rx(String.raw`\bnach\s+(?:\p{L}+\s+)?Wahl\s+(?:des|der)\s+{PROC}|\bnach\s+(?:seiner|eigener|ihrer)\s+Wahl\b|\b{PROC}\s+(?:\p{L}+\s+){0,3}(?:wählt|entscheidet)\b|\bWahlrecht\s+(?:des|der)\s+{PROC}`).test(s.text));
    const controllerChooses = context.filter((s) => ctx.rx(String.raw`\bnach\s+(?:\p{L}+\s+)?Wahl\s+(?:des|der)\s+{CTRL}|\bauf\s+(?:\p{L}+\s+)?(?:Wunsch|Verlangen|Anforderung|Weisung)\s+(?:des|der)\s+{CTRL}|\b{CTRL}\s+(?:\p{L}+\s+){0,3}(?:wählt|entscheidet|bestimmt)\b|\bWahlrecht\b|\bnach\s+(?:dessen|deren)\s+Wahl\b|\bnach\s+(?:vorheriger\s+)?(?:Zustimmung|Weisung)\b`).test(s.text));
    const copies = context.filter((s) => COPIES.test(s.text));
    const excluded = copies.filter((s) => COPIES_EXCLUDED.test(s.text) && !/\bauch\b|\beinschließlich\b/u.test(s.text));
    const both = deleted.length > 0 && returned.length > 0;
    return judge(uniq(scoped, controllerChooses, copies), [
      !returned.length && M.returnMissing,
      !deleted.length && M.deletionMissing,
      both && processorChooses.length > 0 && M.choiceByProcessor,
      both && !processorChooses.length && !controllerChooses.length && M.choiceMissing,
      deleted.length > 0 && excluded.length > 0 && M.copiesExcluded,
      deleted.length > 0 && !copies.length && M.copiesMissing,
    ]);
  },
};

export const deletionConfirmation: Detector = {
  id: 'deletion-confirmation',
  home: HOME,
  missingMessage: () => l10n.t('No confirmation of deletion found. Expected: the processor confirms the deletion in writing or text form (deletion log).'),
  detect(ctx) {
    const confirmed = uniq(
      ctx.findPositive(re`\b(?:Lösch|Vernichtungs)(?:protokoll|bestätigung|nachweis|zertifikat|bescheinigung)\p{L}*`, { tom: false }),
      ctx.findPositive([re`\b(?:bestätig|bescheinig|nachgewiesen|nachzuweisen|Nachweis|Protokoll)\p{L}*`, re`\b(?:Lösch|lösch|Vernicht|vernicht)\p{L}*`], { tom: false }),
    ).filter((s) => !/Eingaben|Protokollierung|Weisung/u.test(s.text));
    return confirmed.length ? judge(confirmed, []) : MISSING;
  },
};

export const noRetentionRight: Detector = {
  id: 'no-retention-right',
  home: HOME,
  missingMessage: () => l10n.t('No exclusion of a right of retention found. Expected: the processor has no right to retain the data or data carriers (§ 273 BGB excluded).'),
  detect(ctx) {
    const excluded = ctx.find(re`\bZurückbehaltung\p{L}*`, { tom: false }).filter((h) => h.negated || /verzicht/iu.test(h.s.text)).map((h) => h.s);
    return excluded.length ? judge(excluded, []) : MISSING;
  },
};
