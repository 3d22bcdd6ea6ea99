import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** DI token for the FileStorage of this process. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export interface StoredFile {
  /** Random, never derived from the uploader's file name. */
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Where uploaded scans and photos live. The disk implementation is the default; an object store
 * (S3, OSS) would implement the same three calls.
 */
export interface FileStorage {
  put(bytes: Buffer): Promise<StoredFile>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

/** Keys are 32 random hex characters, sharded by their first two; nothing else reaches the path. */
const KEY = /^[0-9a-f]{32}$/;

export class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error('bad storage key');
    return join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const key = randomBytes(16).toString('hex');
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    // Written under a temporary name, then renamed: a reader never sees half a file.
    await writeFile(`${path}.part`, bytes, { mode: 0o600 });
    await rename(`${path}.part`, path);
    return { key, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async open(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Allowed uploads, recognised by their first bytes (the client's content type is not trusted). */
export function sniffType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}
