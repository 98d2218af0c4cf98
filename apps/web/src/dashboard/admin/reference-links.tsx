import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { useCaseWorkMenuT } from '../assisted-intake/menu-strings';

const HEADING = { fr: 'Réglages du mécanisme', en: 'Mechanism settings' };

/** Links from the admin page to the reference lists and the on-call rota. */
export function ReferenceLinks() {
  const [locale] = useLocale();
  const t = useCaseWorkMenuT();
  return (
    <section aria-labelledby="admin-settings-title" className="admin-settings">
      <h2 id="admin-settings-title">{HEADING[locale]}</h2>
      <ul className="admin-settings__links">
        <li>
          <Link to="/personnel/admin/listes">{t.lists.title}</Link> — <span className="muted">{t.lists.text}</span>
        </li>
        <li>
          <Link to="/personnel/admin/astreinte">{t.rota.title}</Link> — <span className="muted">{t.rota.text}</span>
        </li>
      </ul>
    </section>
  );
}
