import { describe, expect, it } from '@jest/globals';
import { matchPath } from './routes';

describe('matchPath', () => {
  it('matches fixed paths exactly', () => {
    expect(matchPath('/briefs', '/briefs')).toEqual({});
    expect(matchPath('/briefs', '/briefs/new')).toBeNull();
    expect(matchPath('/briefs/new', '/briefs/x')).toBeNull();
  });
  it('reads parameters, decoded', () => {
    expect(matchPath('/briefs/:id', '/briefs/a%2Fb')).toEqual({ id: 'a/b' });
    expect(matchPath('/campaigns/:id/pilot', '/campaigns/7/pilot')).toEqual({ id: '7' });
    expect(matchPath('/campaigns/:id/pilot', '/campaigns/7/launch')).toBeNull();
  });
});
