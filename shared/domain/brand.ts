/**
 * Nominal ("branded") types: numbers and strings that are easy to mix up get a
 * compile-time tag. Values are branded only by the zod schemas that parse them
 * at a boundary, so code inside can trust the type.
 */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
