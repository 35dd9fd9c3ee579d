import { defineConfig } from 'vite';

declare const process: { env: Record<string, string | undefined> }; // no @types/node needed
const server = process.env.RIS_URL ?? 'http://127.0.0.1:8190';

// The build lands where a Servlet container serves static files from a jar:
// target/classes/META-INF/resources/ (index.html at its root), so that the ris-app WAR
// serves the application at "/". Hash routing (#/login, #/home) needs no server fallback.
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    // the viewer chunk (cornerstone3D) is a few MB; it loads only with the viewer (viewer/mount.ts)
    chunkSizeWarningLimit: 8000,
  },
  server: {
    // `npm run dev` against a locally running server (RIS_PORT=8190 scripts/run)
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/ws': { target: server, ws: true },
    },
  },
});
