import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskFileStorage, sniffType } from './file-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'club-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DiskFileStorage', () => {
  it('stores bytes under a random key and reads them back', async () => {
    const storage = new DiskFileStorage(dir);
    const a = await storage.put(Buffer.from('%PDF-1.4 one'));
    const b = await storage.put(Buffer.from('%PDF-1.4 one'));
    expect(a.key).toMatch(/^[0-9a-f]{32}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(b.sha256);
    const chunks: Buffer[] = [];
    for await (const c of await storage.open(a.key)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-1.4 one');
    await storage.remove(a.key);
    await expect(storage.open(a.key)).rejects.toThrow();
  });

  it('refuses keys that are not its own (no path traversal)', async () => {
    const storage = new DiskFileStorage(dir);
    await expect(storage.open('../../etc/passwd')).rejects.toThrow('bad storage key');
  });
});

describe('sniffType (M-5 uploads: JPG, PNG, PDF only)', () => {
  it('recognises files by their first bytes, not their names', () => {
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(Buffer.from('<html>'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
});
