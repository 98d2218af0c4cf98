import { format, useIntakeFirstT } from '../i18n/first-catalogue';

/** "Étape 2 sur 3" in words, and the same as a bar for those who look. */
export function Progress({ current, total }: { current: number; total: number }) {
  const t = useIntakeFirstT();
  return (
    <div className="progress">
      <p className="progress__text">{format(t.common.stepOf, { current: current + 1, total })}</p>
      <div className="progress__bar" aria-hidden="true">
        {Array.from({ length: total }, (_, index) => (
          <span
            key={index}
            className={`progress__segment${index < current ? ' progress__segment--done' : ''}${index === current ? ' progress__segment--current' : ''}`}
          />
        ))}
      </div>
    </div>
  );
}
