/** The part of busboy these pages use (busboy ships no types). */
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  interface Limits {
    fileSize?: number;
    files?: number;
    fields?: number;
    fieldSize?: number;
    parts?: number;
  }
  interface Options {
    headers: IncomingHttpHeaders;
    limits?: Limits;
    /** How to decode parameters such as the file name (busboy's default is latin1). */
    defParamCharset?: string;
  }
  interface FileInfo {
    filename: string | undefined;
    encoding: string;
    mimeType: string;
  }
  /** busboy sets `truncated` once the file went past `limits.fileSize`. */
  export interface FileStream extends Readable {
    truncated: boolean;
  }
  export interface Busboy extends Writable {
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'file', listener: (name: string, stream: FileStream, info: FileInfo) => void): this;
    on(event: 'close', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
  /** Throws when the headers are not a multipart (or url-encoded) form. */
  function busboy(options: Options): Busboy;
  export default busboy;
}
