import { defineConfig } from 'vitest/config';

// The Sextant server (Spring Boot) listens on 8080 by default; override with SEXTANT_SERVER.
const server = process.env.SEXTANT_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  // Served from the root of the Sextant server (classpath:/META-INF/resources/ → /).
  base: '/',
  build: {
    // `npm run build` writes dist/; Maven copies it into target/classes/META-INF/resources/.
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components; meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/actuator': { target: server, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/actuator': { target: server, changeOrigin: true },
    },
  },
  test: {
    // Pure logic runs in node; DOM tests opt in with a `@vitest-environment jsdom` comment.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
  },
});
