/** Offline snapshots: the file format, reading and writing it, and diagnosing from it. */
export { SnapshotError, isSnapshotError } from './errors.js'
export { parseSnapshotText, readSnapshot, serialiseSnapshot, writeSnapshot } from './file.js'
export * from './format.js'
export { createSnapshotProvider, type SnapshotProviderOptions } from './provider.js'
export { validateSnapshot } from './validate.js'
