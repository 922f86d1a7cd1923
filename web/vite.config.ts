import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (web/) is built into web/dist, which the Duban server serves beside the API.
// `npm run dev:web` runs this with hot reload and sends /api to a server on DUBAN_API (default :3000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../src/shared', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.DUBAN_API ?? 'http://127.0.0.1:3000' },
  },
  build: {
    // WEB_DIST lets several builds (one per developer server) live side by side.
    outDir: process.env.WEB_DIST ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts';
          return undefined;
        },
      },
    },
  },
});
