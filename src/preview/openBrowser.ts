// `bulletin preview --open`: the system's default browser at the preview's
// address. The only program bulletin ever starts (README: "Live preview"):
// spawned directly, never through a shell, with the address as one argument.
import { spawn } from 'node:child_process';

/** The command that opens a URL in the default browser on `platform`. */
export function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  // `start` is built into cmd.exe; its first quoted argument is a window title, hence "".
  if (platform === 'win32') return { command: 'cmd.exe', args: ['/d', '/c', 'start', '""', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
}

/** Open `url`; resolves when the opener has started, rejects when it could not. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url)) return Promise.reject(new Error(`not a preview address: ${url}`));
  const { command, args } = openerFor(platform, url);
  return new Promise((resolve, reject) => {
    // Verbatim on Windows: cmd.exe reads its command line itself, and the address (checked above) has nothing it would interpret.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true, windowsVerbatimArguments: platform === 'win32' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
