import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, findDataDir, loadKnowledge, modelToJson, parseContract, type Knowledge, type RequirementReport, type Severity } from '../core/index.js';
import { EXPORT_FORMATS, exportContract, type ExportFormat } from '../core/render/export.js';
import { importDocx, importText } from '../core/import/index.js';
import { PROFILES, isProfile, resolveSeverities, type Profile } from '../core/config/index.js';
import { ProjectConfigs } from '../shared/projectConfig.js';
import { expandFiles } from './files.js';
import { runFix } from './fix.js';
import { checkInWorkers, PARALLEL_THRESHOLD, type Checked, type WorkerJob } from './parallel.js';
import { coverageJson, toJson, toSarif, toText, type FileReport } from './report.js';

const VERSION = '0.1.0';

const USAGE = `AVV Studio – Prüfung von Auftragsverarbeitungsverträgen (Art. 28 DSGVO)

Aufruf:
  avv check <Dateien|Ordner|Muster…> [--format text|json|sarif] [--rule ID=SCHWERE …] [--profile standard|strict|minimal]
            [--coverage] [--jobs N] [--locale de|en]
                                      --coverage: jede Anforderung mit ✓ erfüllt, ◐ teilweise, ✗ fehlt, – n/a
                                      --jobs N: Worker-Threads ab 40 Dateien (Vorgabe: alle Kerne; 1 = keine)
  avv fix <Dateien|Ordner|Muster…> [--rule ID] [--clauses] [--dry-run]
                                      behebt überholte Verweise, Nummerierung und Word-Reste (oder alle Befunde einer Regel);
                                      --clauses: fügt auch fehlende Pflichtklauseln ein; --dry-run zeigt nur die Änderungen
  avv model <Datei>                   das Vertragsmodell als JSON (Gliederung, Verweise, Zitate …)
  avv export --format html|docx|pdf <Datei> [-o <Ausgabe>]
  avv import <Datei.docx|Datei.txt> [-o <Ausgabe.avv.md>]   Word-Vertrag in AVV-Markdown umwandeln
  avv lsp --stdio                     startet den Language Server (Neovim, Helix, Emacs, Zed …)
  avv --version | --help

Schweregrade: Profil, dann .avvrc.json (nächster Ordner aufwärts), dann --rule, dann das Front Matter (regeln:).
Exit-Code von "check": 1, wenn ein Befund der Schwere "error" vorliegt, sonst 0; 2 bei Aufruffehlern.
`;

export interface CliIo {
  cwd: string;
  /** The CLI's entry file: when given, large batches are checked on worker threads started from it. */
  workerScript?: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the CLI; returns the exit code (the bin wrapper calls process.exit with it). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  setLocale(localeFromEnv()); // usage errors in the environment's language
  try {
    // `fix` takes `--rule ID` (no severity) and `--dry-run`: its own options; `--locale` is common to all commands
    if (command === 'fix') {
      const locale = localeArgument(rest);
      if (locale) setLocale(locale);
      return runFix(rest, io, getKnowledge());
    }
    const opts = parseOptions(rest);
    if (opts.locale) setLocale(opts.locale);
    switch (command) {
      case 'check':
        return await check(opts, io);
      case 'model':
        return model(opts, io);
      case 'export':
        return await exportCommand(opts, io);
      case 'import':
        return await importCommand(opts, io);
      case 'lsp': {
        // the server reads its transport (--stdio, --node-ipc, --socket) from process.argv
        const { main } = await import('../lsp/main.js');
        main();
        return await new Promise<number>(() => undefined);
      }
      case '--version':
      case '-v':
        io.stdout(VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`avv: ${l10n.t('unknown command "{0}"', command)}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`avv: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}

interface Options {
  positional: string[];
  format?: string;
  output?: string;
  locale?: string;
  rules: Record<string, Severity | 'off'>;
  profile?: Profile;
  coverage?: boolean;
  /** Worker threads for a batch: default all cores; 1 checks in this thread. */
  jobs?: number;
}

function parseOptions(args: string[]): Options {
  const o: Options = { positional: [], rules: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(l10n.t('{0} needs a value', a));
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) o.format = value();
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) o.output = value();
    else if (a === '--locale' || a.startsWith('--locale=')) o.locale = value();
    else if (a === '--profile' || a.startsWith('--profile=')) {
      const p = value();
      if (!isProfile(p)) throw new UsageError(l10n.t('unknown profile {0} ({1})', JSON.stringify(p), PROFILES.join(', ')));
      o.profile = p;
    } else if (a === '--coverage') o.coverage = true;
    else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const j = Number(value());
      if (!Number.isInteger(j) || j < 1) throw new UsageError(l10n.t('--jobs expects a whole number of at least 1'));
      o.jobs = j;
    }
    else if (a === '--rule' || a.startsWith('--rule=')) {
      const [id, sev] = value().split('=');
      if (!id || !sev || !['error', 'warning', 'info', 'hint', 'off'].includes(sev)) throw new UsageError(l10n.t('--rule expects ID=error|warning|info|hint|off'));
      o.rules[id] = sev as Severity | 'off';
    } else if (a === '--stdio' || a === '--node-ipc') continue;
    else if (a.startsWith('--')) throw new UsageError(l10n.t('unknown option {0}', a));
    else o.positional.push(a);
  }
  return o;
}

let knowledge: Knowledge | undefined;
function getKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge());
}

interface CheckOptions {
  rules: Record<string, Severity | 'off'>;
  profile?: Profile;
}

/**
 * Checks files in this thread (the CLI, or one worker of a batch): the nearest `.avvrc.json` of each file,
 * then the options. Problems of a project file are reported with the first file it applies to.
 */
export function checkFiles(job: WorkerJob): Checked[] {
  const k = getKnowledge();
  const options = job.options as CheckOptions;
  const configs = new ProjectConfigs(k);
  const reported = new Set<string>();
  return job.files.map((file) => {
    const found = configs.forFile(path.resolve(job.cwd, file));
    const problems: string[] = [];
    if (found.file && !reported.has(found.file)) {
      reported.add(found.file);
      for (const p of found.problems) problems.push(`${path.relative(job.cwd, found.file) || found.file}: ${p.message}`);
    }
    const result = checkFile(file, job.cwd, k, resolveSeverities(k, found.config, { ...(options.profile ? { profile: options.profile } : {}), rules: options.rules }));
    return problems.length ? { ...result, configProblems: problems } : result;
  });
}

async function check(opts: Options, io: CliIo): Promise<number> {
  const format = opts.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(l10n.t('unknown format "{0}" (text, json, sarif)', format));
  if (opts.positional.length === 0) throw new UsageError(l10n.t('no files given'));
  const { files, unmatched } = expandFiles(opts.positional, io.cwd);
  for (const u of unmatched) io.stderr(`avv: ${l10n.t('no contract matches "{0}"', u)}`);
  if (files.length === 0) return 2;
  const checkOptions: CheckOptions = { rules: opts.rules, ...(opts.profile ? { profile: opts.profile } : {}) };
  const parallel = io.workerScript !== undefined && (opts.jobs ?? 0) !== 1 && files.length >= PARALLEL_THRESHOLD;
  const checked = parallel
    ? await checkInWorkers(io.workerScript!, files, io.cwd, currentLocale, checkOptions, opts.jobs)
    : checkFiles({ files, cwd: io.cwd, locale: currentLocale, options: checkOptions });
  // each worker names the problems of a project file once: say them once in all
  for (const p of new Set(checked.flatMap((c) => c.configProblems ?? []))) io.stderr(`avv: ${p}`);
  const k = getKnowledge();
  const reports: FileReport[] = checked.map((c) => c.report);
  if (format === 'json') io.stdout(toJson(reports));
  else if (format === 'sarif') io.stdout(toSarif(reports, k, VERSION, io.cwd));
  else io.stdout(toText(reports, opts.coverage ? checked.map((c) => c.coverage) : undefined));
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Checks one file: the same parse and rules as the editor. */
export function checkFile(file: string, cwd: string, k: Knowledge, rules: Record<string, Severity | 'off'> = {}): { report: FileReport; coverage: RequirementReport[] } {
  const text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  const parsed = parseContract({ uri: file, version: 0, text }, k);
  const analysis = analyze(parsed, k, { severities: rules });
  const report: FileReport = {
    path: file,
    diagnostics: analysis.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, norm: f.norm, related: f.related })),
    coverage: coverageJson(analysis.coverage),
  };
  return { report, coverage: analysis.coverage };
}

function model(opts: Options, io: CliIo): number {
  const file = opts.positional[0];
  if (!file) throw new UsageError(l10n.t('no file given'));
  const text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  io.stdout(JSON.stringify(modelToJson(parseContract({ uri: file, version: 0, text }, getKnowledge()).model), null, 2));
  return 0;
}

async function exportCommand(opts: Options, io: CliIo): Promise<number> {
  const file = opts.positional[0];
  if (!file) throw new UsageError(l10n.t('no file given'));
  const format = opts.format ?? 'html';
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError(l10n.t('unknown export format "{0}" ({1})', format, EXPORT_FORMATS.join(', ')));
  const text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  const parsed = parseContract({ uri: file, version: 0, text }, getKnowledge());
  const result = await exportContract(parsed, format as ExportFormat);
  const out = opts.output ?? file.replace(/(\.avv)?\.(md|markdown|txt)$/i, '') + `.${result.extension}`;
  fs.mkdirSync(path.dirname(path.resolve(io.cwd, out)), { recursive: true });
  fs.writeFileSync(path.resolve(io.cwd, out), result.data);
  io.stderr(l10n.t('written: {0}', out));
  return 0;
}

async function importCommand(opts: Options, io: CliIo): Promise<number> {
  const file = opts.positional[0];
  if (!file) throw new UsageError(l10n.t('no file given'));
  const input = fs.readFileSync(path.resolve(io.cwd, file));
  const result = /\.docx$/i.test(file) ? await importDocx(new Uint8Array(input)) : importText(input.toString('utf8'));
  const out = opts.output ?? file.replace(/\.(docx|txt|md)$/i, '') + '.avv.md';
  fs.mkdirSync(path.dirname(path.resolve(io.cwd, out)), { recursive: true });
  fs.writeFileSync(path.resolve(io.cwd, out), result.markdown);
  // what could not be mapped goes to stderr, with the line of the produced Markdown
  for (const r of result.report) io.stderr(`${out}${r.line !== undefined ? `:${r.line + 1}` : ''}: ${r.message}`);
  io.stderr(l10n.t('written: {0}', out));
  return 0;
}

/** The value of `--locale X` or `--locale=X` among the arguments. */
function localeArgument(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

function localeFromEnv(): string {
  const lang = process.env['AVV_LOCALE'] ?? process.env['LC_ALL'] ?? process.env['LC_MESSAGES'] ?? process.env['LANG'] ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'de';
}

let currentLocale = 'de';

/** A worker thread speaks the language of the CLI that started it. */
export function setWorkerLocale(locale: string): void {
  setLocale(locale);
}

function setLocale(locale: string): void {
  currentLocale = locale;
  if (locale.startsWith('en')) {
    l10n.config({ contents: {} });
    return;
  }
  const bundle = path.join(findDataDir(__dirname), '..', 'l10n', 'bundle.l10n.de.json');
  l10n.config({ contents: fs.existsSync(bundle) ? (JSON.parse(fs.readFileSync(bundle, 'utf8')) as Record<string, string>) : {} });
}
