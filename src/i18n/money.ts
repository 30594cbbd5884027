/** An amount of cents as people read it on a page or in a notice: "$25.00". */
export const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
