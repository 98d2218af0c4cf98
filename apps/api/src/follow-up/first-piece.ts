/** The first bytes of a stream, read ahead so they can be checked before anything is stored. */
export interface FirstPiece {
  /** At least `length` bytes, or the whole content when it is shorter. */
  readonly head: Buffer;
  /** The stream ended within the head: `head` is the whole content. */
  readonly complete: boolean;
  /** The whole content again, head first; iterate it once. */
  readonly content: AsyncIterable<Buffer>;
}

/** Reads ahead `length` bytes (one piece more at most); the rest stays unread until `content` is iterated. */
export async function readFirstPiece(source: AsyncIterable<Buffer>, length: number): Promise<FirstPiece> {
  const iterator = source[Symbol.asyncIterator]();
  const pieces: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < length) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    pieces.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(pieces);
  async function* content(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (complete) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early lets the source go (a stream stops being held open).
      await iterator.return?.();
    }
  }
  return { head, complete, content: content() };
}

/** The same bytes, refused with `tooLarge()` as soon as they pass `max`. */
export async function* capped(source: AsyncIterable<Buffer>, max: number, tooLarge: () => Error): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const piece of source) {
    size += piece.length;
    if (size > max) throw tooLarge();
    yield piece;
  }
}
