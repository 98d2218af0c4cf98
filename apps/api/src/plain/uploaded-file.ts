import type { Request } from 'express';

/** The one file multer (memory storage) read from a multipart form. */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

interface MulterFile {
  originalname?: unknown;
  mimetype?: unknown;
  buffer?: unknown;
}

/** busboy decodes file names as latin1: read them back as the UTF-8 the browser sent. */
export function uploadedFile(request: Request): UploadedFile | null {
  const file = (request as Request & { file?: MulterFile }).file;
  if (!file || !Buffer.isBuffer(file.buffer) || file.buffer.length === 0) return null;
  const name = typeof file.originalname === 'string' ? Buffer.from(file.originalname, 'latin1').toString('utf8') : '';
  return { name: name.trim() || 'fichier', type: typeof file.mimetype === 'string' ? file.mimetype : '', bytes: file.buffer };
}
