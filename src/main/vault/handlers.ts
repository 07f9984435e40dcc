/** Handlers of the `vault:` channels; re-verify and export run as jobs. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** The vault: list, re-verify, export for the upload, remove. */
export function setupVaultHandlers(s: Services): DomainHandlers<'vault'> {
  return {
    'vault:list': () => ({ packages: s.vault.list(), ...s.vault.space() }),
    'vault:reverify': ({ sha256 }) => {
      const entry = s.vault.get(sha256);
      return {
        jobId: s.jobs.start({
          kind: 'vault-verify', key: `vault-verify:${sha256}`, label: entry.name,
          run: ({ signal, progress }) => s.vault.reverify(sha256, signal, (phase, done, total) => { if (phase === 'verifying') progress(phase, done, total); }),
        }),
      };
    },
    'vault:export': ({ sha256, folder }) => {
      const entry = s.vault.get(sha256);
      const dir = s.files.resolve(folder, 'folder');
      return {
        jobId: s.jobs.start({
          kind: 'vault-export', key: `vault-export:${sha256}:${dir}`, label: entry.name,
          run: async ({ signal, progress }) => {
            const name = await s.vault.exportTo(sha256, dir, signal, (phase, done, total) => {
              if (phase === 'copying' || phase === 'syncing') progress(phase, done, total);
            });
            return { sha256, size: entry.size, name };
          },
        }),
      };
    },
    'vault:remove': ({ sha256 }) => {
      s.vault.remove(sha256);
      return { removed: true as const };
    },
  };
}
