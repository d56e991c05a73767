/** Time as a dependency, so tests decide what "now" is wherever time changes behaviour. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
