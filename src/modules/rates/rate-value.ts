/** An amount in cents with its currency: a rate as stored and as answered. */
export interface RateValue {
  amount: number;
  currency: string;
}
