// The web extension's language server in Chromium (npm test runs it after the editors are
// installed: it needs Debian's Chromium, see scripts/install-editors.sh).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/web/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 120000,
  },
});
