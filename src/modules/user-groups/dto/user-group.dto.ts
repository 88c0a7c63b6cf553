/** UserRedactedDtoV1. */
export class UserRedactedDto {
  /** @example "672323eb0024343a1585e8a7" */
  id: string;
  /** @example "Jane Doe" */
  name: string;
}

/** UserGroupDtoV1. */
export class UserGroupDto {
  /** @example "76a687e29ae1f428e7ebe101" */
  id: string;
  /** @example "development_team" */
  name: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** The group's members. @example ["5a0ab5acb07987125438b60f"] */
  userIds: string[];
  /** Team managers of this group (lists fill it only with includeTeamManagers=true). */
  teamManagers: UserRedactedDto[];
}
