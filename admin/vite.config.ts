import { defineConfig } from 'vite';

const apiTarget = process.env.ADMIN_API_TARGET ?? 'http://127.0.0.1:3300';

// No @vitejs/plugin-react: Vite 8's built-in oxc transform handles TSX with the automatic runtime.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd and its icons mark modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Long-lived vendor chunks cache across admin releases; echarts stays in the lazy dashboard chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|i18next)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/ },
            { name: 'refine', test: /node_modules[\\/](@refinedev|@tanstack|axios|query-string)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/cubejs-api': { target: apiTarget, changeOrigin: true },
    },
  },
});
