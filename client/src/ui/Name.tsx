/**
 * A name in Chinese, with its English beside it in English mode ("柳东新区 Liudong New Area"). The
 * Chinese part is marked as Chinese so a screen reader reading an English page says it right
 * (WCAG 3.1.2, language of parts).
 */
export function BilingualName({ parts, className }: { parts: readonly [string, string | null]; className?: string }) {
  const [zh, en] = parts;
  if (en === null) return <span className={className} lang="zh-CN">{zh}</span>;
  return (
    <span className={className}>
      <span lang="zh-CN">{zh}</span> <span className="name-en">{en}</span>
    </span>
  );
}
