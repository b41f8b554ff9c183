import type { ParsedContract } from '../model/build.js';
import { renderDocx } from './docx.js';
import { renderHtmlDocument } from './html.js';
import { renderPdf } from './pdf.js';

export type ExportFormat = 'html' | 'docx' | 'pdf';

/** The formats this build can write. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'docx', 'pdf'];

/** One entry point for every export format, shared by the CLI and the language server. */
export async function exportContract(parsed: ParsedContract, format: ExportFormat): Promise<{ data: Uint8Array; extension: string }> {
  switch (format) {
    case 'html':
      return { data: new TextEncoder().encode(renderHtmlDocument(parsed)), extension: 'html' };
    case 'docx':
      return { data: await renderDocx(parsed), extension: 'docx' };
    case 'pdf':
      return { data: await renderPdf(parsed), extension: 'pdf' };
  }
}
