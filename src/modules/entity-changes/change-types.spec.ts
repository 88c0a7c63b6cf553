import { classify } from './change-types';
import { decodeCursor, encodeCursor } from './feed-cursor';

describe('classify', () => {
  it.each([
    ['NEW_PROJECT', 'created'],
    ['NEW_TIMER_STARTED', 'created'],
    ['USER_GROUP_CREATED', 'created'],
    ['USER_JOINED_WORKSPACE', 'created'],
    ['TAG_DELETED', 'deleted'],
    ['USER_DELETED_FROM_WORKSPACE', 'deleted'],
    ['PROJECT_UPDATED', 'updated'],
    ['TIMER_STOPPED', 'updated'],
    ['BILLABLE_RATE_UPDATED', 'updated'],
    ['USER_DEACTIVATED_ON_WORKSPACE', 'updated'],
  ])('%s is %s', (event, kind) => expect(classify(event)).toBe(kind));
});

describe('feed cursor', () => {
  it('round-trips and rejects anything else', () => {
    const cursor = { position: '101', xmin: '7345' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('bm9wZQ')).toThrow('cursor');
    expect(() => decodeCursor('')).toThrow('cursor');
  });
});
