import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * All e2e files share one server, and some change its state (finalize, uploads, 一票否决).
 * The README screenshots must show the demo figures as a fresh install does, so that file runs
 * first; the rest run in name order, so a failure reproduces the same way every time.
 */
class ScreenshotsFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => (spec.moduleId.endsWith('/screenshots.test.ts') ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// Browser tests in Debian's Chromium through playwright-core, against a real server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { sequencer: ScreenshotsFirstSequencer },
  },
});
