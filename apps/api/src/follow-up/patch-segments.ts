import { AppError } from '../common/app-error.js';

/**
 * A PATCH body read as it arrives, gathered into segments of `segmentBytes`
 * (the last one shorter), each the list of the body's own pieces (a piece
 * that straddles two segments is split as a view, never copied): each
 * segment is encrypted, stored and committed before the next is read, so
 * memory holds one segment whatever the body's size (the socket is paused
 * meanwhile: the body is pulled, never pushed), and a connection lost
 * mid-body keeps every segment committed before it (the client resumes from
 * the offset HEAD gives).
 */
export async function* patchSegments(body: AsyncIterable<Buffer>, declaredLength: number, segmentBytes: number): AsyncGenerator<Buffer[]> {
  let segment: Buffer[] = [];
  let fill = 0;
  let received = 0;
  for await (const piece of body) {
    received += piece.byteLength;
    if (received > declaredLength) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Length', message: 'invalid' }]);
    for (let at = 0; at < piece.byteLength;) {
      const n = Math.min(segmentBytes - fill, piece.byteLength - at);
      segment.push(at === 0 && n === piece.byteLength ? piece : piece.subarray(at, at + n));
      fill += n;
      at += n;
      if (fill < segmentBytes) continue;
      yield segment;
      [segment, fill] = [[], 0];
    }
  }
  if (received !== declaredLength) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Length', message: 'invalid' }]);
  if (fill > 0) yield segment;
}
