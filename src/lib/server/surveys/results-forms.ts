// The publish form: publish the results with the questions ticked, or take them off the
// public pages. Messages are keys of the message files.
import * as v from 'valibot';

export const publishForm = v.pipe(
	v.object({
		intent: v.picklist(['publish', 'unpublish'], 'results_publish_error_intent'),
		questions: v.array(v.pipe(v.string(), v.maxLength(64)))
	}),
	v.check((x) => x.intent === 'unpublish' || x.questions.length > 0, 'results_publish_error_none')
);
