// What the crash-test writer (writer.ts) and the tests that drive it (child.ts) agree on.
// Plain constants only: writer.ts runs under Node's type stripping.

/** stdout line printed once the modules are loaded, just before openDatabase. */
export const OPENING_LINE = 'opening';
/** stdout line printed once the database is open; every other line is a committed id. */
export const READY_LINE = 'ready';
/** Exit code of a writer refused because another process holds the data folder. */
export const LOCKED_EXIT_CODE = 3;
/** `audit_log.action` and `outbox.purpose` of the rows the writer commits. */
export const CRASH_ACTION = 'crash-test.write';
/** Name of the lock file openDatabase keeps in the data folder (see ../lock.ts). */
export const LOCK_FILE = 'integrating-cities.lock';
