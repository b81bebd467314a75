import { MAX_LISTED_ERRORS } from './limits';
import type { Issue } from './messages';

/**
 * Collects every problem in a file, so the statistician fixes them all in one go (SPEC §8), and
 * stops listing past a limit so a wrong 200,000-row file does not produce a 200,000-line answer.
 */
export class Issues {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  private unlistedErrors = 0;
  private unlistedWarnings = 0;

  error(issue: Issue): void {
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(issue);
    else this.unlistedErrors++;
  }

  warn(issue: Issue): void {
    if (this.warnings.length < MAX_LISTED_ERRORS) this.warnings.push(issue);
    else this.unlistedWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Appends one line saying how many more there were, when some were not listed. */
  finish(sheet: string): { errors: Issue[]; warnings: Issue[] } {
    const more = (code: string, count: number): Issue => ({ sheet, row: null, column: null, value: null, code, msg: code, params: { count }, at: 'file' });
    if (this.unlistedErrors > 0) this.errors.push(more('more_errors', this.unlistedErrors));
    if (this.unlistedWarnings > 0) this.warnings.push(more('more_warnings', this.unlistedWarnings));
    return { errors: this.errors, warnings: this.warnings };
  }
}
