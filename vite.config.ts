import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer bundle, served by `tradebook serve` (web mode) and loaded from disk by the desktop shell.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
