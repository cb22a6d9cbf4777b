import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { handheldPrecache } from './scripts/handheld-precache';

const apiPort = process.env.PORT ?? '8080';

// The header's background (--header-bg in src/app/ui/styles.css): the splash and status bar match it.
const headerBackground = '#111827';

/**
 * Which build this is, on <html data-build> (src/app/main.tsx): the package version unless the
 * build says otherwise (the deploy test builds a second client with VITE_BUILD_ID). Never a
 * time stamp: an unchanged app must build to the same files, or every build is an update.
 */
const buildId =
  process.env.VITE_BUILD_ID ??
  (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

/*
 * Pages that not every handheld needs: fetched when opened and kept by the runtime cache, never
 * precached (docs/decisions/0034-compressed-assets-and-a-handheld-precache.md). The worker's
 * zxing JS engine is the fallback for browsers without WebAssembly, which handhelds have. The
 * on-screen QR (a curbside link on the order screen) needs the network for its link anyway.
 * The demo's product pictures (public/product-images, ADR 0055) are for the customer's pages,
 * which no handheld opens: 150 drawings no picker needs offline.
 */
const precache = handheldPrecache({
  onDemandPages:
    /\/src\/app\/(?:labels\/(?:location-labels|pickup-pass)-page|counter\/(?:counter|kiosks)-page|board\/board-page|curbside\/curbside-page|substitution\/substitution-page|manager\/manager-pages|common\/qr-code)\.tsx$/,
  onDemandFiles: /^(?:assets\/js-engine-[\w-]+\.js|product-images\/.*)$/,
});

export default defineConfig({
  define: { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(buildId) },
  plugins: [
    react(),
    precache.plugin,
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
        // What every handheld needs, each file with its SRI hash: a file that is not the one
        // this build made (an old server answering during a deploy) fails the install.
        manifestTransforms: [precache.transform],
        // Every client route is the shell; /api never is.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // The rest of the app's files (hashed, so they never change) are kept on first use. Only
        // an ok answer of the type the request asked for is kept: never a page as a script.
        // The app keeps its data in IndexedDB; the worker never caches /api.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'aisle-assets',
              expiration: { maxEntries: 80, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true },
              plugins: [
                {
                  // Serialized into sw.js: it must not use anything from this file.
                  cacheWillUpdate: async ({ request, response }) => {
                    if (!response.ok) return null;
                    const type = (response.headers.get('content-type') ?? '').toLowerCase();
                    const path = new URL(request.url).pathname;
                    const script = /javascript|ecmascript/;
                    const expected =
                      request.destination === 'script' ||
                      request.destination === 'worker' ||
                      /\.m?js$/.test(path)
                        ? script
                        : request.destination === 'style' || /\.css$/.test(path)
                          ? /^text\/css/
                          : /\.wasm$/.test(path)
                            ? /^application\/wasm/
                            : request.destination === 'image'
                              ? /^image\//
                              : /^(?!text\/html)/;
                    return expected.test(type) ? response : null;
                  },
                },
              ],
            },
          },
        ],
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
