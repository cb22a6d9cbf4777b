import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiPort = process.env.PORT ?? '8080';

// The header's background (--header-bg in src/app/ui/styles.css): the splash and status bar match it.
const headerBackground = '#111827';

export default defineConfig({
  plugins: [
    react(),
    // The installable, offline app shell. See docs/decisions/0006-pwa-prompt-update-when-outbox-idle.md.
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the associate accepts it with an idle outbox (src/pwa/register-sw.ts
      // registers it through workbox-window; the plugin injects nothing).
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Aisle — store fulfillment',
        short_name: 'Aisle',
        description: 'Pick, stage and hand over the store’s online orders, even with no network.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: headerBackground,
        background_color: headerBackground,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The glob below already takes public/icons; listing the manifest icons too would duplicate them.
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,wasm}'],
        // Every client route is the shell; /api never is.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // No runtimeCaching: the app keeps its data in IndexedDB, the SW never caches /api.
        cleanupOutdatedCaches: true,
        // The waiting version activates only on the SKIP_WAITING message from the update prompt.
        skipWaiting: false,
        // The first install controls the open page at once, so it works offline without a reload.
        clientsClaim: true,
        sourcemap: false,
      },
    }),
  ],
  // The barcode decoder worker loads its engine on demand (src/scan/decode/create-decoder.ts):
  // ES module workers keep zxing-wasm and the JS fallback in chunks of their own.
  worker: { format: 'es' },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
