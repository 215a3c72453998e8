// Wrong use of the command line (exit 2, docs/interface.md §3): its own module so that
// main.ts can tell it apart without loading what the commands load.
export class UsageError extends Error {}
