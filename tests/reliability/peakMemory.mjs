// Preloaded into a CLI child by runCliMeasured (tests/reliability/helpers.ts):
// on exit, writes the process's peak resident memory (KiB) to the file named
// by BULLETIN_TEST_PEAK_FILE. Worker threads are part of the process. On
// Linux this is VmHWM: getrusage's maxrss would include the memory of the
// test process that forked the child, which exec keeps in the count.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BULLETIN_TEST_PEAK_FILE;

function peakKiB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

if (file) process.on('exit', () => writeFileSync(file, String(peakKiB())));
