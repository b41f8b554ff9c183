/** The fix engine and the clause library: everything code actions and `avv fix` need. */
export { applyEdits, type TextEdit } from './edits.js';
export { completePartialClause, insertMissingClause, renderClause, renderClauseTitle, replaceOutdatedReference } from './insert.js';
export { clauseFor, completionKeyFor, loadClauseLibrary, parseClauseLibrary, type ClauseEntry, type ClauseLibrary, type ClauseVariant, type CompletionEntry, type ReplacementEntry } from './library.js';
export { declineRole, fillTemplate, nounForms, vocabularyOf, type Declension, type Vocabulary } from './vocabulary.js';
export { applyFix, fixAll, fixableInBulk, fixesFor, insertAllMissingClauses, suppressFix, type Fix, type FixAllOptions } from './actions.js';
export { diffEdits, diffHunks, type Hunk } from './diff.js';
export { closeNumberingGap } from './renumber.js';
