// Runs a daily job now, for today (UTC), through the same once-per-day claim as the
// scheduler: `node scripts/run-job.ts action-reminders`. Uses DATABASE_URL, or the PGlite
// folder (DATA_DIR, default ./data) when the app is not running on it (its lock refuses).
import process from 'node:process';
import { closeDatabase } from '../src/lib/server/db/index.ts';
import { runOnce, utcDay } from '../src/lib/server/jobs/service.ts';
import { dailyJobs } from '../src/lib/server/jobs/scheduler.ts';

const name = process.argv[2];
const job = dailyJobs.find((j) => j.name === name);
if (!job) {
	console.error(`Usage: node scripts/run-job.ts <${dailyJobs.map((j) => j.name).join('|')}>`);
	process.exit(2);
}
const day = utcDay(new Date());
try {
	const result = await runOnce(job.name, day, () => job.run(day));
	console.log(
		result.ran
			? `[jobs] ${job.name} ${day}: ${result.outcome}`
			: `[jobs] ${job.name} ${day} already taken: ${result.outcome ?? 'running'}`
	);
} finally {
	await closeDatabase();
}
