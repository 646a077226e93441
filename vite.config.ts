// Vite build of the web app into dist/web, for the Chromium 90–106 engines of domestic OS browsers (统信UOS, 麒麟, 360).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite's default target (Chrome 111) emits syntax those engines cannot parse.
const LEGACY_TARGETS = ['chrome87', 'edge88', 'firefox78', 'safari14'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: LEGACY_TARGETS,
    cssTarget: LEGACY_TARGETS,
    sourcemap: false,
    // The manifest lets scripts/check-size.js measure each page's first load (QUALITY P5).
    manifest: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React changes rarely: its own long-cached chunk. The rest of the libraries the entry needs (antd's theme,
        // ConfigProvider, Button…) in one chunk: the bundler would otherwise cut them into a dozen small files that
        // compress worse (~7 KB gzip on every page). Other antd components are left to the bundler, so each page's
        // chunk carries only what it uses; pages are split by React.lazy in routes.tsx (QUALITY P5).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
