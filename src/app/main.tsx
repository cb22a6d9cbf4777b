import './zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from '../pwa/register-sw';
import { installAudioUnlock } from '../scan/feedback';
import { afterFirstScreen } from './common/after-first-screen';
import { initialLanguage } from './i18n/language';
import { loadMessages } from './i18n/messages';
import { AppRoutes, loadFirstScreen } from './shell/app-routes';
import { Providers } from './shell/providers';
import './ui/styles.css';

// Which build this is (vite.config.ts): the deploy test tells an old build from a new one by it.
document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID as string;
installAudioUnlock();
// The service worker's code is not needed to show the first screen.
afterFirstScreen(() => void registerServiceWorker());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <AppRoutes />
      </Providers>
    </StrictMode>,
  );

// The starting language's words come first; without them there is nothing to show. A first
// screen's page (sign-in, the queue) is fetched alongside, not after the first render.
const words = loadMessages(initialLanguage());
Promise.all([words, loadFirstScreen(window.location.pathname, words)]).then(render, (error: unknown) => {
  console.error('Could not load the messages', error);
  root.textContent = 'Aisle could not start. Reload the page. / Aisle non è partito. Ricarica la pagina.';
});
