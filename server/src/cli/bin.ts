import { checkFiles, runCli, setWorkerLocale } from './main.js';
import { serveWorker } from './parallel.js';

// started by checkInWorkers for a batch: check this worker's share and post the results
if (!serveWorker((job) => {
  setWorkerLocale(job.locale);
  return checkFiles(job);
})) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    workerScript: __filename,
    stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  }).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`avv: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
