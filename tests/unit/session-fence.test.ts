import { AjaxHost, aloneOption, createFence } from '../../src/lib/session-fence';
import { wrapMwApi, MwApiLike, JqueryLikePromise } from '../../src/lib/api';

type Callback = ( ...args: unknown[] ) => void;

/**
 * Just enough of a jQuery Deferred: settled once, then( done, fail ) with every argument (at
 * once, which jQuery does a task later), and promise( extra ).
 */
function fakeDeferred() {
	const callbacks: [ Callback, Callback ][] = [];
	let settled: { how: 0 | 1; args: unknown[] } | null = null;
	const settle = ( how: 0 | 1, args: unknown[] ): void => {
		if ( !settled ) {
			settled = { how, args };
			callbacks.forEach( ( pair ) => pair[ how ]( ...args ) );
		}
	};
	const promise = {
		then( done: Callback = () => undefined, fail: Callback = () => undefined ) {
			if ( settled ) {
				[ done, fail ][ settled.how ]( ...settled.args );
			} else {
				callbacks.push( [ done, fail ] );
			}
		}
	};
	return {
		resolve: ( ...args: unknown[] ) => settle( 0, args ),
		reject: ( ...args: unknown[] ) => settle( 1, args ),
		promise: ( extra: object ) => Object.assign( promise, extra )
	};
}

/**
 * A page's jQuery whose requests are answered by the test: each sent request is logged by its
 * name (its `url`) and waits in `open` until the test answers it.
 */
function fakePage() {
	const log: string[] = [];
	const open: Record<string, ReturnType<typeof fakeDeferred>> = {};
	const jq: AjaxHost = {
		active: 0,
		Deferred: fakeDeferred,
		ajax( settings: unknown ) {
			const { url } = settings as { url: string };
			log.push( `sent ${ url }` );
			jq.active++;
			const request = fakeDeferred();
			open[ url ] = request;
			const xhr = request.promise( { abort: () => request.reject( {}, 'abort' ) } );
			const settled = () => {
				jq.active--;
			};
			xhr.then( settled, settled );
			return xhr;
		}
	};
	const answer = ( url: string ): void => {
		log.push( `answered ${ url }` );
		open[ url ].resolve( { answer: url } );
	};
	return { jq, log, answer };
}

const tick = ( ms = 30 ) => new Promise( ( resolve ) => {
	setTimeout( resolve, ms );
} );

QUnit.module( 'session-fence: a request that may log the page in goes alone', () => {
	QUnit.test( 'it waits for the page\'s requests in flight, and the page\'s new requests wait for its answer', async ( assert ) => {
		const { jq, log, answer } = fakePage();
		const alone = createFence( jq, 3000, 5 );
		jq.ajax( { url: 'poll before' } );
		const login = alone( ( options ) => new Promise( ( resolve ) => {
			jq.ajax( Object.assign( { url: 'login' }, options ) ).then( resolve );
		} ) );
		await tick();
		assert.deepEqual( log, [ 'sent poll before' ], 'not sent while another request is in flight' );
		answer( 'poll before' );
		await tick();
		assert.deepEqual( log.slice( 2 ), [ 'sent login' ] );
		const during = jq.ajax( { url: 'poll during' } );
		let duringAnswer: unknown;
		during.then( ( value ) => {
			duringAnswer = value;
		} );
		await tick();
		assert.deepEqual( log.slice( 3 ), [], 'a request made meanwhile waits' );
		answer( 'login' );
		assert.deepEqual( await login, { answer: 'login' } );
		assert.deepEqual( log.slice( 3 ), [ 'answered login', 'sent poll during' ], 'then it goes, after the answer' );
		answer( 'poll during' );
		assert.deepEqual( duringAnswer, { answer: 'poll during' }, 'and its caller gets its answer' );
		jq.ajax( { url: 'later' } );
		assert.strictEqual( log[ log.length - 1 ], 'sent later', 'afterwards requests go at once again' );
	} );

	QUnit.test( 'a request held meanwhile can be aborted, as DiscussionTools aborts its poll, and is then never sent', async ( assert ) => {
		const { jq, log, answer } = fakePage();
		const alone = createFence( jq, 3000, 5 );
		const login = alone( ( options ) => new Promise( ( resolve ) => {
			jq.ajax( Object.assign( { url: 'login' }, options ) ).then( resolve );
		} ) );
		await tick();
		const poll = jq.ajax( { url: 'poll' } );
		let failed: unknown[] = [];
		poll.then( () => undefined, ( ...args ) => {
			failed = args;
		} );
		( poll.abort as () => void )();
		assert.strictEqual( failed[ 1 ], 'abort', 'it fails as jQuery fails an aborted request' );
		answer( 'login' );
		await login;
		assert.deepEqual( log, [ 'sent login', 'answered login' ] );
	} );

	QUnit.test( 'a request in flight that never ends holds the login back only so long', async ( assert ) => {
		const { jq, log } = fakePage();
		const alone = createFence( jq, 50, 5 );
		jq.ajax( { url: 'long poll' } );
		alone( ( options ) => new Promise( () => {
			jq.ajax( Object.assign( { url: 'login' }, options ) );
		} ) );
		await tick( 120 );
		assert.deepEqual( log, [ 'sent long poll', 'sent login' ] );
	} );

	QUnit.test( 'the token request of a post with a fresh token is not held behind the post', async ( assert ) => {
		const { jq, log, answer } = fakePage();
		const alone = createFence( jq, 3000, 5 );
		// An mw.Api whose requests go through the fake jQuery, as the real one's go through $.ajax.
		const viaPage = ( url: string, ajaxOptions?: Record<string, unknown> ): JqueryLikePromise<unknown> => {
			const xhr = jq.ajax( Object.assign( { url }, ajaxOptions ) );
			return { then: ( done, fail ) => xhr.then( ( value ) => done( value ), ( code ) => fail( code ) ) };
		};
		const api: MwApiLike = {
			get: () => viaPage( 'get' ),
			post: ( _params, ajaxOptions ) => viaPage( 'clientlogin', ajaxOptions ),
			postWithToken: () => viaPage( 'post' ),
			getToken: () => {
				const xhr = jq.ajax( { url: 'token' } );
				return { then: ( done ) => xhr.then( () => done( 'token+\\' ) ) };
			},
			badToken: () => undefined
		};
		const login = wrapMwApi( api, alone ).postWithPrefixedToken( 'login', 'logintoken', { action: 'clientlogin' }, { alone: true } );
		await tick();
		answer( 'token' );
		await tick();
		answer( 'clientlogin' );
		assert.deepEqual( await login, { answer: 'clientlogin' } );
		assert.deepEqual( log, [ 'sent token', 'answered token', 'sent clientlogin', 'answered clientlogin' ] );
	} );

	QUnit.test( 'only the request marked to go alone is; the fence lets go of jQuery.ajax when done', async ( assert ) => {
		const { jq, answer } = fakePage();
		const before = jq.ajax;
		const alone = createFence( jq, 3000, 5 );
		let marked: unknown;
		const login = alone( ( options ) => {
			marked = options[ aloneOption ];
			return new Promise( ( resolve ) => {
				jq.ajax( Object.assign( { url: 'login' }, options ) ).then( resolve );
			} );
		} );
		assert.true( marked );
		await tick();
		answer( 'login' );
		await login;
		assert.strictEqual( jq.ajax, before );
	} );
} );
