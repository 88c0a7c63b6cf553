/**
 * SQL conditions: whether the row of a holiday (`alias`) or policy applies to
 * the user in parameter `userParam`: to everyone, to the user by id, or to a
 * group the user belongs to.
 */
export function holidayAppliesTo(alias: string, userParam: string): string {
  return `(${alias}.everyone
    OR EXISTS (SELECT 1 FROM holiday_users hu WHERE hu.holiday_id = ${alias}.id AND hu.user_id = ${userParam})
    OR EXISTS (SELECT 1 FROM holiday_user_groups hg
                 JOIN user_group_members gm ON gm.workspace_id = hg.workspace_id AND gm.user_group_id = hg.user_group_id
                WHERE hg.holiday_id = ${alias}.id AND gm.user_id = ${userParam}))`;
}

export function policyAppliesTo(alias: string, userParam: string): string {
  return `(${alias}.everyone
    OR EXISTS (SELECT 1 FROM time_off_policy_users pu WHERE pu.policy_id = ${alias}.id AND pu.user_id = ${userParam})
    OR EXISTS (SELECT 1 FROM time_off_policy_user_groups pg
                 JOIN user_group_members gm ON gm.workspace_id = pg.workspace_id AND gm.user_group_id = pg.user_group_id
                WHERE pg.policy_id = ${alias}.id AND gm.user_id = ${userParam}))`;
}

/** The members a policy applies to (`policyParam`), as a subquery of user ids in workspace `wsParam`. */
export function policyMembers(wsParam: string, policyParam: string): string {
  return `SELECT m.user_id FROM workspace_members m JOIN time_off_policies p ON p.workspace_id = m.workspace_id AND p.id = ${policyParam}
           WHERE m.workspace_id = ${wsParam} AND m.status IN ('ACTIVE', 'PENDING') AND ${policyAppliesTo('p', 'm.user_id')}`;
}

/**
 * The occurrences of holidays of workspace `$1` overlapping dates `$2`..`$3`:
 * annual holidays are moved into every year of the period (and the year
 * before, for one that spans New Year) by generate_series. Columns: the
 * holiday's own, plus occ_start and occ_end.
 */
export function holidayOccurrencesSql(extraWhere: string): string {
  return `SELECT h.*, occ.occ_start, occ.occ_end
            FROM holidays h
            CROSS JOIN LATERAL (
              SELECT h.start_date AS occ_start, h.end_date AS occ_end WHERE NOT h.occurs_annually
              UNION ALL
              SELECT (h.start_date + make_interval(years => y - extract(year FROM h.start_date)::int))::date,
                     (h.end_date + make_interval(years => y - extract(year FROM h.start_date)::int))::date
                FROM generate_series(extract(year FROM $2::date)::int - 1, extract(year FROM $3::date)::int) AS y
               WHERE h.occurs_annually
            ) occ
           WHERE h.workspace_id = $1 AND occ.occ_start <= $3::date AND occ.occ_end >= $2::date ${extraWhere}`;
}
