import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { checkSpreadsheetZip } from '../../server/src/ingest/zipGuard';
import { writeZip } from '../fixtures/zipWriter';
import { fixture, parse, parseFixture, type ReadResult } from './helpers';

/**
 * SPEC §17 formats arrive with their own ways to hurt a server: truncated compound files, XML
 * entity bombs, tables of millions of rows, ODS cells repeated a billion times. Each is refused with
 * a clear code, quickly, without reading a cell; a password gets its own message.
 */
const fileError = (result: ReadResult) => result.errors.map((e) => [e.row, e.column, e.code]);

describe('password-protected workbooks', () => {
  it.each(['password.xls', 'password.xlsx'])('%s: says to remove the password', async (name) => {
    const result = await parseFixture('unit-targets', name);
    expect(fileError(result)).toEqual([[null, null, 'password_protected']]);
    expect(result.errors[0]!.message).toBe('文件设有密码，请取消密码后另存再上传');
  });
});

describe('XML and HTML tables', () => {
  const spreadsheetMl = (body: string, prolog = '') =>
    `<?xml version="1.0"?>${prolog}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="s"><Table>${body}</Table></Worksheet></Workbook>`;

  it('refuses a billion-laughs SpreadsheetML without expanding anything', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = spreadsheetMl('<Row><Cell><Data ss:Type="String">&lol9;</Data></Cell></Row>', `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]>`);
    const result = await parse('unit-targets', 'laughs.xls', bomb);
    expect(fileError(result)).toEqual([[null, null, 'unsafe_markup']]);
  });

  it('refuses an external entity in an HTML table', async () => {
    const html = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><table><tr><td>&x;</td></tr></table></html>';
    expect(fileError(await parse('unit-targets', 'x.xls', html))).toEqual([[null, null, 'unsafe_markup']]);
  });

  it('reads an ordinary <!DOCTYPE html> page', async () => {
    const html = '<!DOCTYPE html><html><body><table><tr><td>单位</td><td>产值目标</td></tr><tr><td>城中区</td><td>60,000</td></tr></table></body></html>';
    const result = await parse('unit-targets', 'report.xls', html);
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => [e.key, e.value])).toEqual([['450202/output', '60000']]);
  });

  it('refuses a 200,001-row HTML table before parsing it', async () => {
    const html = `<html><table><tr><td>单位</td><td>产值目标</td></tr>${'<tr><td>城中区</td><td>1</td></tr>'.repeat(200_020)}</table></html>`;
    const result = await parse('unit-targets', 'huge.xls', html);
    expect(fileError(result)).toEqual([[null, null, 'too_many_rows']]);
  });

  it('refuses a SpreadsheetML of 200,001 rows', async () => {
    const xml = spreadsheetMl('<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>'.repeat(200_021));
    expect(fileError(await parse('unit-targets', 'huge.xml', xml))).toEqual([[null, null, 'too_many_rows']]);
  });

  it('refuses tens of thousands of merged spans (each costs the reader a pass over every cell)', async () => {
    const html = `<html><table>${'<tr><td rowspan="2">a</td></tr>'.repeat(10_001)}</table></html>`;
    expect(fileError(await parse('unit-targets', 'spans.xls', html))).toEqual([[null, null, 'unsafe_markup']]);
  });

  it('says a table cut short is incomplete', async () => {
    const cut = fixture('unit-actuals-titled.2003.xls').subarray(0, 1500);
    const result = await parse('unit-actuals', 'cut.xls', cut);
    expect(fileError(result)).toEqual([[null, null, 'unreadable_file']]);
    expect(result.errors[0]!.message).toContain('不完整');
  });
});

describe('OpenDocument spreadsheets', () => {
  const part = (name: string, text: string) => ({ name, deflated: deflateSync(strToU8(text)), declaredSize: text.length });
  const manifest = part('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>');
  const ods = (content: string) =>
    writeZip([part('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), manifest, part('content.xml', content)]);
  const table = (rows: string) =>
    `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="s">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;

  it('refuses a valued cell repeated 16,384 columns × 1,000,000 rows (a few bytes that expand to billions of cells)', async () => {
    const result = await parse('unit-targets', 'repeat.ods', ods(table(
      '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
    )));
    expect(fileError(result)).toEqual([[null, null, 'too_many_rows']]);
  });

  it('does not count the empty rows LibreOffice repeats to the end of the sheet', () => {
    const saved = fixture('unit-targets-yi.ods');
    expect(unzipSync(saved)['content.xml']).toBeDefined();
    expect(strFromU8(unzipSync(saved)['content.xml']!)).toContain('table:number-rows-repeated="1048570"');
    expect(checkSpreadsheetZip(saved)).toMatchObject({ ok: true, format: 'ods', rows: 5 });
  });

  it('checks the content of any zip with a manifest, as the reader would read it as OpenDocument', async () => {
    const both = writeZip([part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', '<workbook/>'), part('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), manifest,
      part('content.xml', table('<table:table-row table:number-rows-repeated="300000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'))]);
    expect(fileError(await parse('unit-targets', 'both.xlsx', both))).toEqual([[null, null, 'too_many_rows']]);
  });

  it('refuses an OpenDocument text (.odt) renamed .ods', async () => {
    const odt = writeZip([part('mimetype', 'application/vnd.oasis.opendocument.text'), manifest, part('content.xml', '<x/>')]);
    expect(fileError(await parse('unit-targets', 'letter.ods', odt))).toEqual([[null, null, 'unreadable_file']]);
  });
});

describe('truncated and damaged files of every format never crash the reader', () => {
  const names = ['unit-actuals-titled.xls', 'unit-actuals-titled.et', 'unit-actuals-titled.ods', 'unit-actuals-titled.2003.xls', 'unit-actuals-titled.html.xls', 'subsidy-applications.xls', 'subsidy-applications.ods'];
  it('cut anywhere or with bytes flipped: errors, or the figures of the whole file', async () => {
    const whole = new Map<string, string>();
    for (const name of names) {
      const result = await parseFixture(name.startsWith('unit') ? 'unit-actuals' : 'subsidy-applications', name);
      whole.set(name, JSON.stringify(result.entries.map((e) => [e.key, e.value])));
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), async (name, cutAt, flips) => {
        const data = Buffer.from(fixture(name));
        const out = data.subarray(0, Math.max(1, Math.floor(data.length * cutAt)));
        for (const f of flips) out[Math.floor(f * out.length) % out.length] ^= 0xff;
        const result = await parse(name.startsWith('unit') ? 'unit-actuals' : 'subsidy-applications', name, Buffer.from(out));
        expect(result.errors.length + result.entries.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
        // damage never invents a unit that is not in the file
        if (result.errors.length === 0 && flips.length === 0 && cutAt === 1) expect(JSON.stringify(result.entries.map((e) => [e.key, e.value]))).toBe(whole.get(name));
      }),
      { numRuns: 300 },
    );
  });
});
