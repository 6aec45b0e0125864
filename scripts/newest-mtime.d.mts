/** The newest modification time (ms) of any file under a directory: tells whether a build is stale. */
export function newestMtime(dir: string): number;
