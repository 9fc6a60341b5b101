import { db } from '../db/index.ts';
import { seedContent } from './seed.ts';
import { seedDemo } from './demo.ts';

/** Run by the server's init: content always, demo accounts only when asked for. */
export async function seedAtStart(options: { demo: boolean }) {
	const d = await db();
	const report = await seedContent(d);
	if (report.benchmarkVersionsAdded.length > 0) {
		console.log(`Content: published ${report.benchmarkVersionsAdded.join(', ')}`);
	}
	if (report.practiceVersionsAdded.length > 0) {
		console.log(`Content: published practices ${report.practiceVersionsAdded.join(', ')}`);
	}
	if (options.demo) await seedDemo(d);
}
