import type { z } from 'zod';

/** One request/response channel: main parses `input` with zod before any handler sees it. */
export interface InvokeSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function invoke<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): InvokeSpec<I, O> {
  return { input, output };
}
