import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer bundle, served by `tradebook serve` (web mode) and loaded from disk by the desktop shell.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The phone-number metadata (about 150 kB) is only for the lazily loaded forms that read phone numbers
        // (quick-add, a contact): a chunk of its own, so it never rides along with a module the first page needs.
        codeSplitting: { groups: [{ name: 'phone-numbers', test: /[\\/]node_modules[\\/]libphonenumber-js[\\/]/ }] },
      },
    },
  },
});
