import { defineConfig } from 'vite';

// Builds GraphiQL into the API's static files; run `npm ci && npm run build` here after changing it.
export default defineConfig({
  base: '/graphiql/',
  build: { outDir: '../wwwroot/graphiql', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  esbuild: { jsx: 'automatic' },
});
