import type { ParsedContract } from '../model/build.js';

export type Gender = 'm' | 'f' | 'n';

/**
 * The four cases of a term with its definite article ("der Auftraggeber", "des Auftraggebers", …) and the
 * pronouns that refer back to it, so that a clause reads "informiert sie" after "die Auftragnehmerin".
 */
export interface Declension {
  /** The bare term as the document writes it ("Auftraggeber", "Verantwortlicher"). */
  term: string;
  gender: Gender;
  nom: string;
  gen: string;
  dat: string;
  akk: string;
  /** Personal pronoun: er / sie / es; dative ihm / ihr / ihm; accusative ihn / sie / es. */
  pron: string;
  pronDat: string;
  pronAkk: string;
  /** Possessive stem: sein / ihr / sein ("{{processor.poss}}er Auffassung"). */
  poss: string;
  /** Relative / possessive demonstrative: dessen / deren / dessen ("für dessen Verzeichnis"). */
  rel: string;
  /** Demonstrative pronoun: dieser / diese / dieses; dative diesem / dieser / diesem. */
  dem: string;
  demDat: string;
}

const PRONOUNS: Record<Gender, Pick<Declension, 'pron' | 'pronDat' | 'pronAkk' | 'poss' | 'rel' | 'dem' | 'demDat'>> = {
  m: { pron: 'er', pronDat: 'ihm', pronAkk: 'ihn', poss: 'sein', rel: 'dessen', dem: 'dieser', demDat: 'diesem' },
  f: { pron: 'sie', pronDat: 'ihr', pronAkk: 'sie', poss: 'ihr', rel: 'deren', dem: 'diese', demDat: 'dieser' },
  n: { pron: 'es', pronDat: 'ihm', pronAkk: 'es', poss: 'sein', rel: 'dessen', dem: 'dieses', demDat: 'diesem' },
};

function declension(term: string, gender: Gender, nom: string, gen: string, dat: string, akk: string): Declension {
  return { term, gender, nom, gen, dat, akk, ...PRONOUNS[gender] };
}

// Feminine: persons in -in (Auftraggeberin, Kundin), abstract and institutional suffixes, company forms
// (die GmbH, die AG) and institutions that end in -e (die Behörde; but der Kunde, a weak masculine noun).
const FEMININE = /(?:in|ung|ei|heit|keit|schaft|ion|tät|ik|ur|ie|anstalt|stadt|praxis|bank|firma|behörde|gemeinde|schule|kasse|apotheke|kirche|kommune|stelle|kammer|zentrale)$|(?:^|\s)(?:GmbH|gGmbH|AG|KG|KGaA|OHG|SE|UG|eG|PartG|GbR)$/iu;
// Neuter: das Unternehmen, das Klinikum, das Krankenhaus, das Institut, das Amt, das Land, das Büro …
const NEUTER = /(?:unternehmen|um|haus|institut|amt|land|büro|labor|werk|studio|center|centre|ministerium)$/iu;

/** The grammatical gender of a role term ("Auftragnehmerin" f, "Unternehmen" n, "Kunde" m). */
export function genderOf(term: string): Gender {
  const t = term.trim();
  if (/lich(?:er?)?$/u.test(t) || /ein$/u.test(t)) return 'm'; // der Verantwortliche, der Verein
  if (NEUTER.test(t)) return 'n';
  if (FEMININE.test(t)) return 'f';
  return 'm';
}

/**
 * Declines a role term with its definite article. Known: Auftraggeber, Auftragnehmer, Verantwortlicher,
 * Auftragsverarbeiter, Kunde, Dienstleister (and their like), feminine forms (Auftraggeberin, Praxis, Behörde,
 * GmbH) and neuter ones (Unternehmen, Klinikum); everything else is treated as a masculine noun (strong: "des
 * Anbieters"; weak when it ends in -e: "des Kunden"; adjectival when it ends in -licher).
 */
export function declineRole(term: string): Declension {
  const t = term.trim();
  // Adjectival nouns: "Verantwortlicher" / "Verantwortliche" → der Verantwortliche, des Verantwortlichen.
  const adjectival = /^(.*lich)er?$/u.exec(t);
  if (adjectival) {
    const stem = adjectival[1]!;
    return declension(t, 'm', `der ${stem}e`, `des ${stem}en`, `dem ${stem}en`, `den ${stem}en`);
  }
  const gender = genderOf(t);
  if (gender === 'f') return declension(t, 'f', `die ${t}`, `der ${t}`, `der ${t}`, `die ${t}`);
  if (gender === 'n') {
    const gen = /(?:en|um|er|el|o|e)$/u.test(t) ? `${t}s` : /(?:s|ß|x|z)$/u.test(t) ? `${t}es` : `${t}s`;
    return declension(t, 'n', `das ${t}`, `des ${gen}`, `dem ${t}`, `das ${t}`);
  }
  // Weak masculine nouns: Kunde, Lieferant, Dienstleistende are rare; -e is the reliable signal.
  if (/e$/u.test(t) || /(?:ant|ent|ist)$/u.test(t)) {
    const oblique = /e$/u.test(t) ? `${t}n` : `${t}en`;
    return declension(t, 'm', `der ${t}`, `des ${oblique}`, `dem ${oblique}`, `den ${oblique}`);
  }
  const gen = /(?:s|ß|x|z)$/u.test(t) ? `${t}es` : `${t}s`;
  return declension(t, 'm', `der ${t}`, `des ${gen}`, `dem ${t}`, `den ${t}`);
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
  /** How the contract names itself, with the demonstrative: "dieser Vertrag", "diese Vereinbarung", "diese AVV". */
  agreement: Declension;
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
    agreement: agreementOf(parsed.source.text),
    annexTom: tom ?? 'der Anlage „Technische und organisatorische Maßnahmen“',
    annexSubprocessors: subs ?? 'der Anlage „Unterauftragsverhältnisse“',
  };
}

/** Contracts: "-vereinbarung" is feminine, "-vertrag" masculine with the genitive "-vertrages". */
function declineContract(term: string): Declension {
  if (/ung$/u.test(term)) return declension(term, 'f', `die ${term}`, `der ${term}`, `der ${term}`, `die ${term}`);
  if (/vertrag$/u.test(term)) return declension(term, 'm', `der ${term}`, `des ${term}es`, `dem ${term}`, `den ${term}`);
  return declineRole(term);
}

const SELF = /(?<!\p{L})[Dd]ies(?:e[rnms]?)\s+(Vertrag(?:es|s)?|\p{L}*[Vv]ereinbarung|AVV|\p{L}*vertrag(?:es|s)?)(?!\p{L})/gu;

/**
 * How the contract names itself, read from its own "dieser Vertrag" / "diese Vereinbarung" / "diese AVV"
 * (compounds shortened: "diese Auftragsverarbeitungsvereinbarung" → "diese Vereinbarung"); "Vertrag" when it
 * never does. "AVV" is feminine unless the text declines it as a masculine ("diesen AVV", "dieses AVV").
 */
function agreementOf(text: string): Declension {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(SELF)) {
    const word = m[1]!;
    const base = word === 'AVV' ? 'AVV' : /vereinbarung$/iu.test(word) ? 'Vereinbarung' : 'Vertrag';
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Vertrag';
  if (best === 'Vertrag') return declension('Vertrag', 'm', 'dieser Vertrag', 'dieses Vertrages', 'diesem Vertrag', 'diesen Vertrag');
  if (best === 'AVV' && /(?<!\p{L})dies(?:en|es|em)\s+AVV(?!\p{L})/u.test(text)) return declension('AVV', 'm', 'dieser AVV', 'dieses AVV', 'diesem AVV', 'diesen AVV');
  return declension(best, 'f', `diese ${best}`, `dieser ${best}`, `dieser ${best}`, `diese ${best}`);
}

type DeclensionForm = Exclude<keyof Declension, 'term' | 'gender'>;
const DECLENSION_FORMS = new Set<string>(['nom', 'gen', 'dat', 'akk', ...Object.keys(PRONOUNS.m)]);

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)(?:\.([A-Za-z0-9]+))?\s*\}\}/gu;

/**
 * Fills {{controller.gen}}, {{Processor.nom}} (capitalised at a sentence start), the pronouns of a role
 * ({{processor.pron}} er/sie/es, .pronDat, .pronAkk, .poss, .rel, .dem, .demDat), {{agreement.nom}} ("dieser
 * Vertrag"), {{subprocessor.pl}}, {{mainContract.dat}}, {{annex.tom}} and, through `abs`, {{abs.N}}; then
 * contracts "von dem Auftraggeber" to "vom Auftraggeber" (also beim, zum). Unknown placeholders stay as written.
 */
export function fillTemplate(template: string, vocab: Vocabulary, abs?: (n: number) => string): string {
  return fillPlaceholders(template, vocab, abs).replace(/(?<!\p{L})([VvBbZz])(on|ei|u) dem (?=\p{Lu})/gu, (_, v: string, rest: string) => `${v}${rest === 'on' ? 'om' : rest === 'ei' ? 'eim' : 'um'} `);
}

function fillPlaceholders(template: string, vocab: Vocabulary, abs?: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (whole, rawKey: string, form: string | undefined) => {
    const key = rawKey.charAt(0).toLowerCase() + rawKey.slice(1);
    const capital = rawKey !== key;
    let value: string | undefined;
    if (key === 'controller' || key === 'processor' || key === 'mainContract' || key === 'agreement') {
      const d = vocab[key];
      value = form === undefined ? d.term : DECLENSION_FORMS.has(form) ? d[form as DeclensionForm] : undefined;
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
