import type { WebhookJsonPayload, WebhookKind } from '@scoreboard/shared';

/**
 * What a notification says (SPEC.md §18): one message, kept as the `json` body, rendered as
 * Chinese markdown for the 企业微信 and 钉钉 group robots. Pure functions: the tests call them with
 * plain objects.
 */
export type MessageEvent = WebhookJsonPayload['event'];
export type TopPlace = WebhookJsonPayload['top'][number];

export const EVENT_TITLES: Record<MessageEvent, string> = {
  'upload.committed': '数据已上传',
  'upload.refused': '上传被拒绝',
  'awards.changed': '奖励名次变动',
  'awards.finalized': '奖励表已定稿',
  test: '测试消息',
};

export const UPLOAD_KIND_NAMES: Record<string, string> = {
  'unit-targets': '县区目标',
  'unit-actuals': '县区月度完成',
  'industry-output': '产业产值',
  'subsidy-applications': '企业补助申报',
  'credit-blacklist': '失信联合惩戒名单',
};

const APP_NAME = '工业稳增长考核看板';
// 企业微信 refuses markdown content over 4096 bytes; keep well inside it.
const MAX_MARKDOWN_BYTES = 3800;

/** 2026-11-28 23:21 in China Standard Time, whatever the server's own time zone. */
export function chinaTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** "109.60 分": a score is published to two decimals (SPEC.md §4); this only prints it. */
const score = (s: number | null) => (s === null ? '—' : `${s.toFixed(2)} 分`);

function placesLines(top: readonly TopPlace[]): string {
  return top.map((p) => `${p.rank}. ${p.unitName} · ${score(p.score)} · ${p.award > 0 ? `**${p.award} 万元**` : '无奖励'}`).join('\n');
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let cut = text;
  while (Buffer.byteLength(cut) > max - 10) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut}\n……（略）`;
}

/** The Chinese markdown both robots show: title, policy, what happened, the places, a link. */
export function markdownText(m: WebhookJsonPayload): string {
  const caption = `${m.event === 'awards.finalized' ? '定稿奖励名次' : '当前奖励名次'}${m.month === null ? '' : `（截至 ${m.month} 月）`}`;
  const blocks = [
    `### 【${APP_NAME}】${EVENT_TITLES[m.event]}`,
    m.policyTitle ? `**${m.policyTitle}**${m.revision === null ? '' : `（第 ${m.revision} 版数据）`}` : null,
    m.summary
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
    m.top.length ? `**${caption}**\n${placesLines(m.top)}` : null,
    m.link ? `[打开看板查看](${m.link})` : null,
    `<font color="comment">${chinaTime(m.at)}</font>`,
  ];
  return truncateBytes(blocks.filter((b): b is string => b !== null).join('\n\n'), MAX_MARKDOWN_BYTES);
}

/** The HTTP body for a target of `kind`. */
export function renderBody(kind: WebhookKind, m: WebhookJsonPayload): unknown {
  switch (kind) {
    case 'wecom': // 企业微信群机器人: msgtype markdown, content ≤ 4096 bytes
      return { msgtype: 'markdown', markdown: { content: markdownText(m) } };
    case 'dingtalk': // 钉钉自定义机器人: msgtype markdown with a title for the notification
      return { msgtype: 'markdown', markdown: { title: `${APP_NAME}：${EVENT_TITLES[m.event]}`, text: markdownText(m) } };
    case 'json':
      return m;
  }
}
