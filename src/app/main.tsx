import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from '../pwa/register-sw';
import { installAudioUnlock } from '../scan/feedback';
import { AppRoutes } from './shell/app-routes';
import { Providers } from './shell/providers';
import './ui/styles.css';

installAudioUnlock();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <AppRoutes />
    </Providers>
  </StrictMode>,
);
