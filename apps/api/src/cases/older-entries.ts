import { Injectable } from '@nestjs/common';
import type { JournalPage } from '@mnpddh/shared';
import type { CaseReader } from '../vault/case-reader.js';
import { JournalPages } from '../vault/journal-pages.js';
import { entryView } from './journal-views.js';
import { StaffNames } from './staff-names.js';

/** The journal entries older than the case view's page, a page at a time, as the timeline shows them. */
@Injectable()
export class OlderEntries {
  constructor(
    private readonly pages: JournalPages,
    private readonly staffNames: StaffNames,
  ) {}

  async before(reader: CaseReader, caseId: string, before: number | null): Promise<JournalPage> {
    const page = await this.pages.before(reader, caseId, before);
    const names = await this.staffNames.names(page.entries.map((entry) => entry.authorId));
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return { entries: page.entries.map((entry) => entryView(entry, nameOf)), olderEntriesBefore: page.olderEntriesBefore };
  }
}
