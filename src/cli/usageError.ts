// Wrong use of the command line (exit 2, CONTRACT.md): its own module so that
// main.ts can tell it apart without loading what the commands load.
export class UsageError extends Error {}
