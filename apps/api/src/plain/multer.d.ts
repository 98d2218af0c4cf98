/** The part of multer these pages use (multer ships no types; @nestjs/platform-express depends on it). */
declare module 'multer' {
  import type { RequestHandler } from 'express';
  interface Options {
    storage?: unknown;
    limits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
  }
  interface Multer {
    single(field: string): RequestHandler;
  }
  interface MulterFactory {
    (options?: Options): Multer;
    memoryStorage(): unknown;
  }
  const multer: MulterFactory;
  export default multer;
}
