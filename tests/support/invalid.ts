/**
 * Input a test hands an operation on purpose although its type says otherwise: a wrong type, a
 * missing field, a value outside an enum, to check that the operation's `parseInput` refuses it.
 * A test passing valid input never needs this: it type-checks as it is.
 */
export function invalid<T = never>(input: unknown): T {
  return input as T;
}
