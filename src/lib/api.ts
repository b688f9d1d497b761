// The API layer every panel uses. Logic depends on the small ApiClient interface, so unit tests
// inject a fake that records requests; createApi() is the one place that builds a real mw.Api.
import { ApiFailure, toFailure } from './errors';
import { AjaxHost, Fence, createFence } from './session-fence';

declare const ACCOUNT_GADGETS_VERSION: string;

export type ApiValue = string | number | boolean | string[] | undefined;
export type ApiParams = Record<string, ApiValue>;

export interface RequestOptions {
	/** Aborting the signal aborts the request; the promise then rejects with kind 'aborted'. */
	signal?: AbortSignal;
	/**
	 * It goes alone, with no other request of the page in flight (see session-fence): a request
	 * that may log the page in (clientlogin, createaccount), and the new session's first token.
	 */
	alone?: boolean;
}

/** What logic may do with the API. Every rejection is an ApiFailure. */
export interface ApiClient {
	get<T>( params: ApiParams, options?: RequestOptions ): Promise<T>;
	post<T>( params: ApiParams, options?: RequestOptions ): Promise<T>;
	/** A csrf-style token sent as `token`; mw.Api retries once with a fresh token on badtoken. */
	postWithToken<T>( tokenType: string, params: ApiParams, options?: RequestOptions ): Promise<T>;
	/**
	 * A token sent under its own parameter name, as clientlogin (`logintoken`) and createaccount
	 * (`createtoken`) want it; retried once with a fresh token on badtoken.
	 */
	postWithPrefixedToken<T>( tokenType: string, tokenParam: string, params: ApiParams, options?: RequestOptions ): Promise<T>;
}

/** A jQuery promise as mw.Api returns it: rejections carry (code, response), and it can abort. */
export interface JqueryLikePromise<T> {
	then( done: ( value: T ) => void, fail: ( code: unknown, response?: unknown ) => void ): unknown;
	abort?: () => void;
}

/** The part of mw.Api that createApi wraps. */
export interface MwApiLike {
	get( params: ApiParams, ajaxOptions?: Record<string, unknown> ): JqueryLikePromise<unknown>;
	post( params: ApiParams, ajaxOptions?: Record<string, unknown> ): JqueryLikePromise<unknown>;
	postWithToken( tokenType: string, params: ApiParams ): JqueryLikePromise<unknown>;
	getToken( tokenType: string ): JqueryLikePromise<unknown>;
	badToken( tokenType: string ): void;
}

function settle<T>( request: JqueryLikePromise<unknown>, options?: RequestOptions ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		const signal = options && options.signal;
		if ( signal ) {
			if ( signal.aborted ) {
				reject( { kind: 'aborted' } as ApiFailure );
				return;
			}
			signal.addEventListener( 'abort', () => {
				if ( request.abort ) {
					request.abort();
				}
				reject( { kind: 'aborted' } as ApiFailure );
			} );
		}
		request.then(
			( value ) => resolve( value as T ),
			( code, response ) => reject( toFailure( code, response ) )
		);
	} );
}

/**
 * Adapts an mw.Api (or a test double of one) to ApiClient.
 *
 * @param api
 * @param fence what sends a request that goes alone (`alone`); without it, such a request goes
 *  as any other, with `ajaxOptions` none
 */
export function wrapMwApi( api: MwApiLike, fence: Fence = ( send ) => send( {} ) ): ApiClient {
	const send = <T>( method: 'get' | 'post', params: ApiParams, options?: RequestOptions ): Promise<T> => options && options.alone ?
		fence( ( ajaxOptions ) => settle<T>( api[ method ]( params, ajaxOptions ), options ) ) :
		settle<T>( api[ method ]( params ), options );
	const post = <T>( params: ApiParams, options?: RequestOptions ): Promise<T> => send<T>( 'post', params, options );
	function prefixed<T>(
		tokenType: string, tokenParam: string, params: ApiParams, options?: RequestOptions, retried = false
	): Promise<T> {
		return settle<string>( api.getToken( tokenType ) )
			.then( ( token ) => post<T>( Object.assign( {}, params, { [ tokenParam ]: token } ), options ) )
			.catch( ( failure: ApiFailure ) => {
				if ( !retried && failure.kind === 'api' && failure.code === 'badtoken' ) {
					// The cached token went stale (the session changed): forget it and try once more.
					api.badToken( tokenType );
					return prefixed<T>( tokenType, tokenParam, params, options, true );
				}
				throw failure;
			} );
	}
	return {
		get: ( params, options ) => send( 'get', params, options ),
		post,
		postWithToken: ( tokenType, params, options ) => settle( api.postWithToken( tokenType, params ), options ),
		postWithPrefixedToken: ( tokenType, tokenParam, params, options ) => prefixed( tokenType, tokenParam, params, options )
	};
}

/**
 * The API client for a gadget: formatversion 2, errors as HTML in the user's language, and an
 * Api-User-Agent that tells the wiki's operators which gadget and version sent the request.
 *
 * @param gadget the gadget's name
 */
export function createApi( gadget: string ): ApiClient {
	const api = new mw.Api( {
		parameters: {
			format: 'json',
			formatversion: 2,
			errorformat: 'html',
			errorsuselocal: true,
			uselang: mw.config.get( 'wgUserLanguage' )
		},
		ajax: {
			headers: { 'Api-User-Agent': `account-gadgets/${ ACCOUNT_GADGETS_VERSION } (${ gadget })` },
			timeout: 30000
		}
	} );
	return wrapMwApi( api as unknown as MwApiLike, createFence( $ as unknown as AjaxHost ) );
}
