/** Import of Word contracts (DOCX and Word text exports) into the AVV dialect. */
export { importDocx } from './docx.js';
export { importText } from './text.js';
export type { ImportReportEntry, ImportResult } from './types.js';
