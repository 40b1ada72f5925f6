/** `n` and a noun, in the plural unless `n` is 1: "1 request", "3 requests". */
export const count = (n: number, one: string): string => `${n} ${n === 1 ? one : `${one}s`}`;
