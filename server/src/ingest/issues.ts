import type { UploadError, UploadWarning } from '@scoreboard/shared';
import { MAX_LISTED_ERRORS } from './limits';

/**
 * Collects every problem in a file, so the statistician fixes them all in one go (SPEC §8), and
 * stops listing past a limit so a wrong 200,000-row file does not produce a 200,000-line answer.
 */
export class Issues {
  readonly errors: UploadError[] = [];
  readonly warnings: UploadWarning[] = [];
  private unlistedErrors = 0;
  private unlistedWarnings = 0;

  error(issue: UploadError): void {
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(issue);
    else this.unlistedErrors++;
  }

  warn(issue: UploadWarning): void {
    if (this.warnings.length < MAX_LISTED_ERRORS) this.warnings.push(issue);
    else this.unlistedWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Appends one line saying how many more there were, when some were not listed. */
  finish(sheet: string): { errors: UploadError[]; warnings: UploadWarning[] } {
    if (this.unlistedErrors > 0) {
      this.errors.push({
        sheet, row: null, column: null, value: null, code: 'more_errors',
        message: `另有 ${this.unlistedErrors} 处错误未逐条列出，请先改正以上错误后重新上传`,
      });
    }
    if (this.unlistedWarnings > 0) {
      this.warnings.push({
        sheet, row: null, column: null, value: null, code: 'more_warnings',
        message: `另有 ${this.unlistedWarnings} 条提示未逐条列出`,
      });
    }
    return { errors: this.errors, warnings: this.warnings };
  }
}
