// The production server: adapter-node's handler behind Node's own http server.
//
// adapter-node 6 assumes https unless a protocol header says otherwise, so form posts over
// plain http (a laptop, a private network) failed its origin check. Here the protocol comes
// from the socket itself, unless TRUST_PROXY=1 says a reverse proxy sets X-Forwarded-Proto.
import http from 'node:http';
import process from 'node:process';

process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
// Evidence files of up to 10 MB each travel with the key factor's form (adapter-node's
// default is 512 KB); the app checks each file's own size and type.
process.env.BODY_SIZE_LIMIT ??= '25M';
const trustProxy = process.env.TRUST_PROXY === '1';

export async function startServer({
	port = Number(process.env.PORT ?? 3000),
	host = process.env.HOST ?? '0.0.0.0',
	buildDir = 'build'
} = {}) {
	let handler;
	try {
		({ handler } = await import(new URL(`../${buildDir}/handler.js`, import.meta.url).href));
	} catch (error) {
		// A clear sentence, not a stack, for the one failure a person can fix by hand.
		if (error instanceof Error && error.name === 'FolderLockedError') {
			console.error(`\n${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}

	const server = http.createServer((req, res) => {
		if (!trustProxy || !req.headers['x-forwarded-proto']) {
			req.headers['x-forwarded-proto'] = 'encrypted' in req.socket ? 'https' : 'http';
		}
		handler(req, res);
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});

	let closing = false;
	/** @param {string} reason */
	const shutdown = (reason) => {
		if (closing) return;
		closing = true;
		server.close(() => {
			// Lets the app finish the requests it is still answering and close its database (see
			// hooks.server.ts); the process then ends by itself, or here if something hangs.
			/** @type {(event: string, reason: string) => void} */ (process.emit)(
				'sveltekit:shutdown',
				reason
			);
			setTimeout(() => process.exit(0), 12_000).unref();
		});
		server.closeIdleConnections();
		setTimeout(() => server.closeAllConnections(), 5000).unref();
	};
	process.once('SIGTERM', () => shutdown('SIGTERM'));
	process.once('SIGINT', () => shutdown('SIGINT'));

	const address = server.address();
	return { server, port: typeof address === 'object' && address ? address.port : port };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { port } = await startServer();
	console.log(`Integrating Cities is listening on port ${port}`);
}
