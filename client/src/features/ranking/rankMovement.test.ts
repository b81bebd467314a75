import { describe, expect, it } from 'vitest';
import { movementOf } from './rankMovement';

describe('rank movement from the server', () => {
  it('▲ / ▼ by places against the previous ranking', () => {
    expect(movementOf({ rank: 1, previousRank: 12 }, 7)).toEqual({ kind: 'up', places: 11 });
    expect(movementOf({ rank: 4, previousRank: 1 }, 7)).toEqual({ kind: 'down', places: 3 });
    expect(movementOf({ rank: 2, previousRank: 2 }, 7)).toEqual({ kind: 'same' });
  });
  it('"new" for a unit ranked now but not before; nothing when unranked or without history', () => {
    expect(movementOf({ rank: 7, previousRank: null }, 7)).toEqual({ kind: 'new' });
    expect(movementOf({ rank: null, previousRank: 3 }, 7)).toBeNull();
    expect(movementOf({ rank: 1, previousRank: null }, null)).toBeNull();
  });
});
