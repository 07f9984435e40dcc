/**
 * German pages say what is wrong, not only that something is: the real services' errors (names,
 * catalogs, files that are not JSON, not a key, not there) worded in German and English. Built from
 * the services themselves, so a changed English message that the renderer no longer recognises fails here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/renderer/src/errors/describe-error.ts';
import { parseEnvelope } from '../../src/main/crypto/dsse.ts';
import { readTextInput } from '../../src/main/files/text-input.ts';
import { readCatalogFile } from '../../src/main/plans/catalog-file.ts';
import { createServices } from '../../src/main/services.ts';
import { FerryError, toErrorData } from '../../src/shared/errors.ts';
import { normalizeName } from '../../src/shared/names.ts';
import { parseCatalog } from '../../src/shared/packages.ts';
import { tempDir } from '../helpers/temp.ts';
import { i18nFor } from './i18n.ts';

/** The error `run` throws, as it crosses IPC. */
function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FerryError);
    return toErrorData(error);
  }
  throw new Error('expected an error');
}

async function lines(run: () => unknown, language: 'de' | 'en' = 'de'): Promise<string[]> {
  const i18n = await i18nFor(language);
  return describeError(errorOf(run), language, i18n.t).details;
}

describe('what is wrong, in the UI language', () => {
  it('says what is wrong with a name: empty, invisible characters, too long', async () => {
    expect(await lines(() => normalizeName('   ', 'station name'))).toEqual(['Der Stationsname ist leer.']);
    expect(await lines(() => normalizeName('Büro\u200bNord', 'station name'))).toEqual(['Der Stationsname enthält Steuerzeichen oder unsichtbare Zeichen.']);
    expect(await lines(() => normalizeName('x'.repeat(95), 'station name'))).toEqual(['Der Stationsname hat 95 Zeichen; erlaubt sind höchstens 80.']);
    expect(await lines(() => normalizeName('', 'station name'), 'en')).toEqual(['The station name is empty.']);
  });

  it('names each catalog issue by its path with a German text', async () => {
    expect(await lines(() => parseCatalog({ packages: [{ name: 'x', kind: 'site', version: '1.x' }] })))
      .toEqual(['packages.0.version: keine Version (z. B. 12.2.0)']);
    expect(await lines(() => parseCatalog({ packages: [{ name: '', kind: 'foo', requires: [{ component: 'base', range: 'bald' }] }] }))).toEqual([
      'packages.0.name: leer',
      'packages.0.kind: nicht erlaubt; erlaubt sind: base, site, license, other',
      'packages.0.version: fehlt',
      'packages.0.requires.0.range: kein Versionsbereich (z. B. „>=3.3.2 <4.0.0“)',
    ]);
    expect(await lines(() => parseCatalog([]))).toEqual(['die ganze Datei: falscher Typ, erwartet: Objekt']);
    expect(await lines(() => parseCatalog({ packages: [{ name: 'x'.repeat(201), kind: 'site', version: '1.0.0' }] }), 'en'))
      .toEqual(['packages.0.name: too long (at most 200 characters)']);
  });

  it('says a file is not JSON: a catalog and a signed Ferry file', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "packages": [');
    expect(await lines(() => readCatalogFile(broken))).toEqual(['Die Datei ist kein JSON.']);
    expect(await lines(() => parseEnvelope('{ "payloadType"', 'application/vnd.ferry.request+json'))).toEqual(['Die Datei ist kein JSON.']);
    expect(await lines(() => parseEnvelope('{}', 'application/vnd.ferry.request+json'))).toEqual(['Die Datei ist JSON, aber keine signierte Ferry-Datei.']);
  });

  it('says a chosen file is neither a key nor a request, or is this station’s own key', async () => {
    const services = createServices({ dataDir: tempDir() });
    try {
      expect(await lines(() => services.stations.preview('hello, this is not a key'))).toEqual(['Die Datei ist weder ein PEM-Schlüssel noch eine Ferry-Anfrage.']);
      const own = services.stations.ensure('Diese Station');
      expect(await lines(() => services.stations.trust(own.publicKeyPem, own.fingerprint))).toEqual(['Das ist der Schlüssel dieser Station selbst.']);
    } finally {
      await services.close();
    }
  });

  it('names a missing file by its name, and its folder', async () => {
    const dir = tempDir();
    expect(await lines(() => readTextInput(join(dir, 'catalog.json'), 'catalog'))).toEqual([`Datei: catalog.json`, `Ordner: ${dir}`, 'Ursache: nicht gefunden']);
    expect(await lines(() => readTextInput(join(dir, 'catalog.json'), 'catalog'), 'en')).toEqual([`File: catalog.json`, `Folder: ${dir}`, 'Cause: not found']);
  });

  it('leaves out what it does not recognise instead of showing English on a German page', async () => {
    const i18n = await i18nFor('de');
    const data = { code: 'CATALOG_INVALID' as const, message: 'x', details: { issues: ['weird path!: Something new happened'] } };
    expect(describeError(data, 'de', i18n.t).details).toEqual(['ungültiger Wert']);
    expect(describeError({ code: 'MANIFEST_MALFORMED', message: 'A new way to fail' }, 'de', i18n.t).details).toEqual([]);
  });
});

describe('the English message next to the worded details', () => {
  it('is left out where the details say all of it, and kept where they do not', async () => {
    const en = await i18nFor('en');
    const named = describeError(errorOf(() => normalizeName('', 'station name')), 'en', en.t);
    expect(named.details).toEqual(['The station name is empty.']);
    expect(named.message).toBeNull();
    const catalog = describeError(errorOf(() => parseCatalog({ packages: [{ name: 'x', kind: 'site', version: '1.x' }] })), 'en', en.t);
    expect(catalog.message).toBeNull();
    const unknown = { code: 'CATALOG_INVALID' as const, message: 'The package catalog is invalid: packages: Something new', details: { issues: ['packages: Something new'] } };
    expect(describeError(unknown, 'en', en.t).message).toBe(unknown.message);
  });
});
