// Preloaded into a CLI child by runCliMeasured (tests/reliability/helpers.ts):
// on exit, writes the process's peak resident memory (KiB) to the file named
// by BULLETIN_TEST_PEAK_FILE. Worker threads are part of the process.
import { writeFileSync } from 'node:fs';

const file = process.env.BULLETIN_TEST_PEAK_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
