import { Injectable } from '@nestjs/common';

/** The time alerts escalate and targets are checked against (a seam for tests). */
@Injectable()
export class AlertClock {
  now(): Date {
    return new Date();
  }
}
