// A login (clientlogin's PASS, or createaccount, which logs a reader into the new account) gives
// the browser a new session cookie, and the wiki deletes the old session (SessionBackend#resetId).
// A request of the page's other scripts that went with the old cookie and reaches the wiki after
// that finds its session gone, and its answer clears the session cookie
// (CookieSessionProvider#unpersistSession). Arriving after the login's answer, it logs the page
// out again: "You are no longer logged in" on the next save. A page that stays open through a
// login has such requests: DiscussionTools asks for new comments every 5 seconds while a reply is
// open, and the wikitext editor stashes the edit when the text box loses the focus.
// So a request that may log the page in goes alone: after the page's requests in flight are
// answered, and the page's requests made meanwhile wait for its answer (and then go with the new
// cookie). Every request of MediaWiki's scripts (mw.Api, mw.Rest) goes through jQuery.ajax.

/** The part of a jqXHR (or of a Deferred's promise) that the fence uses. */
interface XhrLike {
	then( done: ( ...args: unknown[] ) => void, fail?: ( ...args: unknown[] ) => void ): unknown;
	abort?: () => void;
}

interface DeferredLike {
	resolve( ...args: unknown[] ): void;
	reject( ...args: unknown[] ): void;
	promise( extra: { abort: () => void } ): XhrLike;
}

type Ajax = ( this: unknown, ...args: unknown[] ) => XhrLike;

/** The part of jQuery the fence uses: a test passes its own. */
export interface AjaxHost {
	ajax: Ajax;
	/** How many of jQuery's requests are in flight. */
	active: number;
	Deferred: () => DeferredLike;
}

/** The ajax option that marks the request which goes alone. */
export const aloneOption = 'accountGadgetsAlone';

/** What runs a request that goes alone; `send` passes the ajax options to mw.Api. */
export type Fence = <T>( send: ( ajaxOptions: Record<string, boolean> ) => Promise<T> ) => Promise<T>;

/**
 * The fence for a page's jQuery.
 *
 * @param jq
 * @param maxWait how long the request waits for the page's requests in flight, in ms: a request
 *  that never ends (a long poll) must not stop a login
 * @param step how often it looks, in ms
 */
export function createFence( jq: AjaxHost, maxWait = 3000, step = 20 ): Fence {
	const whenQuiet = (): Promise<void> => new Promise( ( resolve ) => {
		const until = Date.now() + maxWait;
		const look = (): void => {
			if ( jq.active === 0 || Date.now() >= until ) {
				resolve();
			} else {
				setTimeout( look, step );
			}
		};
		look();
	} );

	/**
	 * A request that is sent only when `start` is called, as a promise that settles as it does
	 * and can be aborted before (as jQuery fails an aborted request) or after it was sent.
	 *
	 * @param go sends it
	 */
	const later = ( go: () => XhrLike ): { request: XhrLike; start: () => XhrLike | null } => {
		const proxy = jq.Deferred();
		let xhr: XhrLike | null = null;
		let aborted = false;
		const start = (): XhrLike | null => {
			if ( !aborted && !xhr ) {
				xhr = go();
				xhr.then( ( ...args ) => proxy.resolve( ...args ), ( ...args ) => proxy.reject( ...args ) );
			}
			return xhr;
		};
		// Detached, as mw.Api hands it on (`{ abort: xhr.abort }`).
		const abort = (): void => {
			if ( xhr ) {
				if ( xhr.abort ) {
					xhr.abort();
				}
			} else if ( !aborted ) {
				aborted = true;
				proxy.reject( { readyState: 0, status: 0, statusText: 'abort' }, 'abort', 'abort' );
			}
		};
		return { request: proxy.promise( { abort } ), start };
	};

	return <T>( send: ( ajaxOptions: Record<string, boolean> ) => Promise<T> ): Promise<T> => {
		const original = jq.ajax;
		// From the moment the request that goes alone is made until it is answered: what the page
		// asks for meanwhile.
		let held: ( () => void )[] | null = null;
		const release = (): void => {
			const waiting = held || [];
			held = null;
			waiting.forEach( ( go ) => go() );
		};
		const fenced: Ajax = function ( this: unknown, ...args: unknown[] ) {
			const settings = ( typeof args[ 0 ] === 'object' ? args[ 0 ] : args[ 1 ] ) as Record<string, unknown> | undefined;
			const go = (): XhrLike => original.apply( this, args );
			if ( settings && settings[ aloneOption ] ) {
				const ours = later( go );
				held = held || [];
				whenQuiet().then( () => {
					const xhr = ours.start();
					if ( xhr ) {
						xhr.then( release, release );
					} else {
						release();
					}
				} );
				return ours.request;
			}
			if ( !held ) {
				return go();
			}
			const theirs = later( go );
			held.push( () => theirs.start() );
			return theirs.request;
		};
		jq.ajax = fenced;
		const done = (): void => {
			release();
			// Unless another script wrapped jQuery.ajax meanwhile (then this one only passes on).
			if ( jq.ajax === fenced ) {
				jq.ajax = original;
			}
		};
		return send( { [ aloneOption ]: true } ).then( ( value ) => {
			done();
			return value;
		}, ( error ) => {
			done();
			throw error;
		} );
	};
}
