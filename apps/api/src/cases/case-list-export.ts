import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { CaseListQuery, CaseSummary } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CasesService, type ListSession } from './cases.service.js';

/** The columns the case list shows, in its order. */
const COLUMNS: readonly { header: string; value: (item: CaseSummary) => string }[] = [
  { header: 'reference', value: (item) => item.reference },
  { header: 'urgent', value: (item) => (item.urgent ? 'oui' : 'non') },
  { header: 'niveau_de_risque', value: (item) => item.riskLevel },
  { header: 'statut', value: (item) => item.status },
  { header: 'prochaine_echeance', value: nextDeadline },
  { header: 'recu_le', value: (item) => item.receivedAt },
  { header: 'region', value: (item) => item.region ?? '' },
  { header: 'menaces', value: (item) => item.threatTypes.join(' ; ') },
  { header: 'personne_chargee', value: (item) => item.assignedToName ?? '' },
];

const PAGE = 100;

/**
 * The case list as a CSV file, for supervisors: exactly the columns the
 * list shows and the cases it shows under the same filters (the list's own
 * query, page after page), audited as export.created with the filters used
 * (their names, never their values' content). A cell a spreadsheet would run
 * as a formula is neutralised.
 */
@Injectable()
export class CaseListExport {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async csv(reader: CaseReader, session: ListSession, query: CaseListQuery): Promise<string> {
    const items: CaseSummary[] = [];
    for (let page = 1; ; page += 1) {
      const listed = await this.cases.list(reader, session, { ...query, page, pageSize: PAGE });
      items.push(...listed.items);
      if (items.length >= listed.total || listed.items.length === 0) break;
    }
    const filters = Object.keys(query).filter((key) => key !== 'page' && key !== 'pageSize' && query[key as keyof CaseListQuery] !== undefined);
    await this.audit.record({
      action: 'export.created',
      actorId: reader.id,
      targetType: 'export',
      details: { kind: 'case_list', format: 'csv', rows: items.length, filters: filters.join(',') },
    });
    return stringify(
      items.map((item) => COLUMNS.map((column) => neutralised(column.value(item)))),
      { header: true, columns: COLUMNS.map((column) => column.header), bom: true },
    );
  }
}

/** The earliest deadline still ahead of the case, as the list's "deadline" column. */
function nextDeadline(item: CaseSummary): string {
  const dates = [item.firstContactDue, item.assessmentDue, item.measureDue].filter((date): date is string => date !== null).sort();
  return dates[0] ?? '';
}

/** A leading = + - @ (or tab, carriage return) makes a spreadsheet run the cell: a quote in front keeps it text. */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
