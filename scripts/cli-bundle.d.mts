/** The entry file of a CLI build matching the sources (built first when needed), or null when none can be built. */
export function freshCliBundle(): Promise<string | null>;
