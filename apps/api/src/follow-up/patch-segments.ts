import { AppError } from '../common/app-error.js';

/**
 * A PATCH body read as it arrives, cut into segments of `segmentBytes`
 * (the last one shorter): each segment is encrypted, stored and committed
 * before the next is read, so memory holds one segment whatever the body's
 * size, and a connection lost mid-body keeps every segment committed before
 * it (the client resumes from the offset HEAD gives).
 */
export async function* patchSegments(body: AsyncIterable<Buffer>, declaredLength: number, segmentBytes: number): AsyncGenerator<Buffer> {
  let segment = Buffer.allocUnsafe(Math.min(segmentBytes, declaredLength));
  let fill = 0;
  let received = 0;
  for await (const piece of body) {
    received += piece.byteLength;
    if (received > declaredLength) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Length', message: 'invalid' }]);
    for (let at = 0; at < piece.byteLength;) {
      const n = Math.min(segment.byteLength - fill, piece.byteLength - at);
      piece.copy(segment, fill, at, at + n);
      fill += n;
      at += n;
      if (fill < segment.byteLength) continue;
      yield segment;
      segment = Buffer.allocUnsafe(Math.min(segmentBytes, declaredLength - received + (piece.byteLength - at)));
      fill = 0;
    }
  }
  if (received !== declaredLength) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Length', message: 'invalid' }]);
}
