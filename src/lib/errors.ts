// The one place where mw.Api's rejections, `(code, response)`, become a typed failure that every
// panel renders the same way.

export type ApiFailure =
	/** The request never got an API answer: offline, timed out, or an HTTP error page. */
	| { kind: 'network'; reason: 'offline' | 'timeout' | 'http' }
	/** The API answered with an error; `html` is the wiki's own message in the user's language. */
	| { kind: 'api'; code: string; html: string }
	/** We aborted the request ourselves (a newer one replaced it). */
	| { kind: 'aborted' };

interface ApiErrorEntry {
	code: string;
	html?: string;
	text?: string;
}

interface HttpFailureDetail {
	textStatus?: string;
	xhr?: { status?: number };
}

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * The first error of an API response made with errorformat=html, or of a `Failure` result that
 * some modules (emailuser) return inside a successful response.
 *
 * @param errors the `errors` array of the response
 * @param fallbackCode used when the array is empty
 */
export function failureFromErrors( errors: unknown, fallbackCode: string ): ApiFailure {
	const first: ApiErrorEntry | undefined = Array.isArray( errors ) ? errors[ 0 ] : undefined;
	return {
		kind: 'api',
		code: first && first.code ? first.code : fallbackCode,
		html: first ? first.html || first.text || '' : ''
	};
}

/**
 * Turns the arguments of an mw.Api rejection into an ApiFailure.
 *
 * @param code first rejection argument: an API error code, or 'http' and friends
 * @param response second rejection argument: the API response, or the XHR details for 'http'
 */
export function toFailure( code: unknown, response?: unknown ): ApiFailure {
	if ( code === 'http' ) {
		const detail: HttpFailureDetail = isObject( response ) ? response : {};
		if ( detail.textStatus === 'abort' ) {
			return { kind: 'aborted' };
		}
		if ( detail.textStatus === 'timeout' ) {
			return { kind: 'network', reason: 'timeout' };
		}
		return { kind: 'network', reason: detail.xhr && detail.xhr.status ? 'http' : 'offline' };
	}
	if ( code === 'ok-but-empty' || code === 'invalidjson' ) {
		// The server answered, but not with the API: a proxy or fatal error page.
		return { kind: 'network', reason: 'http' };
	}
	if ( typeof code !== 'string' ) {
		return { kind: 'network', reason: 'offline' };
	}
	return failureFromErrors( isObject( response ) ? response.errors : undefined, code );
}

/** The wiki answered, but not in a shape we know (a newer or changed API). */
export function unknownAnswer(): ApiFailure {
	return { kind: 'api', code: 'unknown-answer', html: '' };
}

export function isFailure( value: unknown ): value is ApiFailure {
	return isObject( value ) && ( value.kind === 'network' || value.kind === 'api' || value.kind === 'aborted' );
}
