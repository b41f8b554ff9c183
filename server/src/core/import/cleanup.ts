/**
 * Conversion residue that is not contract text: Word bookmarks exported as text, soft hyphens,
 * decomposed umlauts, no-break and zero-width spaces. The words of the contract stay as they are.
 */
const BOOKMARK = /\\?\[bookmark:[^\]\n]*\\?\]/g;

export function cleanLine(text: string, keepTabs = false): string {
  let t = text.normalize('NFC')
    .replace(BOOKMARK, '')
    .replace(/\u00ad/g, '')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
  t = keepTabs ? t.replace(/ {2,}/g, ' ') : t.replace(/[ \t]+/g, ' ');
  return t.trim();
}

/** Whether a line holds a signature or place/date line ("Ort, Datum", "Berlin, den …", "______"). */
export function isSignatureLine(text: string): boolean {
  return /_{5,}|\.{8,}/.test(text) || /^(?:Ort,?\s*(?:und\s+)?Datum|Datum,?\s*Ort|Unterschrift)/i.test(text.trim()) ||
    /^[\p{Lu}][\p{L} .-]{1,40},\s*(?:den\s+)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s)\s?\d{2,4}|_{3,}|\.{3,}|\{\{\s*[\w.]+\s*\}\}|\[[^\]]{1,20}\])\s*$/u.test(text.trim());
}
