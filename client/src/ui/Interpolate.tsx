import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with markup in its placeholders: t() fills the plain ones and leaves
 * "{name}" for this to fill with a node, e.g. a name marked as Chinese inside an English sentence.
 */
export function Interpolate({ template, values }: { template: string; values: Record<string, ReactNode> }) {
  const parts = template.split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return <Fragment key={i}>{name !== undefined && name in values ? values[name] : part}</Fragment>;
      })}
    </>
  );
}

/**
 * The language of a piece of data (an enterprise's name, a file name, a reason someone typed):
 * Chinese when it holds Chinese characters, so an English page marks it as such (WCAG 3.1.2).
 */
export const langOfData = (text: string | null | undefined): 'zh-CN' | undefined => (text && /\p{Script=Han}/u.test(text) ? 'zh-CN' : undefined);

/** A piece of data in its own language. */
export function DataText({ text, className }: { text: string; className?: string }) {
  return (
    <span lang={langOfData(text)} className={className}>
      {text}
    </span>
  );
}
