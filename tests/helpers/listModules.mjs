// Preloaded with `node --import <this file>`: writes the URL of every module
// the process loads, one a line, to the file LIST_MODULES_TO names, when the
// process exits. ES modules are seen by a load hook (listModulesHooks.mjs,
// which runs on the loader's own thread and sends each URL here); CommonJS
// modules a package loads with require() are read from require.cache; the
// chunks of the bundle, which bin/bundleLoader.js compiles itself, are seen
// as the .cjs files it reads.
import fs, { writeFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const target = process.env.LIST_MODULES_TO;
if (target) {
  const urls = new Set();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => urls.add(url));
  port1.unref();
  register('./listModulesHooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (file, ...rest) {
    if (typeof file === 'string' && file.endsWith('.cjs')) urls.add(pathToFileURL(file).href);
    return readFileSync.call(this, file, ...rest);
  };
  syncBuiltinESMExports();
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    for (const file of Object.keys(require.cache)) urls.add(pathToFileURL(file).href);
    writeFileSync(target, [...urls].sort().join('\n') + '\n');
  });
}
