import { describe, expect, it } from 'vitest';
import { createRevisionCache } from '../../server/src/services/revisionCache';

describe('revision cache', () => {
  it('computes once per policy and revision, and again when the revision moves', () => {
    const revisions: Record<string, number> = { a: 1, b: 7 };
    const cache = createRevisionCache<{ n: number }>((id) => revisions[id]!);
    let computed = 0;
    const get = (id: string) => cache(id, () => ({ n: ++computed }));
    const first = get('a');
    expect(get('a')).toBe(first); // same object: the serializer memo hits too
    expect(get('b')).toEqual({ n: 2 });
    revisions.a = 2;
    expect(get('a')).toEqual({ n: 3 });
    expect(computed).toBe(3);
  });
});
