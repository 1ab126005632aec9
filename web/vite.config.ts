import { defineConfig } from 'vite';

// No React plugin: esbuild compiles JSX itself, and the app needs no fast refresh to build.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Fonts and icons as files, never data: URLs, which the server's Content-Security-Policy refuses.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // TanStack marks its modules "use client" for server components; in a plain SPA that is noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || /annotation that Rollup cannot interpret/.test(warning.message)) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
