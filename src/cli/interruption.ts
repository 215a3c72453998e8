// Ctrl+C (SIGINT) or SIGTERM while outputs are built: the worker threads are
// stopped, this build's temporary files removed, and the process exits with
// 128 + the signal's number (130, 143), leaving the previous outputs as they
// were (docs/interface.md §4, "Atomic").
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeOwnTemporaries } from '../atomicWrite.js';
import { stopWorkers } from './buildRunner.js';

export const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/**
 * Run `work`; an interrupt meanwhile ends the process once the builds have
 * stopped and `outDir` and its page folders hold no temporary of this
 * process. `onInterrupt` says so to the user first.
 */
export async function interruptible<T>(outDir: string, work: () => Promise<T>, onInterrupt: () => void): Promise<T> {
  let stopping = false;
  const handler = (signal: StopSignal) => {
    if (stopping) return;
    stopping = true;
    onInterrupt();
    exitInterrupted(outDir, signal);
  };
  for (const s of SIGNALS) process.on(s, handler);
  try {
    return await work();
  } finally {
    for (const s of SIGNALS) process.off(s, handler);
  }
}

/**
 * End the process as an interrupted build ends: worker threads stopped,
 * this process's temporaries in `outDir` and its page folders removed, exit
 * 128 + the signal's number. A build in this thread waits between its
 * stages (and writes its files synchronously), so nothing of it goes on
 * between the removal and the exit.
 */
export function exitInterrupted(outDir: string, signal: StopSignal): void {
  void stopWorkers().finally(() => {
    removeBuildTemporaries(outDir);
    process.exit(128 + os.constants.signals[signal]);
  });
}

/** This process's temporaries in the output folder and in its page folders (one level down). */
function removeBuildTemporaries(outDir: string): void {
  removeOwnTemporaries(outDir);
  let entries;
  try {
    entries = readdirSync(outDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isDirectory()) removeOwnTemporaries(path.join(outDir, e.name));
}
