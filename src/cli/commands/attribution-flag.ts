import { CliError } from '../cli-error';

/** `--attribution last|first` (docs/domain.md §6); undefined when not given. */
export function attributionFlag(value: string | undefined): 'last' | 'first' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'last' && value !== 'first') throw new CliError(`--attribution is last or first (got "${value}")`, 2);
  return value;
}
