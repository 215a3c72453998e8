// Exit status (docs/interface.md §3).
export const EXIT = {
  ok: 0,
  inputError: 1,
  usage: 2,
  internal: 3,
} as const;
