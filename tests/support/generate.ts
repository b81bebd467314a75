import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '@scoreboard/shared';

/** A valid 统一社会信用代码 for enterprise number n (deterministic). */
export function creditCode(n: number): string {
  const first17 = `9145020${String(n).padStart(10, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const HEADER = ['申报编号', '企业名称', '统一社会信用代码', '是否规上', '类别', '项目名称', '日期', '申报费用（元）', '认证类型', '信用承诺'];
const KINDS = ['展会', '自办活动', '国际认证'];

function row(i: number, tag = 'BENCH'): string[] {
  const kind = KINDS[i % 3]!;
  const month = String((i % 9) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const yuan = 10_000 + ((i * 7919) % 300_000);
  return [
    `${tag}-${String(i).padStart(6, '0')}`,
    `柳州基准测试企业${i % 5000}有限公司`,
    creditCode(i % 5000),
    i % 11 === 0 ? '否' : '是',
    kind,
    kind === '国际认证' ? 'CE 认证' : '2026 中国—东盟博览会',
    `2026-${month}-${day}`,
    `${yuan}.${String(i % 100).padStart(2, '0')}`,
    kind === '国际认证' ? 'CE' : '',
    '是',
  ];
}

/** subsidy-applications as a UTF-8 CSV with a title row, as statisticians save them. */
export function subsidyCsv(rows: number, tag = 'BENCH'): Buffer {
  const lines = ['示例数据（基准测试）', HEADER.join(',')];
  for (let i = 0; i < rows; i++) lines.push(row(i, tag).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function subsidyXlsx(rows: number, offset = 1_000_000): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报');
  ws.addRow(['示例数据（基准测试）']);
  ws.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    const r = row(offset + i);
    ws.addRow([r[0], r[1], r[2], r[3], r[4], r[5], r[6], Number(r[7]), r[8], r[9]]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The keys and values an upload stores, for the bare-insert baseline. */
export function subsidyEntries(rows: number): Array<[string, string]> {
  return Array.from({ length: rows }, (_, i) => {
    const r = row(i);
    return [r[0]!, JSON.stringify({ applicationId: r[0], enterpriseName: r[1], creditCode: r[2], costFen: Math.round(Number(r[7]) * 100) })];
  });
}
