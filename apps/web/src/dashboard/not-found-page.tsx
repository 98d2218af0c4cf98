import { Link } from 'react-router';
import { useStaffT } from './i18n/use-staff-t';

export function StaffNotFoundPage() {
  const t = useStaffT();
  return (
    <article className="prose">
      <h1>{t.area.notFoundTitle}</h1>
      <p>{t.area.notFoundText}</p>
      <p>
        <Link to="/personnel" className="button">
          {t.area.backHome}
        </Link>
      </p>
    </article>
  );
}
