// A child process for the crash-safety tests (../crash.test.ts): it opens a PGlite data folder
// through the app's own code path (openDatabase: folder lock, then migrations), then commits
// one transaction after another until it is killed, and reports each transaction's id on
// stdout only after its commit returned.
//
//   node src/lib/server/db/testing/writer.ts <dataDir> <migrationsFolder>
//
// stdout, one line each: `opening` when it calls openDatabase, `ready` once the database is
// open, then the id of every committed transaction. SIGTERM ends the loop and closes the database cleanly (exit 0). A folder held by
// another process ends it with the FolderLockedError message on stderr and LOCKED_EXIT_CODE.
//
// Node runs this file by type stripping: it and everything it imports must be erasable
// TypeScript (no enums, no parameter properties) with explicit `.ts` extensions.
import { openDatabase, type DatabaseHandle } from '../client.ts';
import { FolderLockedError } from '../lock.ts';
import { auditLog } from '../../audit/schema.ts';
import { outbox } from '../../mail/schema.ts';
import { CRASH_ACTION, LOCKED_EXIT_CODE, OPENING_LINE, READY_LINE } from './protocol.ts';

const [dataDir, migrationsFolder] = process.argv.slice(2);
if (!dataDir || !migrationsFolder) {
	process.stderr.write('usage: node writer.ts <dataDir> <migrationsFolder>\n');
	process.exit(2);
}

let handle: DatabaseHandle;
process.stdout.write(`${OPENING_LINE}\n`);
try {
	handle = await openDatabase({ dataDir, migrationsFolder });
} catch (error) {
	if (error instanceof FolderLockedError) {
		process.stderr.write(`${error.message}\n`);
		process.exit(LOCKED_EXIT_CODE);
	}
	throw error;
}

let stopping = false;
process.once('SIGTERM', () => {
	stopping = true;
});

// On Linux a write to a pipe is synchronous, and one this short is atomic: once write()
// returns, the whole line is in the pipe and reaches the parent even if this process is
// killed the next instant.
process.stdout.write(`${READY_LINE}\n`);

for (let n = 1; !stopping; n++) {
	// Two rows in two tables per transaction: after a crash, both are there or neither is.
	const id = await handle.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(auditLog)
			.values({
				action: CRASH_ACTION,
				entityType: 'crash-test',
				entityId: `${process.pid}:${n}`,
				after: { pid: process.pid, n, padding: 'x'.repeat(200) }
			})
			.returning({ id: auditLog.id });
		await tx.insert(outbox).values({
			to: 'crash-test@example.invalid',
			subject: row!.id,
			text: `write ${n} of pid ${process.pid}`,
			purpose: CRASH_ACTION
		});
		return row!.id;
	});
	process.stdout.write(`${id}\n`);
	// PGlite answers within the same tick: without a turn of the event loop, the SIGTERM
	// handler above would never run.
	await new Promise((resolve) => setImmediate(resolve));
}

await handle.close();
process.exit(0);
