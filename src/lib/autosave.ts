// Saving a questionnaire page in the background, as the person goes (JavaScript only: the
// page's buttons do everything without it). What is typed is also kept on the device until the
// server has it, so that a closed tab, a crash or a dropped connection loses nothing: the next
// visit of the page puts it back and saves it, and a dropped connection saves it again as soon
// as the browser is back online.
//
// The page's form posts to its `?/autosave` action, which answers { autosave: 'saved' |
// 'conflict' | 'invalid', revisions?, error? }. Its fields are named <what>-<question id>. Questions carry a hidden revision-<id> input
// when the page detects two people saving the same answer (the city's own answers do).
// Text areas and radios are saved always; one-line boxes (numbers, dates) and checkboxes only
// when marked data-autosave (the survey pages), so that other pages' inputs stay the buttons' own.
import { deserialize } from '$app/forms';

export type AutosaveStatus =
	| { kind: 'saving' }
	| { kind: 'saved'; at: Date }
	| { kind: 'offline' }
	| { kind: 'conflict' }
	| { kind: 'invalid'; error: string | null }
	/** The server refused the page itself (a link withdrawn, a session ended): no retrying. */
	| { kind: 'refused' }
	| { kind: 'restored' };

export interface AutosaveOptions {
	/** Told whenever the status changes, to show it to the person. */
	onStatus: (status: AutosaveStatus) => void;
	/**
	 * Whether to put back a draft kept on this device. Not when the page comes back from a save
	 * with the typed values or a conflict: what it shows then is newer.
	 */
	restore: boolean;
}

/** What is kept on the device: the text fields and choices, and the revisions they started from. */
interface Draft {
	values: Record<string, string>;
	revisions: Record<string, string>;
	/** When it was written (ms): a draft older than DRAFT_DAYS is dropped, not put back. */
	at: number;
}

const DRAFT_DAYS = 30;

/** How long to wait after the last keystroke before saving a text. */
const TYPING_PAUSE_MS = 2_000;
/** How long to wait before trying again after a failed connection (doubling up to a minute). */
const RETRY_MS = 5_000;
const RETRY_MAX_MS = 60_000;

const draftKey = () => `ic-draft:${location.pathname}`;

function readDraft(): Draft | null {
	try {
		const raw = localStorage.getItem(draftKey());
		const draft = raw ? (JSON.parse(raw) as Draft) : null;
		if (draft && !(Date.now() - draft.at < DRAFT_DAYS * 86_400_000)) return null;
		return draft;
	} catch {
		return null;
	}
}

function writeDraft(draft: Draft | null) {
	try {
		if (draft) localStorage.setItem(draftKey(), JSON.stringify(draft));
		else localStorage.removeItem(draftKey());
	} catch {
		// Storage full or forbidden (private mode): saving still works, only the copy is lost.
	}
}

/**
 * The question (or context factor) a field answers, from its name: rating-<id>, evidence-<id>,
 * limit-<id>, why-<id>…; null for the revision and file inputs and anything else.
 */
function questionOf(name: string): string | null {
	const match = /^(?!revision-|attachment-)[a-z]+-(.+)$/.exec(name);
	return match ? match[1]! : null;
}

/** A one-line box or a checkbox the page asks to save as it goes (data-autosave). */
function isMarkedBox(el: unknown): el is HTMLInputElement {
	return (
		el instanceof HTMLInputElement &&
		el.dataset.autosave !== undefined &&
		el.type !== 'radio' &&
		el.type !== 'file' &&
		el.type !== 'hidden'
	);
}

function draftOf(form: HTMLFormElement): Draft {
	const values: Record<string, string> = {};
	const revisions: Record<string, string> = {};
	for (const el of form.elements) {
		if (el instanceof HTMLTextAreaElement && questionOf(el.name)) values[el.name] = el.value;
		else if (isMarkedBox(el) && el.type === 'checkbox' && questionOf(el.name)) {
			// Several boxes of one name: the values ticked, one a line.
			const ticked = values[el.name] ? values[el.name]!.split('\n') : [];
			if (el.checked) ticked.push(el.value);
			values[el.name] = ticked.join('\n');
		} else if (isMarkedBox(el) && questionOf(el.name)) values[el.name] = el.value;
		else if (el instanceof HTMLInputElement && el.type === 'radio' && questionOf(el.name)) {
			if (el.checked) values[el.name] = el.value;
			else values[el.name] ??= '';
		} else if (el instanceof HTMLInputElement && el.name.startsWith('revision-')) {
			revisions[el.name.slice('revision-'.length)] = el.value;
		}
	}
	return { values, revisions, at: Date.now() };
}

/**
 * Puts a kept draft back into the form, question by question, where it differs from what the
 * page shows. A question keeps the revision the draft started from: if someone saved it since,
 * the next save is a conflict that shows both versions, rather than overwriting theirs.
 */
function applyDraft(form: HTMLFormElement, draft: Draft): boolean {
	const now = draftOf(form);
	const changed = new Set<string>();
	for (const [name, value] of Object.entries(draft.values)) {
		const q = questionOf(name);
		if (q && (now.values[name] ?? '') !== value) changed.add(q);
	}
	for (const q of changed) {
		for (const [name, value] of Object.entries(draft.values)) {
			if (questionOf(name) !== q) continue;
			const field = form.elements.namedItem(name);
			const ticks = (box: HTMLInputElement) =>
				box.type === 'checkbox' ? value.split('\n').includes(box.value) : box.value === value;
			if (field instanceof HTMLTextAreaElement) field.value = value;
			else if (field instanceof RadioNodeList) {
				for (const radio of field) {
					if (radio instanceof HTMLInputElement) radio.checked = ticks(radio);
				}
			} else if (
				field instanceof HTMLInputElement &&
				(field.type === 'radio' || field.type === 'checkbox')
			) {
				field.checked = ticks(field);
			} else if (field instanceof HTMLInputElement) field.value = value;
		}
		const revision = form.elements.namedItem(`revision-${q}`);
		if (revision instanceof HTMLInputElement && draft.revisions[q] !== undefined) {
			revision.value = draft.revisions[q]!;
		}
	}
	return changed.size > 0;
}

/** A Svelte action for the questionnaire's form. */
export function autosave(form: HTMLFormElement, options: AutosaveOptions) {
	let running: Promise<void> | null = null;
	let again = false;
	/** Counts edits, so that a save that started before the last edit does not drop its draft. */
	let edits = 0;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let retryMs = RETRY_MS;

	async function post() {
		const sentAt = edits;
		const body = new FormData(form);
		// Files go up only with the page's buttons, never in the background.
		for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"]')) {
			body.delete(input.name);
		}
		options.onStatus({ kind: 'saving' });
		let outcome: Record<string, unknown> | null = null;
		let refused = false;
		try {
			const response = await fetch(new URL('?/autosave', location.href), {
				method: 'POST',
				body,
				headers: { 'x-sveltekit-action': 'true' }
			});
			const result = deserialize(await response.text());
			if (result.type === 'success' || result.type === 'failure') {
				outcome = (result.data ?? null) as Record<string, unknown> | null;
			} else if (response.status >= 400 && response.status < 500) {
				refused = true;
			}
		} catch {
			outcome = null;
		}
		if (refused) {
			options.onStatus({ kind: 'refused' });
			return;
		}
		if (!outcome || typeof outcome.autosave !== 'string') {
			// No answer (offline, server away): the draft stays; try again later or once online.
			options.onStatus({ kind: 'offline' });
			clearTimeout(retryTimer);
			retryTimer = setTimeout(trigger, retryMs);
			retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
			return;
		}
		retryMs = RETRY_MS;
		const revisions = outcome.revisions as Record<string, number> | undefined;
		for (const [id, revision] of Object.entries(revisions ?? {})) {
			const input = form.querySelector<HTMLInputElement>(
				`input[name="revision-${CSS.escape(id)}"]`
			);
			if (input) input.value = String(revision);
		}
		if (outcome.autosave === 'saved') {
			if (edits === sentAt) writeDraft(null);
			options.onStatus({ kind: 'saved', at: new Date() });
		} else if (outcome.autosave === 'conflict') {
			options.onStatus({ kind: 'conflict' });
		} else {
			options.onStatus({
				kind: 'invalid',
				error: typeof outcome.error === 'string' ? outcome.error : null
			});
		}
	}

	// One save at a time: a change made while saving is sent after it, with the new revisions.
	function trigger() {
		clearTimeout(typingTimer);
		clearTimeout(retryTimer);
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				await post();
			} while (again);
		})().finally(() => {
			running = null;
		});
	}

	function edited() {
		edits += 1;
		writeDraft(draftOf(form));
	}

	const onInput = (event: Event) => {
		const target = event.target;
		const typed =
			target instanceof HTMLTextAreaElement || (isMarkedBox(target) && target.type !== 'checkbox');
		if (!typed) return;
		edited();
		clearTimeout(typingTimer);
		typingTimer = setTimeout(trigger, TYPING_PAUSE_MS);
	};
	const onChange = (event: Event) => {
		const target = event.target;
		const isText = target instanceof HTMLTextAreaElement;
		const isRadio = target instanceof HTMLInputElement && target.type === 'radio';
		if (!isText && !isRadio && !isMarkedBox(target)) return;
		edited();
		trigger();
	};
	// A button pressed while a background save runs, or before the last edit was saved, waits
	// for that save: the page's own save then does not look like a colleague's, and the copy on
	// the device is dropped once the server has it.
	let afterSave = false;
	const onSubmit = (event: SubmitEvent) => {
		clearTimeout(typingTimer);
		if (afterSave || (!running && !readDraft())) return;
		event.preventDefault();
		const submitter = event.submitter;
		if (!running) trigger();
		void running!.then(() => {
			afterSave = true;
			form.requestSubmit(submitter);
		});
	};
	const onOnline = () => {
		if (readDraft()) trigger();
	};

	form.addEventListener('input', onInput);
	form.addEventListener('change', onChange);
	form.addEventListener('submit', onSubmit);
	window.addEventListener('online', onOnline);

	// What the last visit typed and the server never got.
	const kept = readDraft();
	if (kept && options.restore && applyDraft(form, kept)) {
		options.onStatus({ kind: 'restored' });
		trigger();
	} else if (kept) {
		writeDraft(null);
	}

	return {
		destroy() {
			clearTimeout(typingTimer);
			clearTimeout(retryTimer);
			form.removeEventListener('input', onInput);
			form.removeEventListener('change', onChange);
			form.removeEventListener('submit', onSubmit);
			window.removeEventListener('online', onOnline);
		}
	};
}
