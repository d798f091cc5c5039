/**
 * The field checks the framework's write inputs share (registry and recognition writes). Each
 * records a problem and returns the value to use, so a caller collects every problem of an input
 * before refusing it (errors.ts `inputRefused`).
 */
import type { InputProblem } from './errors.js';

/** Surrounding white space is dropped; what remains must say something, in at most `max` characters. */
export function checkText(value: string, field: string, problems: InputProblem[], max = 2000): string {
  const text = value.trim();
  if (text === '') problems.push({ field, message: 'must not be blank' });
  else if (text.length > max)
    problems.push({ field, message: `must be at most ${max} characters, got ${text.length}` });
  return text;
}

/** One of the schema enum's values; the message lists them. */
export function checkChoice<T extends string>(
  value: string,
  choices: readonly T[],
  field: string,
  problems: InputProblem[],
): T {
  if (!(choices as readonly string[]).includes(value))
    problems.push({ field, message: `must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}` });
  return value as T;
}
