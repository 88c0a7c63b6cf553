/** ExpenseCategoryDtoV1. */
export class ExpenseCategoryDto {
  /** @example "89a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "Procurement" */
  name: string;
  /** Whether expenses of this category are a quantity × `priceInCents`. */
  hasUnitPrice: boolean;
  /** Unit price in cents (unit-priced categories). @example 1000 */
  priceInCents: number | null;
  /** @example "piece" */
  unit: string | null;
  archived: boolean;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** ExpenseCategoriesWithCountDtoV1. */
export class ExpenseCategoriesWithCountDto {
  categories: ExpenseCategoryDto[];
  /** Number of categories matching the filters (all pages). @example 20 */
  count: number;
}
