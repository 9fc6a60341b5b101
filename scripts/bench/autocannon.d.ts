// The part of autocannon's programmatic API that scripts/bench.js uses (the package ships no
// types). Replace with @types/autocannon if the project adds it.
declare module 'autocannon' {
	interface Histogram {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		p50: number;
		p90: number;
		p97_5: number;
		p99: number;
	}

	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		timeout?: number;
		/** Requests in turn; setupRequest may change each one (its path, say) before it goes. */
		requests?: { setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
	}

	interface Result {
		requests: Histogram;
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		duration: number;
	}

	/** A run: awaitable for its result, and emitting each response as it comes. */
	interface Instance extends PromiseLike<Result> {
		on(
			event: 'response',
			listener: (
				client: unknown,
				statusCode: number,
				resBytes: number,
				responseTime: number
			) => void
		): this;
	}

	function autocannon(options: Options): Instance;
	export default autocannon;
}
