// The part of gettext-parser's API these scripts use (the package ships no types).
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: PoComments;
  }
  export interface PoData {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
    obsolete?: Record<string, Record<string, PoEntry>>;
  }
  const gettextParser: {
    po: {
      parse(input: string | Buffer, options?: { defaultCharset?: string }): PoData;
      compile(data: PoData, options?: { foldLength?: number; sort?: boolean }): Buffer;
    };
  };
  export default gettextParser;
}
