import { createHmac } from 'node:crypto';
import { notifyMessages as M } from './messages.ts';

// The two group robots: 企业微信 (WeCom) and 钉钉 (DingTalk). Both take a JSON POST and answer
// {"errcode":0,...} on success; anything else is a failure to retry.

/** The WeCom robot's Markdown message. */
export function wecomMessage(text: string): object {
  return { msgtype: 'markdown', markdown: { content: text } };
}

/** The DingTalk robot's Markdown message. */
export function dingtalkMessage(title: string, text: string): object {
  return { msgtype: 'markdown', markdown: { title, text } };
}

/**
 * A DingTalk webhook address signed for "加签" robots: timestamp in ms and
 * sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret))).
 */
export function signDingtalkUrl(
  webhook: string,
  secret: string | null | undefined,
  timestamp: number,
): string {
  if (!secret) return webhook;
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const separator = webhook.includes('?') ? '&' : '?';
  return `${webhook}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** Posts a robot message; throws a Chinese error on a network failure, a non-2xx status or errcode ≠ 0. */
export async function postRobot(url: string, message: object, timeoutMs = 10_000): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // The cause (e.g. ECONNREFUSED) says more than "fetch failed"; the URL is never part of it.
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(M.robotUnreachable(cause));
  }
  const text = await response.text();
  if (!response.ok) throw new Error(M.robotStatus(response.status));
  let answer: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(M.robotNotJson);
  }
  if (answer.errcode !== undefined && answer.errcode !== 0) {
    throw new Error(M.robotRefused(String(answer.errcode), String(answer.errmsg ?? '')));
  }
}
