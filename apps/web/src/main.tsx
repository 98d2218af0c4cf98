// First: zod must know it may not compile code before any schema is built.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { FRENCH, loadLanguage } from './i18n/catalogues';
import { firstLocale, I18nProvider } from './i18n/i18n-context';
import { canonicalAddress } from './i18n/locale-path';
import { PublicRouter } from './ui/router';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A shared link's `?lang=bm` becomes the address's prefix before the router reads it: same page, no request.
const canonical = canonicalAddress(window.location.pathname, window.location.search);
if (canonical !== null) window.history.replaceState(null, '', `${canonical}${window.location.hash}`);

// The page's language is downloaded before the first render: no French flash on /bm/, and a screen
// reader hears one language. If that download fails the page shows in French rather than not at all.
// (Not a top-level await: the bundler would split the entry into shared chunks, more requests on 2G.)
void loadLanguage(firstLocale())
  .catch(() => FRENCH)
  .then((first) =>
    createRoot(root).render(
      <StrictMode>
        <PublicRouter>
          <I18nProvider first={first}>
            <App />
          </I18nProvider>
        </PublicRouter>
      </StrictMode>,
    ),
  );
