import { AuditCheckpointView, AuditEventPage, AuditVerification, ResponseTimes, StatisticsTable, type AuditQuery, type StatisticsQuery } from '@mnpddh/shared';
import { useMemo } from 'react';
import { ApiError, type StaffApi } from '../dashboard/api';
import { useStaffSession } from '../dashboard/session';

/**
 * The statistics and audit-log calls, on the staff area's request helper
 * (same origin, session cookie, CSRF token, answers checked against the
 * shared schemas). Exports are read as a stream so a long one shows how
 * much has arrived.
 */
export type ExportFormat = 'csv' | 'json';

/** How far a download has gone: bytes (and, for CSV, lines) received; total when the server said. */
export interface DownloadProgress {
  bytes: number;
  rows: number;
  totalBytes: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
  bytes: number;
  rows: number;
}

export type AuditFilters = Partial<Pick<AuditQuery, 'action' | 'actorId' | 'from' | 'to'>>;

/** A query string without empty values. */
export function searchOf(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function statisticsSearch(query: StatisticsQuery): Record<string, string | undefined> {
  return { from: query.from, to: query.to, granularity: query.granularity, dimension: query.dimension, cross: query.cross };
}

export function createReportsApi(api: StaffApi) {
  const { request } = api;
  const download = (path: string, onProgress: (progress: DownloadProgress) => void) =>
    request<DownloadedFile>('GET', path, { read: (response) => readDownload(response, onProgress) }).then((received) => received.value);

  return {
    statistics: async (query: StatisticsQuery) =>
      (await request('GET', `/api/reports/statistics${searchOf(statisticsSearch(query))}`, { schema: StatisticsTable })).value,

    responseTimes: async (from: string, to: string) =>
      (await request('GET', `/api/reports/response-times${searchOf({ from, to })}`, { schema: ResponseTimes })).value,

    /** Audited by the server as 'export.created'. */
    exportStatistics: (format: ExportFormat, query: StatisticsQuery, onProgress: (progress: DownloadProgress) => void) =>
      download(`/api/reports/statistics/export${searchOf({ format, ...statisticsSearch(query) })}`, onProgress),

    auditEvents: async (filters: AuditFilters, page: number, pageSize: number) =>
      (await request('GET', `/api/audit/events${searchOf({ ...filters, page, pageSize })}`, { schema: AuditEventPage })).value,

    exportAudit: (format: ExportFormat, filters: AuditFilters, onProgress: (progress: DownloadProgress) => void) =>
      download(`/api/audit/events/export${searchOf({ format, ...filters })}`, onProgress),

    verifyAudit: async () => (await request('GET', '/api/audit/verify', { schema: AuditVerification })).value,

    signCheckpoint: async () => (await request('POST', '/api/audit/checkpoints', { schema: AuditCheckpointView })).value,

    /** The latest signed checkpoint, or null when none was signed yet (404). */
    latestCheckpoint: async (): Promise<AuditCheckpointView | null> => {
      try {
        return (await request('GET', '/api/audit/checkpoints/latest', { schema: AuditCheckpointView })).value;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;

export function useReportsApi(): ReportsApi {
  const { api } = useStaffSession();
  return useMemo(() => createReportsApi(api), [api]);
}

const NEWLINE = 10;

/** Reads the body piece by piece, reporting bytes and lines as they arrive. */
async function readDownload(response: Response, onProgress: (progress: DownloadProgress) => void): Promise<DownloadedFile> {
  const length = Number.parseInt(response.headers.get('Content-Length') ?? '', 10);
  const totalBytes = Number.isFinite(length) ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const filename = filenameOf(response.headers.get('Content-Disposition'), type);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let rows = 0;
  const reader = response.body?.getReader();
  if (!reader) throw new ApiError(response.status, 'BAD_RESPONSE', 'empty body');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    for (const byte of value) if (byte === NEWLINE) rows++;
    onProgress({ bytes, rows, totalBytes });
  }
  return { blob: new Blob(chunks, { type }), filename, bytes, rows };
}

/** The file name the server gave (attachment; filename="…"), or a plain one. */
export function filenameOf(disposition: string | null, type: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  if (match?.[1]) {
    // Only a bare name: no path, nothing the file system would read as one.
    const name = safeDecode(match[1]).replace(/[/\\]/g, '_');
    if (name) return name;
  }
  return type.includes('csv') ? 'export.csv' : 'export.json';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
