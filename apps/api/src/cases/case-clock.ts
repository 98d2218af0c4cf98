import { Injectable } from '@nestjs/common';

/** The time the case list computes response targets against (a seam for boundary tests). */
@Injectable()
export class CaseClock {
  now(): Date {
    return new Date();
  }
}
