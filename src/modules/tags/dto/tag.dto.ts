/** TagDtoV1. */
export class TagDto {
  /** @example "21s687e29ae1f428e7ebe404" */
  id: string;
  /** @example "Sprint1" */
  name: string;
  archived: boolean;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}
