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

/**
 * A sentence from the server or a template that quotes data (a file name, a header as the file
 * wrote it, a unit's name): every run of Chinese inside it is marked as Chinese, so an English page
 * says which words are in another language (WCAG 3.1.2). In Chinese it is the plain text.
 */
export function MarkedText({ text }: { text: string }) {
  const parts = text.split(/([\p{Script=Han}（）“”：；、，。《》·\d.%]*\p{Script=Han}[\p{Script=Han}（）“”：；、，。《》·]*)/u);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <span key={i} lang="zh-CN">{part}</span> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
