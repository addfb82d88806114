// The date of a release (`--release`): SOURCE_DATE_EPOCH when set, as reproducible builds define
// it, so a release can be remade byte for byte; the clock otherwise. Only a release reads it:
// a normal run and `--check` write "unreleased", so their output never depends on the day.

/** YYYY-MM-DD in UTC, or an error message for a bad SOURCE_DATE_EPOCH. */
export function releaseDate(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string | { error: string } {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now().toISOString().slice(0, 10);
  // Up to 9999-12-31: a date the CHANGELOG can show with four digits.
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > 253_402_300_799) {
    return {
      error: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to 9999-12-31), not ${JSON.stringify(epoch.slice(0, 40))}`,
    };
  }
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
