import { zh, type MessageKey } from './zh';
import { en } from './en';

export type Lang = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** Pure lookup with {name} placeholders; no DOM, so option builders and tests can use it. */
export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    const text = dict[key] ?? zh[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
export type { MessageKey };
