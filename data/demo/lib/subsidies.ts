import { makeCreditCode } from './creditCode';
import type { Prng } from './prng';

/**
 * Enterprise subsidy applications (四: 支持企业开拓市场) and the joint-punishment list. Every enterprise
 * is fictional ("示例" in each name); credit codes are generated with valid check characters.
 *
 * The SPEC §6 worked examples are here with their exact figures (E01–E05), and each ineligibility
 * reason of the API (`not_above_size`, `date_outside_window`, `joint_punishment`,
 * `missing_declaration`) occurs alone at least once, plus one application with three at once.
 */
type AboveSize = '是' | '否' | '';
type Kind = '展会' | '自办活动' | '国际认证';

interface EnterpriseDesign {
  key: string;
  name: string;
  aboveSize: AboveSize; // '' only for an enterprise that claims certification alone (no size rule)
}

interface ApplicationDesign {
  enterprise: string;
  kind: Kind;
  item: string;
  date: string;
  costYuan: string;
  certType?: string;
  declaration?: '是' | '否' | ''; // default 是
}

export const ENTERPRISES: readonly EnterpriseDesign[] = [
  { key: 'E01', name: '柳州示例机械有限公司', aboveSize: '是' },
  { key: 'E02', name: '柳州示例汽车零部件有限公司', aboveSize: '是' },
  { key: 'E03', name: '柳州示例电子科技有限公司', aboveSize: '是' },
  { key: 'E04', name: '柳州示例精密仪器有限公司', aboveSize: '是' },
  { key: 'E05', name: '柳州示例智能装备有限公司', aboveSize: '是' },
  { key: 'E06', name: '柳州示例螺蛳粉食品有限公司', aboveSize: '是' },
  { key: 'E07', name: '柳州示例新能源电池有限公司', aboveSize: '是' },
  { key: 'E08', name: '柳州示例机器人有限公司', aboveSize: '是' },
  { key: 'E09', name: '柳州示例无人机科技有限公司', aboveSize: '否' },
  { key: 'E10', name: '柳州示例纸业有限公司', aboveSize: '否' },
  { key: 'E11', name: '柳州示例钢构有限公司', aboveSize: '是' },
  { key: 'E12', name: '柳州示例化工有限公司', aboveSize: '是' },
  { key: 'E13', name: '柳州示例模具有限公司', aboveSize: '是' },
  { key: 'E14', name: '柳州示例医药有限公司', aboveSize: '是' },
  { key: 'E15', name: '柳州示例林产有限公司', aboveSize: '是' },
  { key: 'E16', name: '柳州示例包装有限公司', aboveSize: '否' },
  { key: 'E17', name: '柳州示例电气有限公司', aboveSize: '是' },
  { key: 'E18', name: '柳州示例轮胎有限公司', aboveSize: '是' },
  { key: 'E19', name: '柳州示例照明有限公司', aboveSize: '是' },
  { key: 'E20', name: '柳州示例家居有限公司', aboveSize: '是' },
  { key: 'E21', name: '柳州示例环保设备有限公司', aboveSize: '是' },
  { key: 'E22', name: '柳州示例精密铸造有限公司', aboveSize: '是' },
  { key: 'E23', name: '柳州示例新材料有限公司', aboveSize: '是' },
  { key: 'E24', name: '柳州示例软件有限公司', aboveSize: '' },
  { key: 'E25', name: '柳州示例农机有限公司', aboveSize: '是' },
];

/** Listed enterprises that never applied (E11, which did apply, is listed too). */
const BLACKLIST_ONLY: readonly EnterpriseDesign[] = [
  { key: 'B01', name: '柳州示例建材有限公司', aboveSize: '是' },
  { key: 'B02', name: '柳州示例物流有限公司', aboveSize: '否' },
];
const BLACKLIST: readonly { key: string; listedOn: string }[] = [
  { key: 'B01', listedOn: '2025-10-21' },
  { key: 'E11', listedOn: '2025-08-14' },
  { key: 'B02', listedOn: '2026-02-03' },
];

export const APPLICATIONS: readonly ApplicationDesign[] = [
  // SPEC §6 worked examples
  { enterprise: 'E01', kind: '展会', item: '2026年中国—东盟博览会', date: '2026-09-17', costYuan: '237000.00' }, // → 10 (cap)
  { enterprise: 'E02', kind: '展会', item: '2026年上海国际汽车零部件展', date: '2026-06-10', costYuan: '179000.00' }, // → 8
  { enterprise: 'E03', kind: '展会', item: '2026年深圳国际电子展', date: '2026-04-09', costYuan: '19999.99' }, // → 0
  { enterprise: 'E04', kind: '国际认证', item: '欧盟CE认证（数控测量仪）', date: '2026-03-20', costYuan: '60000.00', certType: 'CE' },
  { enterprise: 'E04', kind: '国际认证', item: '美国UL认证（数控测量仪）', date: '2026-05-28', costYuan: '60000.00', certType: 'UL' }, // → 5
  { enterprise: 'E05', kind: '展会', item: '2026年德国汉诺威工业博览会', date: '2026-04-20', costYuan: '150000.00' },
  { enterprise: 'E05', kind: '展会', item: '2026年中国国际工业博览会', date: '2026-09-22', costYuan: '100000.00' }, // → 10
  // ordinary eligible claims
  { enterprise: 'E06', kind: '自办活动', item: '2026年全国经销商大会', date: '2026-03-18', costYuan: '320000.00' }, // → 15 (cap)
  { enterprise: 'E06', kind: '展会', item: '2026年迪拜海湾食品展', date: '2026-02-16', costYuan: '86400.50' },
  { enterprise: 'E07', kind: '国际认证', item: '美国UL认证（储能电池）', date: '2026-07-08', costYuan: '38600.00', certType: 'UL' },
  { enterprise: 'E07', kind: '展会', item: '2026年慕尼黑国际太阳能展', date: '2026-06-24', costYuan: '126800.00' },
  { enterprise: 'E08', kind: '展会', item: '2026年世界机器人大会', date: '2026-08-12', costYuan: '98765.43' },
  { enterprise: 'E08', kind: '自办活动', item: '协作机器人新品发布会', date: '2026-05-15', costYuan: '45000.00' },
  { enterprise: 'E08', kind: '自办活动', item: '2026年产品订货会', date: '2026-08-26', costYuan: '62000.00' },
  // not 规上: exhibitions and own events are refused, certification has no size rule
  { enterprise: 'E09', kind: '展会', item: '2026年低空经济博览会', date: '2026-05-22', costYuan: '80000.00' },
  { enterprise: 'E09', kind: '国际认证', item: '欧盟CE认证（植保无人机）', date: '2026-06-30', costYuan: '42000.00', certType: 'CE' },
  { enterprise: 'E10', kind: '自办活动', item: '2026年产品订货会', date: '2026-04-28', costYuan: '56000.00' },
  // on the joint-punishment list
  { enterprise: 'E11', kind: '展会', item: '2026年中国国际钢结构展', date: '2026-05-12', costYuan: '160000.00' },
  { enterprise: 'E11', kind: '国际认证', item: '欧盟CE认证（钢结构构件）', date: '2026-03-02', costYuan: '35000.00', certType: 'CE' },
  // dates outside 2026-01-01 … 2026-09-30
  { enterprise: 'E12', kind: '展会', item: '2025年中国国际化工展', date: '2025-12-31', costYuan: '128000.00' },
  { enterprise: 'E12', kind: '展会', item: '2026年中国国际涂料展', date: '2026-04-10', costYuan: '88000.00' },
  { enterprise: 'E13', kind: '国际认证', item: '欧盟CE认证（注塑模具）', date: '2026-10-09', costYuan: '45000.00', certType: 'CE' },
  // missing declaration: 否, and blank
  { enterprise: 'E14', kind: '自办活动', item: '创新药新品发布会', date: '2026-06-18', costYuan: '120000.00', declaration: '否' },
  { enterprise: 'E15', kind: '国际认证', item: 'FSC森林认证（产销监管链）', date: '2026-02-27', costYuan: '30000.00', certType: 'FSC', declaration: '' },
  // three faults at once: not 规上, dated 2025, declaration 否
  { enterprise: 'E16', kind: '展会', item: '2025年中国国际包装展', date: '2025-11-28', costYuan: '90000.00', declaration: '否' },
  // more eligible claims: caps reached by summing, fen that round down, window boundaries
  { enterprise: 'E17', kind: '自办活动', item: '2026年经销商大会', date: '2026-03-26', costYuan: '180000.00' },
  { enterprise: 'E17', kind: '自办活动', item: '智能配电柜新品发布会', date: '2026-07-15', costYuan: '150000.00' },
  { enterprise: 'E17', kind: '展会', item: '2026年中国国际电力电工展', date: '2026-06-03', costYuan: '50000.01' },
  { enterprise: 'E18', kind: '展会', item: '2026年德国科隆国际轮胎展', date: '2026-06-09', costYuan: '205000.00' },
  { enterprise: 'E18', kind: '国际认证', item: '欧盟ECE认证（乘用车轮胎）', date: '2026-02-10', costYuan: '9999.99', certType: 'ECE' },
  { enterprise: 'E19', kind: '国际认证', item: '欧盟CE认证（LED灯具）', date: '2026-01-15', costYuan: '15000.00', certType: 'CE' },
  { enterprise: 'E19', kind: '国际认证', item: '美国UL认证（LED灯具）', date: '2026-08-05', costYuan: '15000.00', certType: 'UL' },
  { enterprise: 'E20', kind: '展会', item: '2026年春季广交会', date: '2026-04-23', costYuan: '66666.66' },
  { enterprise: 'E21', kind: '自办活动', item: '2026年产品订货会', date: '2026-05-08', costYuan: '98000.00' },
  { enterprise: 'E21', kind: '国际认证', item: '欧盟CE认证（污水处理设备）', date: '2026-07-21', costYuan: '25800.00', certType: 'CE' },
  { enterprise: 'E22', kind: '展会', item: '2026年中国国际铸造博览会', date: '2026-06-16', costYuan: '140000.00' },
  { enterprise: 'E23', kind: '展会', item: '2026年中国—东盟博览会', date: '2026-09-30', costYuan: '72000.00' },
  { enterprise: 'E23', kind: '自办活动', item: '高性能合金新品发布会', date: '2026-01-01', costYuan: '40000.00' },
  { enterprise: 'E24', kind: '国际认证', item: 'IECEE CB认证（工业控制软件）', date: '2026-08-18', costYuan: '18000.00', certType: 'CB' },
  { enterprise: 'E25', kind: '展会', item: '2026年中国国际农业机械展览会', date: '2026-09-08', costYuan: '112300.00' },
  { enterprise: 'E25', kind: '自办活动', item: '2026年经销商大会', date: '2026-02-25', costYuan: '210000.00' },
];

const DISTRICT_DIGITS = ['2', '3', '4', '5', '6']; // 450202 … 450206

/** One credit code per enterprise key, drawn in a fixed order so the files are reproducible. */
export function creditCodes(prng: Prng): Map<string, string> {
  const codes = new Map<string, string>();
  for (const e of [...ENTERPRISES, ...BLACKLIST_ONLY]) {
    let code = makeCreditCode(prng, prng.pick(DISTRICT_DIGITS));
    while ([...codes.values()].includes(code)) code = makeCreditCode(prng, prng.pick(DISTRICT_DIGITS));
    codes.set(e.key, code);
  }
  return codes;
}

function enterprise(key: string): EnterpriseDesign {
  const found = [...ENTERPRISES, ...BLACKLIST_ONLY].find((e) => e.key === key);
  if (!found) throw new Error(`unknown enterprise ${key}`);
  return found;
}

export function subsidyApplicationRows(codes: Map<string, string>): string[][] {
  return APPLICATIONS.map((a, i) => {
    const e = enterprise(a.enterprise);
    return [
      `SQ2026-${String(i + 1).padStart(3, '0')}`,
      e.name,
      codes.get(e.key)!,
      e.aboveSize,
      a.kind,
      a.item,
      a.date,
      a.costYuan,
      a.certType ?? '',
      a.declaration ?? '是',
    ];
  });
}

export function creditBlacklistRows(codes: Map<string, string>): string[][] {
  return BLACKLIST.map((b) => [codes.get(b.key)!, enterprise(b.key).name, b.listedOn]);
}
