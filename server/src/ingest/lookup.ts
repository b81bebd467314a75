import type { Policy, Registry, SubsidyKind } from '@scoreboard/shared';
import { compact } from './cells';

/**
 * Resolves what people type for a unit, an industry or a subsidy kind: the name, the code, the
 * short name or an alias from the registry, with spaces and full-width brackets made uniform.
 */
const normalise = (text: string): string => compact(text).toLowerCase();
// The maps below are keyed by normalised words, and normalising is idempotent: a text that is a key
// as typed is looked up without normalising it (the common case, for every row of a large file).

export interface Named {
  id: string;
  name: string;
  nameEn: string;
}

export interface Resolver {
  resolve(text: string): Named | null;
  /** message params naming some valid entries: `examples` (“城中区”、…) and a `code` */
  examples: { examples: string; code?: string };
}

export function unitResolver(policy: Policy, registry: Registry): Resolver {
  const map = new Map<string, Named>();
  const ranked = new Set(policy.units);
  for (const unit of registry.units) {
    if (!ranked.has(unit.unitId)) continue; // only the units this policy assesses
    const named = { id: unit.unitId, name: unit.name, nameEn: unit.nameEn };
    for (const word of [unit.unitId, unit.name, unit.shortName, unit.nameEn, ...unit.aliases]) map.set(normalise(word), named);
  }
  const examples = registry.units.filter((u) => ranked.has(u.unitId)).slice(0, 4).map((u) => `“${u.name}”`);
  return { resolve: (text) => map.get(text) ?? map.get(normalise(text)) ?? null, examples: { examples: examples.join('、'), code: policy.units[0]! } };
}

export function industryResolver(registry: Registry): Resolver {
  const map = new Map<string, Named>();
  for (const industry of registry.industries) {
    const named = { id: industry.industryId, name: industry.shortName, nameEn: industry.nameEn };
    for (const word of [industry.industryId, industry.name, industry.shortName, industry.nameEn, ...industry.aliases]) {
      map.set(normalise(word), named);
    }
  }
  const examples = registry.industries.slice(0, 3).map((i) => `“${i.name}”`);
  return { resolve: (text) => map.get(text) ?? map.get(normalise(text)) ?? null, examples: { examples: examples.join('、') } };
}

/** 类别 words come from the policy's subsidy kinds: id, names, short name and the words it lists. */
export function kindResolver(policy: Policy): (text: string) => SubsidyKind | null {
  const map = new Map<string, SubsidyKind>();
  for (const rule of policy.subsidies.kinds) {
    for (const word of [rule.kind, rule.name, rule.nameEn, rule.shortName, ...rule.aliases]) map.set(normalise(word), rule.kind);
  }
  return (text) => {
    const typed = map.get(text); // a kind's own word as typed: nothing to make uniform
    if (typed !== undefined) return typed;
    const word = normalise(text);
    // "展会补贴", "认证类" name the same kinds
    return map.get(word) ?? map.get(word.replace(/(补贴|补助|支持|类|项目)$/, '')) ?? null;
  };
}

/** A total row (合计, 总计, 全市, 小计, "合 计"（全角空格）) is not a unit: new districts overlap districts (SPEC §2). */
const TOTAL_WORDS = ['全市', '全市合计', '全市总计', '全市小计', '合计', '总计', '小计', '共计', '总和', '本页合计', 'total', 'subtotal', 'grandtotal', 'sum'];
/** Footnotes under a table: "注：…", "填表人：…", "数据来源：…". */
const NOTE_ROW = /^(注|说明|备注|填表|制表|审核|负责人|联系人|联系电话|数据来源|资料来源|单位[:：])/;
const NOTE_FIRST = '注说备填制审负联数资单';

/**
 * What a row's label (the text of its id cell) says the row is: a total row, a footnote, or data
 * (null). `city` is the registry's city (柳州市): a row named after the whole city is a total too.
 * Every row of a 100,000-row file passes here: a label that starts with an ASCII character no
 * total or footnote starts with (an application id, a unit code) is data at once, and any other
 * is normalised once.
 */
export function rowLabelKind(city: string): (label: string) => 'total' | 'note' | null {
  const cityWord = normalise(city);
  const totals = new Set([...TOTAL_WORDS, cityWord, `${cityWord}合计`]);
  const firsts = new Set([...totals, ...NOTE_FIRST].map((word) => word.charCodeAt(0)));
  return (label) => {
    const first = label.charCodeAt(0);
    // ASCII other than white space is its own normalised form, lower-cased (A-Z → a-z)
    if (first > 32 && first < 127 && !firsts.has(first >= 65 && first <= 90 ? first + 32 : first)) return null;
    const word = normalise(label);
    const bare = word.includes(':') ? word.replace(/:/g, '') : word;
    if (totals.has(bare)) return 'total';
    return NOTE_ROW.test(word) ? 'note' : null;
  };
}
