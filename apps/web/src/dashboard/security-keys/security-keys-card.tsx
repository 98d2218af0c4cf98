import { Link } from 'react-router';
import { ArrowIcon } from '../../ui/icons';
import { KeyIcon } from '../icons';
import { useSecurityKeyT } from './strings';

/** The staff home's link to one's security keys (every role may add one). */
export function SecurityKeysCard() {
  const t = useSecurityKeyT();
  return (
    <section aria-labelledby="security-keys-home">
      <h2 id="security-keys-home" className="visually-hidden">
        {t.homeTitle}
      </h2>
      <ul className="menu-cards">
        <li>
          <Link to="/personnel/cles-de-securite" className="menu-card menu-card--link">
            <KeyIcon className="menu-card__icon" />
            <span className="menu-card__body">
              <span className="menu-card__title">{t.homeTitle}</span>
              <span>{t.homeText}</span>
            </span>
            <ArrowIcon className="menu-card__arrow" />
          </Link>
        </li>
      </ul>
    </section>
  );
}
