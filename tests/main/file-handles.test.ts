import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHandles } from '../../src/main/files/file-handles.ts';
import { tempDir } from '../helpers/temp.ts';

/** A folder with a file, a subfolder, and a secret next to (outside) it. */
function tree() {
  const base = realpathSync(tempDir());
  const root = join(base, 'stick');
  mkdirSync(join(root, 'packages'), { recursive: true });
  writeFileSync(join(root, 'packages', 'bt.nsu'), 'package');
  writeFileSync(join(base, 'secret.key'), 'secret');
  return { base, root };
}

describe('handle registry', () => {
  it('hands out a file handle with name and size, and resolves it only as a file', () => {
    const { root } = tree();
    const files = new FileHandles();
    const file = files.register(join(root, 'packages', 'bt.nsu'));
    expect(file).toMatchObject({ name: 'bt.nsu', size: 7 });
    expect(files.resolve(file.handle, 'file')).toBe(join(root, 'packages', 'bt.nsu'));
    expect(() => files.resolve(file.handle, 'folder')).toThrow(expect.objectContaining({ code: 'HANDLE_UNKNOWN' }));
    expect(() => files.resolve(crypto.randomUUID(), 'file')).toThrow(expect.objectContaining({ code: 'HANDLE_UNKNOWN' }));
  });

  it('refuses to register what is not there or not of the kind', () => {
    const { root } = tree();
    const files = new FileHandles();
    expect(() => files.register(join(root, 'missing'))).toThrow(expect.objectContaining({ code: 'FILE_MISSING' }));
    expect(() => files.register(root)).toThrow(expect.objectContaining({ code: 'INPUT_NOT_A_FILE' }));
    expect(() => files.registerFolder(join(root, 'packages', 'bt.nsu'))).toThrow(expect.objectContaining({ code: 'FILE_MISSING' }));
  });

  it('keeps folder and medium handles apart', () => {
    const { root } = tree();
    const files = new FileHandles();
    const folder = files.registerFolder(root);
    const medium = files.registerFolder(root, 'medium');
    expect(folder.name).toBe('stick');
    expect(files.resolveChild(medium.handle, 'packages/bt.nsu', 'medium')).toBe(join(root, 'packages', 'bt.nsu'));
    expect(() => files.resolveChild(medium.handle, 'packages', 'folder')).toThrow(expect.objectContaining({ code: 'HANDLE_UNKNOWN' }));
    expect(() => files.resolveChild(folder.handle, 'packages', 'medium')).toThrow(expect.objectContaining({ code: 'HANDLE_UNKNOWN' }));
  });

  it('resolves children inside a folder, existing or not yet', () => {
    const { root } = tree();
    const files = new FileHandles();
    const { handle } = files.registerFolder(root);
    expect(files.resolveChild(handle, 'packages/bt.nsu')).toBe(join(root, 'packages', 'bt.nsu'));
    expect(files.resolveChild(handle, 'bundles/new/manifest.json')).toBe(join(root, 'bundles', 'new', 'manifest.json'));
  });

  it('refuses .., absolute and drive paths with PATH_OUTSIDE_FOLDER', () => {
    const { root } = tree();
    const files = new FileHandles();
    const { handle } = files.registerFolder(root);
    for (const child of ['../secret.key', 'packages/../../secret.key', 'packages\\..\\..\\secret.key', '/etc/passwd', 'C:\\Windows', 'C:secret', '\\\\server\\share', '']) {
      expect(() => files.resolveChild(handle, child), child).toThrow(expect.objectContaining({ code: 'PATH_OUTSIDE_FOLDER' }));
    }
  });

  it('refuses links that lead out (checked on real paths), also dangling ones and through a linked folder', () => {
    const { base, root } = tree();
    symlinkSync(join(base, 'secret.key'), join(root, 'key-link'));
    symlinkSync(base, join(root, 'up'));
    symlinkSync(join(base, 'not-yet-there'), join(root, 'dangling'));
    symlinkSync(join(root, 'loop'), join(root, 'loop'));
    symlinkSync(join(root, 'packages'), join(root, 'inner'));
    const files = new FileHandles();
    const { handle } = files.registerFolder(root);
    for (const child of ['key-link', 'up/secret.key', 'up/anything-new', 'dangling', 'loop']) {
      expect(() => files.resolveChild(handle, child), child).toThrow(expect.objectContaining({ code: 'PATH_OUTSIDE_FOLDER' }));
    }
    // A link that stays inside is fine.
    expect(files.resolveChild(handle, 'inner/bt.nsu')).toBe(join(root, 'inner', 'bt.nsu'));
  });

  it('registers a folder by its real path, so a link swapped later does not move the root', () => {
    const { base, root } = tree();
    symlinkSync(root, join(base, 'current'));
    const files = new FileHandles();
    const { handle } = files.registerFolder(join(base, 'current'));
    expect(files.resolve(handle, 'folder')).toBe(root);
  });

  it('save targets follow the output rules: an existing folder, not a folder or a link, never a data directory', () => {
    const { base, root } = tree();
    symlinkSync(join(base, 'secret.key'), join(root, 'export.jsonl'));
    const files = new FileHandles();
    const target = files.registerSaveTarget(join(root, 'audit.jsonl'));
    expect(target.name).toBe('audit.jsonl');
    expect(files.resolve(target.handle, 'save-target')).toBe(join(root, 'audit.jsonl'));
    expect(() => files.resolve(target.handle, 'file')).toThrow(expect.objectContaining({ code: 'HANDLE_UNKNOWN' }));
    expect(() => files.registerSaveTarget(join(root, 'nope', 'x.jsonl'))).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITABLE' }));
    expect(() => files.registerSaveTarget(join(root, 'packages'))).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITABLE' }));
    expect(() => files.registerSaveTarget(join(root, 'export.jsonl'))).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITABLE' }));
    const guarded = new FileHandles(base);
    expect(() => guarded.registerSaveTarget(join(base, 'secret.key'))).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITABLE', details: expect.objectContaining({ reason: 'inside-data-dir' }) }));
  });
});
