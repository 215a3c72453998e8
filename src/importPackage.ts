// Importing a package that is an ES module only (harfbuzzjs, whose module
// awaits its WebAssembly at top level, so require() cannot load it). In the
// bundled command line the chunks are compiled through vm.Script with a V8
// code cache (bin/bundleLoader.js; docs/architecture.md, "Start-up"), and
// import() does not work in such a script: the loader therefore offers its
// own import(), which Node's ES module loader runs. Anywhere else (tests,
// the compiled modules in dist/) this is import() itself.

/** The import() bin/bundleLoader.js offers the chunks of the bundle. */
const LOADER_IMPORT = Symbol.for('bulletin.importPackage');

export function importPackage<T>(name: string): Promise<T> {
  const viaLoader = (globalThis as Record<symbol, ((name: string) => Promise<unknown>) | undefined>)[LOADER_IMPORT];
  return (viaLoader ? viaLoader(name) : import(name)) as Promise<T>;
}
