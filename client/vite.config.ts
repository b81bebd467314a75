import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// echarts (with zrender) is its own chunk, pulled in only by pages that draw
// charts; React and the router form a long-lived vendor chunk. Budget: the first load of `/` ships
// at most 350 KiB of gzipped JavaScript (issue 5, item 11).
const ECHARTS = /node_modules[\\/](echarts|zrender)[\\/]/;
// The shared contract (zod schemas, exact arithmetic) that every page parses responses with.
const SHARED = /(node_modules[\\/]zod[\\/]|[\\/]shared[\\/]src[\\/])/;
const REACT = /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: ECHARTS },
            { name: 'react', test: REACT },
            { name: 'contract', test: SHARED },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
