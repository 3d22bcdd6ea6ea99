import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { CONFIG } from '../config/config.token.js';
import { DiskFileStorage, FILE_STORAGE } from './file-storage.js';

/** Uploaded files on disk under $CLUB_DATA_DIR/uploads (the default FileStorage). */
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [CONFIG], useFactory: (config: AppConfig) => new DiskFileStorage(join(config.dataDir, 'uploads')) }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
