/** Exhaustiveness for discriminated unions: the compiler rejects a `switch` that forgets a case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
