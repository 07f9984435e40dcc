/** Handlers of the `request:` and `bundle:` channels; writing, verifying and importing bundles are jobs. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';
import { identifyPackage } from '../../shared/transfer/package-name.ts';
import { withCatalogRequirements } from '../../shared/transfer/requirements.ts';
import { readTextInput } from '../files/text-input.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import { readCatalogFile } from '../plans/catalog-file.ts';
import type { Services } from '../services.ts';
import { listArchive } from './zip-packages.ts';

/** How many files a packages folder may list (a vendor download is a handful). */
const MAX_SCANNED = 500;

/** Requests and bundles. */
export function setupTransferHandlers(s: Services): DomainHandlers<'request' | 'bundle'> {
  return {
    // The app offers removable media only: a system volume is refused even if its handle arrives.
    'request:create': ({ medium, target, site }) => s.requests.create(s.files.resolve(medium, 'medium'), {
      dataDir: s.dataDir, requireMedium: true, ...(target !== undefined ? { target } : {}), ...(site !== undefined ? { site } : {}),
    }),
    'request:open': ({ handle }) => {
      const opened = s.requests.open(readTextInput(s.files.resolve(handle), 'request'));
      const trusted = s.stations.trustedKey(opened.fingerprint);
      const { auditHead: _head, station: _station, format: _format, ...rest } = opened.payload;
      return { ...rest, signer: { name: opened.name, fingerprint: opened.fingerprint, trusted: trusted !== null && trusted.publicKey.equals(opened.raw), trustedAs: trusted?.name ?? null } };
    },
    'bundle:scanPackages': async ({ folder, archive }) => {
      if (archive !== undefined) {
        const files = await listArchive(s.files.resolve(archive, 'file'));
        return files.slice(0, MAX_SCANNED).map((f) => ({ ...f, guess: identifyPackage(basename(f.file)) }));
      }
      const dir = s.files.resolve(folder!, 'folder');
      const files: { file: string; size: number }[] = [];
      for (const name of readdirSync(dir).sort()) {
        if (name.startsWith('.')) continue;
        const st = statSync(join(dir, name), { throwIfNoEntry: false });
        if (st?.isFile()) files.push({ file: name, size: st.size });
        if (files.length >= MAX_SCANNED) break;
      }
      return files.map((f) => ({ ...f, guess: identifyPackage(f.file) }));
    },
    'bundle:create': ({ request, folder, archive, medium, packages, catalog, maxFileSize, expiresInDays }) => {
      const requestText = readTextInput(s.files.resolve(request), 'request');
      const known = catalog === undefined ? packages : withCatalogRequirements(packages, readCatalogFile(s.files.resolve(catalog)).packages).packages;
      // A ZIP archive is unpacked (checked) by the bundle job itself.
      const packagesDir = archive !== undefined ? s.files.resolve(archive, 'file') : s.files.resolve(folder!, 'folder');
      const out = s.files.resolve(medium, 'medium');
      return {
        jobId: s.jobs.start({
          kind: 'bundle-create', key: `bundle-create:${out}`, label: basename(out) || out,
          run: ({ signal, progress }) => s.bundles.create({
            requestText, packagesDir, out, catalog: known, requireMedium: true,
            ...(maxFileSize !== undefined ? { maxFileSize } : {}), ...(expiresInDays !== undefined ? { expiresInDays } : {}),
          }, signal, progress),
        }),
      };
    },
    'bundle:verify': ({ folder, at }) => {
      const dir = s.files.resolve(folder, 'folder');
      const when = at === undefined ? undefined : parseInstant(at);
      if (when === null) throw new FerryError('USAGE', 'The time to verify at is not an ISO-8601 time with a zone', { field: 'at' });
      return {
        jobId: s.jobs.start({
          kind: 'bundle-verify', key: `bundle-verify:${dir}`, label: basename(dir),
          run: ({ signal, progress }) => s.bundles.verify(dir, when, signal, (phase, done, total) => { if (phase === 'verifying') progress(phase, done, total); }),
        }),
      };
    },
    'bundle:import': ({ folder }) => {
      const dir = s.files.resolve(folder, 'folder');
      return {
        jobId: s.jobs.start({ kind: 'bundle-import', key: `bundle-import:${dir}`, label: basename(dir), run: ({ signal, progress }) => s.bundles.import(dir, signal, progress) }),
      };
    },
  };
}
