import { createHmac } from 'node:crypto';

/**
 * 钉钉 robot 加签 (SPEC.md §18, as its robot API asks): sign = base64(HMAC-SHA256(key = secret,
 * message = "<timestamp>\n<secret>")), sent URL-encoded with the timestamp (ms) in the query. The
 * robot refuses a timestamp more than an hour off, so every attempt is signed afresh.
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

export function signedDingtalkUrl(url: string, secret: string | null, timestamp: number): string {
  if (!secret) return url;
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', dingtalkSign(secret, timestamp)); // URLSearchParams percent-encodes + / =
  return signed.toString();
}

/**
 * A `json` target with a secret gets X-Scoreboard-Timestamp and X-Scoreboard-Signature:
 * "sha256=" + hex(HMAC-SHA256(key = secret, message = "<timestamp>.<body>")), so the receiver can
 * tell the message is ours and fresh (docs/deploy.md shows how to check it).
 */
export function jsonSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * The address as the API shows it: every query value masked but its last four characters — a
 * 企业微信 key= or 钉钉 access_token= lets anyone post to the group, so it is a secret too.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = parsed.username ? '****' : '';
      parsed.password = parsed.password ? '****' : '';
    }
    for (const [key, value] of [...parsed.searchParams]) parsed.searchParams.set(key, `****${value.length > 8 ? value.slice(-4) : ''}`);
    return decodeURIComponent(parsed.toString());
  } catch {
    return '(invalid url)';
  }
}
