import { describe, expect, it } from 'vitest';
import { interpretUploadResponse, progressPercent } from './uploadResponse';

const result = {
  dryRun: true, duplicate: false, batch: null, kind: 'unit-actuals', fileName: '8月.xlsx', sha256: 'ab',
  rowsRead: 12, summary: { added: 1, changed: 1, unchanged: 0 },
  changes: [{ key: '450202/8/output', label: '城中区 · 8月 · 规上工业总产值', old: '40000', new: '40800', change: 'changed' }],
  warnings: [],
};

describe('interpretUploadResponse', () => {
  it('reads a preview', () => {
    const out = interpretUploadResponse(200, result, '');
    expect(out.kind).toBe('result');
    if (out.kind === 'result') expect(out.result.changes[0]!.new).toBe('40800');
  });
  it('reads every error of a refused file with its sheet, row and column', () => {
    const body = {
      code: 'invalid_upload', message: '文件有 2 处错误',
      errors: [
        { sheet: 'Sheet1', row: 5, column: '工业投资（万元）', value: 'abc', message: '应为数字', code: 'not_a_number' },
        { sheet: 'Sheet1', row: null, column: null, value: null, message: '找不到表头', code: 'no_header' },
      ],
    };
    const out = interpretUploadResponse(422, body, '');
    expect(out).toEqual({ kind: 'invalid', message: '文件有 2 处错误', errors: body.errors });
  });
  it('says a file is too large in the words given', () => {
    const out = interpretUploadResponse(413, null, '文件过大（上限 20 MiB）。');
    expect(out.kind).toBe('failed');
    if (out.kind === 'failed') expect(out.error.message).toBe('文件过大（上限 20 MiB）。');
  });
  it('passes the server message through for other refusals', () => {
    const out = interpretUploadResponse(403, { code: 'forbidden', message: '需要统计人员角色' }, '');
    expect(out.kind === 'failed' && out.error.code).toBe('forbidden');
    expect(out.kind === 'failed' && out.error.message).toBe('需要统计人员角色');
  });
  it('does not take a malformed 200 for a preview', () => {
    expect(interpretUploadResponse(200, { ok: true }, '').kind).toBe('failed');
  });
});

describe('progressPercent', () => {
  it('floors to whole percent and caps at 100', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 4)).toBe(100);
  });
});
