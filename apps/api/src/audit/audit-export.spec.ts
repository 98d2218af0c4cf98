import { describe, expect, test } from '@jest/globals';
import { csvExport, jsonExport, textCell, type ExportMeta } from './audit-export.js';
import type { ExportedEvent } from './audit-log.service.js';

const meta: ExportMeta = {
  kind: 'audit_log',
  tenant: 'ml-mnpddh',
  generatedAt: '2026-11-29T12:00:00.000Z',
  generatedBy: { name: 'Awa, "auditrice"', roles: ['auditor'] },
  filters: { action: 'auth.login' },
};

function event(seq: number, actorName: string | null): ExportedEvent {
  return {
    seq: String(seq),
    at: '2026-11-29T10:00:00.000Z',
    actorId: null,
    actorName,
    action: 'auth.login',
    targetType: null,
    targetId: null,
    details: { a: 1 },
    prevHash: '-startsWithDash',
    hash: 'h',
  };
}

async function* batches(...groups: ExportedEvent[][]) {
  for (const group of groups) yield group;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('audit export', () => {
  test('CSV: meta rows, header, one quoted line per event', async () => {
    const lines = (await text(csvExport(meta, batches([event(1, 'Moussa')], [event(2, null)])))).split('\r\n');
    expect(lines[3]).toBe('meta,generatedBy,"Awa, ""auditrice"""');
    expect(lines).toContain('meta,filter.action,auth.login');
    const header = lines.indexOf('seq,at,actorId,actorName,action,targetType,targetId,details,prevHash,hash');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('1,2026-11-29T10:00:00.000Z,,Moussa,auth.login,,,"{""a"":1}",-startsWithDash,h');
    expect(lines[header + 2]).toBe('2,2026-11-29T10:00:00.000Z,,,auth.login,,,"{""a"":1}",-startsWithDash,h');
  });

  test('a name that a spreadsheet would run as a formula goes out as text', () => {
    expect(textCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('Moussa')).toBe('Moussa');
  });

  test('JSON: one document, meta and every event, across batches', async () => {
    const parsed = JSON.parse(await text(jsonExport(meta, batches([event(1, 'A')], [], [event(2, 'B'), event(3, 'C')])))) as {
      meta: ExportMeta;
      events: ExportedEvent[];
    };
    expect(parsed.meta).toEqual(meta);
    expect(parsed.events.map((e) => e.seq)).toEqual(['1', '2', '3']);
  });

  test('JSON: an empty log is still valid JSON', async () => {
    expect(JSON.parse(await text(jsonExport(meta, batches())))).toEqual({ meta, events: [] });
  });
});
