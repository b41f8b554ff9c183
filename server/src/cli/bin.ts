import { runCli } from './main.js';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`avv: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
