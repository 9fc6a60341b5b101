// A throwaway database on the PostgreSQL server for one bench run, dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A database of its own on the PostgreSQL server, dropped afterwards.
 * @param {string} adminUrl
 */
export async function createThrowawayDatabase(adminUrl) {
	const name = `ic_bench_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		name,
		url: url.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			try {
				await c.query(`drop database if exists ${name} with (force)`);
			} finally {
				await c.end();
			}
		}
	};
}
