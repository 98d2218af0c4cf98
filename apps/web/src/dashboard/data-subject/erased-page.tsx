import { Link, useLocation } from 'react-router';
import { CheckIcon } from '../../ui/icons';
import { format } from '../format';
import { useDataSubjectT } from './i18n';

/** /personnel/dossiers/efface — where an erasure lands: the case is gone, only its reference is said (it came with the navigation, not the server). */
export function ErasedPage() {
  const t = useDataSubjectT();
  const { state } = useLocation() as { state: { reference?: unknown } | null };
  const reference = typeof state?.reference === 'string' ? state.reference : null;
  return (
    <article className="prose">
      <h1>{t.erasedTitle}</h1>
      <p className="success-box" role="status">
        <CheckIcon />
        <span>{reference ? format(t.erasedText, { reference }) : t.erasedNoReference}</span>
      </p>
      <p>
        <Link to="/personnel/dossiers">{t.backToList}</Link>
      </p>
    </article>
  );
}
