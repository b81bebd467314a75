import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { actorName } from './actors';

describe('actorName', () => {
  it('names the server itself in the reader’s language and leaves people’s names alone', () => {
    expect(actorName('system', translator('zh-CN'))).toBe('系统');
    expect(actorName('system', translator('en'))).toBe('System');
    expect(actorName('tongji01', translator('zh-CN'))).toBe('tongji01');
  });
});
