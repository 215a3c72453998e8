#!/usr/bin/env node
// Runs the compiled command line (npm ci compiles it into dist/).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`internal error: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 3;
  },
);
