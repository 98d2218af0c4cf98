import { useRef, useState } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { format } from '../dashboard/format';
import { DownloadIcon } from '../dashboard/icons';
import { useReportsT } from './i18n';
import type { DownloadedFile, DownloadProgress, ExportFormat } from './reports-api';
import { saveFile, sizeLabel } from './save-file';

type State = { kind: 'idle' } | { kind: 'running'; progress: DownloadProgress | null } | { kind: 'done'; name: string; bytes: number } | { kind: 'failed' };

interface Props {
  /** What the table is: the group's accessible name says which table the buttons export. */
  title: string;
  run: (format: ExportFormat, onProgress: (progress: DownloadProgress) => void) => Promise<DownloadedFile>;
}

/** CSV and JSON buttons beside a table; a long download shows what has arrived so far. */
export function ExportButtons({ title, run }: Props) {
  const t = useReportsT();
  const [locale] = useLocale();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = useRef(false);

  const start = async (chosen: ExportFormat) => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'running', progress: null });
    try {
      const file = await run(chosen, (progress) => setState({ kind: 'running', progress }));
      saveFile(file.blob, file.filename);
      setState({ kind: 'done', name: file.filename, bytes: file.bytes });
    } catch {
      setState({ kind: 'failed' });
    } finally {
      busy.current = false;
    }
  };

  const running = state.kind === 'running';
  return (
    <div className="export" role="group" aria-label={`${t.export.groupLabel}${t.colon}${title}`}>
      <div className="export__buttons">
        {(['csv', 'json'] as const).map((chosen) => (
          <button key={chosen} type="button" className="button button--secondary button--small" disabled={running} onClick={() => void start(chosen)}>
            <DownloadIcon />
            <span>{chosen === 'csv' ? t.export.csv : t.export.json}</span>
          </button>
        ))}
      </div>
      {running && state.progress?.totalBytes ? (
        <progress className="export__bar" max={state.progress.totalBytes} value={state.progress.bytes} aria-hidden="true" />
      ) : running ? (
        <progress className="export__bar" aria-hidden="true" />
      ) : null}
      <p className={state.kind === 'failed' ? 'export__status export__status--failed' : 'export__status'} role="status">
        {statusText(state, t, locale)}
      </p>
    </div>
  );
}

function statusText(state: State, t: ReturnType<typeof useReportsT>, locale: 'fr' | 'en'): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'failed':
      return t.export.failed;
    case 'done':
      return format(t.export.done, { name: state.name, size: sizeLabel(state.bytes, locale) });
    case 'running': {
      const progress = state.progress;
      if (!progress) return t.export.preparing;
      const size = sizeLabel(progress.bytes, locale);
      return progress.rows > 0 ? format(t.export.progressRows, { rows: progress.rows, size }) : format(t.export.progressBytes, { size });
    }
  }
}
