import { wrapMwApi, MwApiLike, JqueryLikePromise, ApiParams } from '../../src/lib/api';

/** A promise as mw.Api returns it: rejected with (code, response). */
function jqResolve<T>( value: T ): JqueryLikePromise<T> {
	return { then: ( done ) => done( value ) };
}
function jqReject( code: string, response: unknown ): JqueryLikePromise<never> {
	return { then: ( _done, fail ) => fail( code, response ) };
}

function fakeMwApi( answers: Array<( params: ApiParams ) => JqueryLikePromise<unknown>> ) {
	const posts: ApiParams[] = [];
	const tokensAsked: string[] = [];
	const badTokens: string[] = [];
	let tokenCount = 0;
	const api: MwApiLike = {
		get: () => jqResolve( {} ),
		post: ( params ) => {
			posts.push( params );
			const answer = answers.shift();
			return answer ? answer( params ) : jqResolve( {} );
		},
		postWithToken: () => jqResolve( {} ),
		getToken: ( type ) => {
			tokensAsked.push( type );
			return jqResolve( `token${ ++tokenCount }+\\` );
		},
		badToken: ( type ) => {
			badTokens.push( type );
		}
	};
	return { api, posts, tokensAsked, badTokens };
}

const badtoken = () => jqReject( 'badtoken', { errors: [ { code: 'badtoken', html: 'Invalid token' } ] } );

QUnit.module( 'api: posting with a prefixed token', () => {
	QUnit.test( 'the token goes under its own parameter name, as clientlogin wants it', async ( assert ) => {
		const fake = fakeMwApi( [ () => jqResolve( { clientlogin: { status: 'PASS' } } ) ] );
		const result = await wrapMwApi( fake.api ).postWithPrefixedToken( 'login', 'logintoken', { action: 'clientlogin', username: 'Bob' } );
		assert.deepEqual( result, { clientlogin: { status: 'PASS' } } );
		assert.deepEqual( fake.posts, [ { action: 'clientlogin', username: 'Bob', logintoken: 'token1+\\' } ] );
		assert.deepEqual( fake.tokensAsked, [ 'login' ] );
	} );

	QUnit.test( 'a badtoken answer is retried once with a fresh token', async ( assert ) => {
		const fake = fakeMwApi( [ badtoken, () => jqResolve( { ok: true } ) ] );
		await wrapMwApi( fake.api ).postWithPrefixedToken( 'createaccount', 'createtoken', { action: 'createaccount' } );
		assert.deepEqual( fake.badTokens, [ 'createaccount' ] );
		assert.deepEqual( fake.posts.map( ( params ) => params.createtoken ), [ 'token1+\\', 'token2+\\' ] );
	} );

	QUnit.test( 'a second badtoken is reported, not retried forever', async ( assert ) => {
		const fake = fakeMwApi( [ badtoken, badtoken, badtoken ] );
		await assert.rejects(
			wrapMwApi( fake.api ).postWithPrefixedToken( 'login', 'logintoken', { action: 'clientlogin' } ),
			( failure: { kind: string; code: string } ) => failure.kind === 'api' && failure.code === 'badtoken'
		);
		assert.strictEqual( fake.posts.length, 2 );
	} );
} );

QUnit.module( 'api: requests and their failures', () => {
	QUnit.test( 'a rejection reaches the caller as one typed failure', async ( assert ) => {
		const fake = fakeMwApi( [ () => jqReject( 'http', { textStatus: 'timeout' } ) ] );
		await assert.rejects( wrapMwApi( fake.api ).post( { action: 'emailuser' } ), ( failure: unknown ) => {
			assert.deepEqual( failure, { kind: 'network', reason: 'timeout' } );
			return true;
		} );
	} );

	QUnit.test( 'aborting the signal aborts the request and rejects as aborted', async ( assert ) => {
		let aborted = 0;
		const pending: JqueryLikePromise<unknown> = { then: () => undefined, abort: () => {
			aborted++;
		} };
		const api: MwApiLike = Object.assign( fakeMwApi( [] ).api, { post: () => pending } );
		const controller = new AbortController();
		const request = wrapMwApi( api ).post( { action: 'validatepassword' }, { signal: controller.signal } );
		controller.abort();
		await assert.rejects( request, ( failure: { kind: string } ) => failure.kind === 'aborted' );
		assert.strictEqual( aborted, 1 );
	} );
} );
