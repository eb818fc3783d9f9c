import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/lsp/**/*.test.ts'],
    testTimeout: 20000,
  },
});
