import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** The two ends of a link: the case the route names, and the other case among the caller's held cases. */
@Injectable()
export class CaseLinksRepository {
  /** The case with the reader's case-key grants (none: they do not hold it). */
  findWithGrantsOf(db: Db, caseId: string, readerId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      select: { id: true, reference: true, grants: { where: { recipientId: readerId, keyKind: 'case' }, select: { id: true } } },
    });
  }

  /** A case by id or reference, only when the reader holds a case-key grant for it. */
  findHeld(db: Db, readerId: string, where: { id: string } | { reference: string }) {
    return db.protectionCase.findFirst({
      where: { ...where, grants: { some: { recipientId: readerId, keyKind: 'case' } } },
      select: { id: true, reference: true },
    });
  }
}
