// The API layer every panel uses. Logic depends on the small ApiClient interface, so unit tests
// inject a fake that records requests; createApi() is the one place that builds a real mw.Api.
import { ApiFailure, toFailure } from './errors';

declare const ACCOUNT_GADGETS_VERSION: string;

export type ApiValue = string | number | boolean | string[] | undefined;
export type ApiParams = Record<string, ApiValue>;

export interface RequestOptions {
	/** Aborting the signal aborts the request; the promise then rejects with kind 'aborted'. */
	signal?: AbortSignal;
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
	postWithPrefixedToken<T>( tokenType: string, tokenParam: string, params: ApiParams ): Promise<T>;
}

/** A jQuery promise as mw.Api returns it: rejections carry (code, response), and it can abort. */
export interface JqueryLikePromise<T> {
	then( done: ( value: T ) => void, fail: ( code: unknown, response?: unknown ) => void ): unknown;
	abort?: () => void;
}

/** The part of mw.Api that createApi wraps. */
export interface MwApiLike {
	get( params: ApiParams ): JqueryLikePromise<unknown>;
	post( params: ApiParams ): JqueryLikePromise<unknown>;
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
 */
export function wrapMwApi( api: MwApiLike ): ApiClient {
	function postWithPrefixedToken<T>( tokenType: string, tokenParam: string, params: ApiParams, retried = false ): Promise<T> {
		return settle<string>( api.getToken( tokenType ) )
			.then( ( token ) => settle<T>( api.post( Object.assign( {}, params, { [ tokenParam ]: token } ) ) ) )
			.catch( ( failure: ApiFailure ) => {
				if ( !retried && failure.kind === 'api' && failure.code === 'badtoken' ) {
					// The cached token went stale (the session changed): forget it and try once more.
					api.badToken( tokenType );
					return postWithPrefixedToken<T>( tokenType, tokenParam, params, true );
				}
				throw failure;
			} );
	}
	return {
		get: ( params, options ) => settle( api.get( params ), options ),
		post: ( params, options ) => settle( api.post( params ), options ),
		postWithToken: ( tokenType, params, options ) => settle( api.postWithToken( tokenType, params ), options ),
		postWithPrefixedToken: ( tokenType, tokenParam, params ) => postWithPrefixedToken( tokenType, tokenParam, params )
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
	return wrapMwApi( api as unknown as MwApiLike );
}
