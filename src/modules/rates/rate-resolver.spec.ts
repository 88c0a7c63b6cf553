import { ALL_TIME, RateCandidate, RateLevel, resolveRates, shadowingLevels } from './rate-resolver';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const at = d('2024-06-01');
const rate = (
  level: RateLevel,
  amount: number,
  since = '2020-01-01',
  kind: 'HOURLY' | 'COST' = 'HOURLY',
): RateCandidate => ({
  kind,
  level,
  amount,
  currency: 'USD',
  since: d(since),
});

describe('rate resolution (task > project member > project > workspace member > workspace)', () => {
  const cases: [string, RateCandidate[], number | null][] = [
    ['nothing set', [], null],
    ['workspace only', [rate(RateLevel.Workspace, 1000)], 1000],
    ['member beats workspace', [rate(RateLevel.Workspace, 1000), rate(RateLevel.WorkspaceMember, 2000)], 2000],
    ['project beats member', [rate(RateLevel.WorkspaceMember, 2000), rate(RateLevel.Project, 3000)], 3000],
    ['project member beats project', [rate(RateLevel.Project, 3000), rate(RateLevel.ProjectMember, 4000)], 4000],
    [
      'task beats everything',
      [
        rate(RateLevel.Workspace, 1),
        rate(RateLevel.WorkspaceMember, 2),
        rate(RateLevel.Project, 3),
        rate(RateLevel.ProjectMember, 4),
        rate(RateLevel.Task, 5),
      ],
      5,
    ],
    ['a zero rate still counts', [rate(RateLevel.Workspace, 1000), rate(RateLevel.Project, 0)], 0],
    [
      'a step after the entry does not apply',
      [rate(RateLevel.Workspace, 1000), rate(RateLevel.Task, 9000, '2024-07-01')],
      1000,
    ],
    [
      'history: the newest step started by then',
      [
        rate(RateLevel.Workspace, 1000, '2020-01-01'),
        rate(RateLevel.Workspace, 1500, '2024-01-01'),
        rate(RateLevel.Workspace, 1800, '2025-01-01'),
      ],
      1500,
    ],
    [
      'a step starting exactly at the entry applies',
      [rate(RateLevel.Workspace, 1000, '2020-01-01'), rate(RateLevel.Workspace, 1200, '2024-06-01')],
      1200,
    ],
  ];
  it.each(cases)('%s', (_, candidates, expected) => {
    expect(resolveRates(candidates, at).hourly?.amount ?? null).toBe(expected);
  });

  it('resolves hourly and cost independently', () => {
    const resolved = resolveRates(
      [rate(RateLevel.Task, 5000), rate(RateLevel.Workspace, 700, '2020-01-01', 'COST')],
      at,
    );
    expect(resolved).toEqual({ hourly: { amount: 5000, currency: 'USD' }, cost: { amount: 700, currency: 'USD' } });
  });
});

describe('a rate set without since (ALL_TIME)', () => {
  it('applies to any entry, however old, and a stronger level still wins', () => {
    const old = d('1990-05-01');
    expect(resolveRates([rate(RateLevel.Workspace, 1000, '0001-01-01')], old).hourly?.amount).toBe(1000);
    expect(ALL_TIME.getTime()).toBeLessThan(old.getTime());
    expect(
      resolveRates(
        [rate(RateLevel.Workspace, 1000, '0001-01-01'), rate(RateLevel.WorkspaceMember, 2000, '0001-01-01')],
        old,
      ).hourly?.amount,
    ).toBe(2000);
  });
});

describe('shadowingLevels (the levels a re-pricing must not override)', () => {
  it.each([
    [RateLevel.Workspace, [RateLevel.Task, RateLevel.ProjectMember, RateLevel.Project, RateLevel.WorkspaceMember]],
    [RateLevel.WorkspaceMember, [RateLevel.Task, RateLevel.ProjectMember, RateLevel.Project]],
    [RateLevel.Project, [RateLevel.Task, RateLevel.ProjectMember]],
    [RateLevel.ProjectMember, [RateLevel.Task]],
    [RateLevel.Task, []],
  ])('level %s is overridden by %j', (level, stronger) => expect(shadowingLevels(level)).toEqual(stronger));

  it('agrees with resolveRates: a level decides exactly when no level it lists is in force', () => {
    const all = [
      RateLevel.Workspace,
      RateLevel.WorkspaceMember,
      RateLevel.Project,
      RateLevel.ProjectMember,
      RateLevel.Task,
    ];
    for (const level of all) {
      for (const other of all.filter((l) => l !== level)) {
        const winner = resolveRates([rate(level, 1), rate(other, 2)], at).hourly?.amount;
        expect(winner === 2).toBe(shadowingLevels(level).includes(other));
      }
    }
  });
});
