import type { ParsedContract } from '../model/build.js';

/** The four cases of a role term with its definite article: "der Auftraggeber", "des Auftraggebers", … */
export interface Declension {
  /** The bare term as the document writes it ("Auftraggeber", "Verantwortlicher"). */
  term: string;
  nom: string;
  gen: string;
  dat: string;
  akk: string;
}

/**
 * Declines a role term with its definite article. Known: Auftraggeber, Auftragnehmer, Verantwortlicher,
 * Auftragsverarbeiter, Kunde, Dienstleister (and their like); everything else is treated as a masculine noun
 * (strong: "des Anbieters"; weak when it ends in -e: "des Kunden"; adjectival when it ends in -licher).
 */
export function declineRole(term: string): Declension {
  const t = term.trim();
  // Adjectival nouns: "Verantwortlicher" / "Verantwortliche" → der Verantwortliche, des Verantwortlichen.
  const adjectival = /^(.*lich)er?$/u.exec(t);
  if (adjectival) {
    const stem = adjectival[1]!;
    return { term: t, nom: `der ${stem}e`, gen: `des ${stem}en`, dat: `dem ${stem}en`, akk: `den ${stem}en` };
  }
  // Weak masculine nouns: Kunde, Lieferant, Dienstleistende are rare; -e is the reliable signal.
  if (/e$/u.test(t) || /(?:ant|ent|ist)$/u.test(t)) {
    const oblique = /e$/u.test(t) ? `${t}n` : `${t}en`;
    return { term: t, nom: `der ${t}`, gen: `des ${oblique}`, dat: `dem ${oblique}`, akk: `den ${oblique}` };
  }
  const gen = /(?:s|ß|x|z)$/u.test(t) ? `${t}es` : `${t}s`;
  return { term: t, nom: `der ${t}`, gen: `des ${gen}`, dat: `dem ${t}`, akk: `den ${t}` };
}

/** Noun forms of the sub-processor term, without article ("Unterauftragnehmer", "Unterauftragnehmers"). */
export interface NounForms {
  term: string;
  gen: string;
  pl: string;
  datpl: string;
}

export function nounForms(term: string): NounForms {
  const t = term.trim();
  if (/(?:er|el)$/u.test(t)) return { term: t, gen: `${t}s`, pl: t, datpl: `${t}n` };
  if (/en$/u.test(t)) return { term: t, gen: `${t}s`, pl: t, datpl: t };
  return { term: t, gen: `${t}s`, pl: `${t}e`, datpl: `${t}en` };
}

/** The document's own words for the parameters of a clause. */
export interface Vocabulary {
  controller: Declension;
  processor: Declension;
  subprocessor: NounForms;
  mainContract: Declension;
  /** Label of the TOM annex ("Anlage 1"), or a description usable after "in". */
  annexTom: string;
  annexSubprocessors: string;
}

const SUBPROCESSOR = /unterauftrag|subunternehm|subdienstleist|weitere\s+auftragsverarbeiter/iu;
const MAIN_CONTRACT = /hauptvertrag|leistungsvereinbarung|rahmenvertrag|dienstleistungsvertrag|leistungsvertrag|softwarevertrag|nutzungsvertrag/iu;

/** Reads the role terms, the sub-processor term, the main-contract term and the annex labels from the model. */
export function vocabularyOf(parsed: ParsedContract): Vocabulary {
  const { model } = parsed;
  const roleTerm = (role: 'controller' | 'processor'): string | undefined =>
    model.terms.find((t) => t.role === role)?.term ?? model.parties.find((p) => p.role === role)?.terms[0];
  // Without a defined term, the role word the text uses most often decides.
  const count = (re: RegExp) => parsed.source.text.match(re)?.length ?? 0;
  const controller = roleTerm('controller') ?? (count(/Auftraggeber/gu) > count(/Verantwortliche/gu) ? 'Auftraggeber' : 'Verantwortlicher');
  const processor = roleTerm('processor') ?? (count(/Auftragnehmer/gu) > count(/Auftragsverarbeiter/gu) ? 'Auftragnehmer' : 'Auftragsverarbeiter');
  const legal = /verantwortlich/iu.test(controller) || /auftragsverarbeiter/iu.test(processor);
  const sub = model.terms.find((t) => !t.role && SUBPROCESSOR.test(t.term))?.term ?? (legal ? 'Unterauftragsverarbeiter' : 'Unterauftragnehmer');
  const main = model.terms.find((t) => !t.role && MAIN_CONTRACT.test(t.term))?.term ?? 'Hauptvertrag';
  const tom = model.annexes.find((a) => a.annexKind === 'tom')?.label;
  const subs = model.annexes.find((a) => a.annexKind === 'subprocessors')?.label;
  return {
    controller: declineRole(controller),
    processor: declineRole(processor),
    subprocessor: nounForms(sub),
    mainContract: declineContract(main),
    annexTom: tom ?? 'der Anlage „Technische und organisatorische Maßnahmen“',
    annexSubprocessors: subs ?? 'der Anlage „Unterauftragsverhältnisse“',
  };
}

/** Contracts: "-vereinbarung" is feminine, "-vertrag" masculine with the genitive "-vertrages". */
function declineContract(term: string): Declension {
  if (/ung$/u.test(term)) return { term, nom: `die ${term}`, gen: `der ${term}`, dat: `der ${term}`, akk: `die ${term}` };
  if (/vertrag$/u.test(term)) return { term, nom: `der ${term}`, gen: `des ${term}es`, dat: `dem ${term}`, akk: `den ${term}` };
  return declineRole(term);
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)(?:\.([A-Za-z0-9]+))?\s*\}\}/gu;

/**
 * Fills {{controller.gen}}, {{Processor.nom}} (capitalised at a sentence start), {{subprocessor.pl}},
 * {{mainContract.dat}}, {{annex.tom}} and, through `abs`, {{abs.N}}. Unknown placeholders stay as written.
 */
/** Fills the placeholders, then contracts "von dem Auftraggeber" to "vom Auftraggeber" (also beim, zum). */
export function fillTemplate(template: string, vocab: Vocabulary, abs?: (n: number) => string): string {
  return fillPlaceholders(template, vocab, abs).replace(/(?<!\p{L})([VvBbZz])(on|ei|u) dem (?=\p{Lu})/gu, (_, v: string, rest: string) => `${v}${rest === 'on' ? 'om' : rest === 'ei' ? 'eim' : 'um'} `);
}

function fillPlaceholders(template: string, vocab: Vocabulary, abs?: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (whole, rawKey: string, form: string | undefined) => {
    const key = rawKey.charAt(0).toLowerCase() + rawKey.slice(1);
    const capital = rawKey !== key;
    let value: string | undefined;
    if (key === 'controller' || key === 'processor' || key === 'mainContract') {
      const d = vocab[key];
      value = form === undefined ? d.term : form === 'nom' || form === 'gen' || form === 'dat' || form === 'akk' ? d[form] : undefined;
    } else if (key === 'subprocessor') {
      const n = vocab.subprocessor;
      value = form === undefined ? n.term : form === 'gen' || form === 'pl' || form === 'datpl' ? n[form] : undefined;
    } else if (key === 'annex') {
      value = form === 'tom' ? vocab.annexTom : form === 'subprocessors' ? vocab.annexSubprocessors : undefined;
    } else if (key === 'abs' && abs && form && /^\d+$/u.test(form)) {
      value = abs(Number(form));
    }
    if (value === undefined) return whole;
    return capital ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}
