import { useId, type ReactNode } from 'react';
import { BarChart, type BarGroup } from './bar-chart';
import { ExportButtons } from './export-buttons';
import type { DownloadedFile, DownloadProgress, ExportFormat } from './reports-api';

interface Props {
  title: string;
  groups: BarGroup[];
  k: number;
  /** The table with the real figures, under the chart. */
  children: ReactNode;
  exportFile: (format: ExportFormat, onProgress: (progress: DownloadProgress) => void) => Promise<DownloadedFile>;
  headingLevel?: 2 | 3;
}

/** One chart, the table under it and the export buttons beside the table. */
export function StatBlock({ title, groups, k, children, exportFile, headingLevel = 3 }: Props) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="stat-block" aria-labelledby={id}>
      <Heading id={id} className="stat-block__title">
        {title}
      </Heading>
      <BarChart title={title} groups={groups} k={k} />
      <div className="stat-block__table">
        <div className="stat-block__figures">{children}</div>
        <div className="stat-block__export no-print">
          <ExportButtons title={title} run={exportFile} />
        </div>
      </div>
    </section>
  );
}
