import { join, resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.schema.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { FILE_STORE } from './file-store.js';
import { LocalFileStore } from './local-file-store.js';

/** FILE_STORE_DIR, else DATA_DIR/files: backed up with the database (backup/), never served. */
export function fileStoreDir(config: Pick<AppConfig, 'DATA_DIR' | 'FILE_STORE_DIR'>): string {
  return resolve(config.FILE_STORE_DIR ?? join(config.DATA_DIR, 'files'));
}

export const fileStoreProvider: Provider = {
  provide: FILE_STORE,
  inject: [RUNTIME],
  useFactory: (runtime: Runtime) => new LocalFileStore(fileStoreDir(runtime.config)),
};
