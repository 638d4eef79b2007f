// A warm start as the server does it (configuration, library snapshot, index), run under
// --cpu-prof by the bench so the report can say where start-up time goes.
import { loadAll } from '../../src/cli/load.js';

const started = performance.now();
await loadAll({ quiet: true });
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
