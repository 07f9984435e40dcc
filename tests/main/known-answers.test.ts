/**
 * Known answers and an independent verifier: the DSSE spec's own PAE example, and the committed
 * fixtures (tests/fixtures, made by Ferry's code with a fixed test key) checked with the OpenSSL CLI
 * over a PAE this test builds itself — so a bug shared by Ferry's signer and verifier cannot hide.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_PAYLOAD_TYPE } from '../../src/main/audit/audit-export.ts';
import { pae } from '../../src/main/crypto/dsse.ts';
import { REQUEST_PAYLOAD_TYPE, RequestSchema } from '../../src/shared/formats.ts';
import { ferry } from '../helpers/cli.ts';
import { opensslVerifies as verifiesUnder, specPae } from '../helpers/openssl.ts';
import { tempDir } from '../helpers/temp.ts';

const FIXTURES = 'tests/fixtures';
const publicKeyPem = readFileSync(join(FIXTURES, 'station.pub.pem'), 'utf8');

interface Envelope { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] }

/** Whether OpenSSL verifies `sig` over `message` with the fixture's public key. */
const opensslVerifies = (message: Buffer, sig: Buffer): boolean => verifiesUnder(publicKeyPem, message, sig);

const opensslSha256 = (data: Buffer): string => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.bin'), data);
  return /([0-9a-f]{64})\s*$/.exec(execFileSync('openssl', ['dgst', '-sha256', join(dir, 'data.bin')], { encoding: 'utf8' }))![1]!;
};

/** The raw 32-byte Ed25519 key as OpenSSL reads it from the PEM (the last 32 bytes of the SPKI DER). */
const opensslRawKey = (): Buffer => {
  const dir = tempDir();
  writeFileSync(join(dir, 'key.pem'), publicKeyPem);
  return execFileSync('openssl', ['pkey', '-pubin', '-in', join(dir, 'key.pem'), '-outform', 'DER']).subarray(-32);
};

describe('DSSE known answer', () => {
  it('PAE of the spec’s example is exactly "DSSEv1 29 http://example.com/HelloWorld 11 hello world"', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString('utf8'))
      .toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    expect(pae('t/ü', Buffer.from('ä', 'utf8')).toString('utf8')).toBe('DSSEv1 4 t/ü 2 ä');
  });
});

describe('committed fixture request, verified by OpenSSL', () => {
  const envelope = JSON.parse(readFileSync(join(FIXTURES, 'request.dsse.json'), 'utf8')) as Envelope;
  const payload = Buffer.from(envelope.payload, 'base64');
  const request = RequestSchema.parse(JSON.parse(payload.toString('utf8')));
  const sig = Buffer.from(envelope.signatures[0]!.sig, 'base64');

  it('is a Ferry request naming the key it is signed with', () => {
    expect(envelope.payloadType).toBe(REQUEST_PAYLOAD_TYPE);
    expect(Buffer.from(request.station.publicKey, 'base64')).toEqual(opensslRawKey());
    expect(request.station.fingerprint).toBe(opensslSha256(opensslRawKey()));
    expect(envelope.signatures[0]!.keyid).toBe(request.station.fingerprint);
  });

  it('has a signature OpenSSL verifies over the PAE, and OpenSSL refuses a changed byte', () => {
    expect(opensslVerifies(specPae(envelope.payloadType, payload), sig)).toBe(true);
    const tampered = Buffer.from(payload);
    tampered[10] = tampered[10]! ^ 1;
    expect(opensslVerifies(specPae(envelope.payloadType, tampered), sig)).toBe(false);
    expect(opensslVerifies(specPae('application/json', payload), sig)).toBe(false);
  });

  it('is read by Ferry itself: `station trust` pins it with the fingerprint OpenSSL computed', async () => {
    const dataDir = tempDir();
    expect((await ferry(dataDir, 'station', 'init', '--name', 'Connected side')).code).toBe(0);
    const run = await ferry(dataDir, 'station', 'trust', join(FIXTURES, 'request.dsse.json'), '--fingerprint', opensslSha256(opensslRawKey()), '--json');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(request.station.fingerprint);
  });
});

describe('committed fixture audit export, verified by OpenSSL', () => {
  const lines = readFileSync(join(FIXTURES, 'audit-export.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
  const entries = lines.slice(0, -1);
  const trailer = JSON.parse(lines.at(-1)!) as { type: string; publicKeyPem: string; envelope: Envelope };
  const payload = Buffer.from(trailer.envelope.payload, 'base64');
  const summary = JSON.parse(payload.toString('utf8')) as { count: number; headHash: string; entriesSha256: string; station: { fingerprint: string } };

  it('ends with a signature by the fixture station over the whole export', () => {
    expect(trailer.type).toBe('signature');
    expect(trailer.publicKeyPem.trim()).toBe(publicKeyPem.trim());
    expect(trailer.envelope.payloadType).toBe(AUDIT_EXPORT_PAYLOAD_TYPE);
    expect(summary.station.fingerprint).toBe(opensslSha256(opensslRawKey()));
    expect(opensslVerifies(specPae(trailer.envelope.payloadType, payload), Buffer.from(trailer.envelope.signatures[0]!.sig, 'base64'))).toBe(true);
  });

  it('signs the SHA-256 (by OpenSSL) of exactly its entry lines, and the chain links up to the signed head', () => {
    expect(summary.entriesSha256).toBe(opensslSha256(Buffer.from(entries.map((l) => `${l}\n`).join(''), 'utf8')));
    expect(summary.count).toBe(entries.length);
    const parsed = entries.map((l) => JSON.parse(l) as { type: string; seq: number; prevHash: string; hash: string });
    parsed.forEach((e, i) => {
      expect(e).toMatchObject({ type: 'entry', seq: i + 1 });
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : parsed[i - 1]!.hash);
    });
    expect(summary.headHash).toBe(parsed.at(-1)!.hash);
    // One changed entry line no longer matches the signed digest.
    const edited = entries.map((l, i) => (i === 1 ? l.replace('restricted', 'connected') : l));
    expect(opensslSha256(Buffer.from(edited.map((l) => `${l}\n`).join(''), 'utf8'))).not.toBe(summary.entriesSha256);
  });
});
