import { toBudgetEstimateDto, toEstimateResetDto, toMembershipDto, toTimeEstimateDto } from './project.mapper';

describe('project mapper', () => {
  it('prints a MANUAL time estimate from its seconds and an AUTO one from the tasks', () => {
    const manual = toTimeEstimateDto(
      { active: true, estimate: 45000, includeNonBillable: false, resetOption: 'MONTHLY', type: 'MANUAL' },
      3600,
    );
    expect(manual).toEqual({
      active: true,
      estimate: 'PT12H30M',
      includeNonBillable: false,
      resetOption: 'MONTHLY',
      type: 'MANUAL',
    });
    expect(toTimeEstimateDto(null, 5400)).toEqual({
      active: false,
      estimate: 'PT1H30M',
      includeNonBillable: true,
      resetOption: null,
      type: 'AUTO',
    });
    expect(toTimeEstimateDto(null, 0).estimate).toBe('PT0S');
  });

  it('keeps budget estimates in cents', () => {
    expect(
      toBudgetEstimateDto(
        { active: true, estimate: 250000, includeExpenses: true, resetOption: null, type: 'MANUAL' },
        10,
      ).estimate,
    ).toBe(250000);
    expect(toBudgetEstimateDto(null, 1234)).toEqual({
      active: false,
      estimate: 1234,
      includeExpenses: false,
      resetOption: null,
      type: 'AUTO',
    });
  });

  it('maps the reset and group memberships', () => {
    expect(toEstimateResetDto(null)).toBeNull();
    expect(
      toMembershipDto({
        project_id: 'p',
        user_id: null,
        user_group_id: 'g',
        status: null,
        hourly_amount: null,
        hourly_currency: null,
        cost_amount: '100',
        cost_currency: 'EUR',
      }),
    ).toEqual({
      userId: 'g',
      targetId: 'p',
      membershipType: 'USERGROUP',
      membershipStatus: 'ACTIVE',
      hourlyRate: null,
      costRate: { amount: 100, currency: 'EUR' },
    });
  });
});
