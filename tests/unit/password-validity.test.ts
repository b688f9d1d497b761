import { ApiClient, ApiParams, RequestOptions } from '../../src/lib/api';
import { CheckState, Clock, PasswordValidator, validationRequest, retypeMatches } from '../../src/lib/password-validity';

/** A clock whose time only moves when the test says so. */
function manualClock(): Clock & { advance( ms: number ): void } {
	let now = 0;
	let timers: Array<{ at: number; callback: () => void; id: number }> = [];
	let nextId = 1;
	return {
		setTimeout: ( callback, ms ) => {
			timers.push( { at: now + ms, callback, id: nextId } );
			return nextId++;
		},
		clearTimeout: ( id ) => {
			timers = timers.filter( ( timer ) => timer.id !== id );
		},
		advance: ( ms ) => {
			now += ms;
			const due = timers.filter( ( timer ) => timer.at <= now );
			timers = timers.filter( ( timer ) => timer.at > now );
			due.forEach( ( timer ) => timer.callback() );
		}
	};
}

interface Pending {
	params: ApiParams;
	signal?: AbortSignal;
	answer( validity: string, messages?: string[] ): Promise<void>;
	refuse(): Promise<void>;
}

/** An api whose answers the test hands out one by one. */
function controlledApi(): { api: ApiClient; requests: Pending[] } {
	const requests: Pending[] = [];
	const flush = () => new Promise<void>( ( resolve ) => {
		setTimeout( resolve, 0 );
	} );
	const api: ApiClient = {
		get: () => Promise.reject( new Error( 'validation must never use GET' ) ),
		post: <T>( params: ApiParams, options?: RequestOptions ) => new Promise<T>( ( resolve, reject ) => {
			options?.signal?.addEventListener( 'abort', () => reject( { kind: 'aborted' } ) );
			requests.push( {
				params,
				signal: options?.signal,
				answer: ( validity, messages = [] ) => {
					resolve( { validatepassword: { validity, validitymessages: messages.map( ( html ) => ( { code: 'x', html } ) ) } } as T );
					return flush();
				},
				refuse: () => {
					reject( { kind: 'network', reason: 'offline' } );
					return flush();
				}
			} );
		} ),
		postWithToken: () => Promise.reject( new Error( 'unused' ) ),
		postWithPrefixedToken: () => Promise.reject( new Error( 'unused' ) )
	};
	return { api, requests };
}

function setup() {
	const clock = manualClock();
	const { api, requests } = controlledApi();
	const states: CheckState[] = [];
	const validator = new PasswordValidator( api, ( state ) => states.push( state ), clock );
	return { clock, requests, states, validator, last: () => states[ states.length - 1 ] };
}

/** Types a password one character at a time, `gap` milliseconds apart. */
function type( validator: PasswordValidator, clock: Clock & { advance( ms: number ): void }, text: string, gap: number ) {
	for ( let i = 1; i <= text.length; i++ ) {
		validator.update( text.slice( 0, i ) );
		clock.advance( gap );
	}
}

QUnit.module( 'password validity: when the wiki is asked', () => {
	QUnit.test( 'typing 20 characters at 10 a second sends one request, 300 ms after the last key', ( assert ) => {
		const { clock, requests, validator } = setup();
		// 20 characters; type() leaves 100 ms after the last one.
		type( validator, clock, 'Correct-Horse-Batter', 100 );
		assert.strictEqual( requests.length, 0, 'nothing while typing' );
		clock.advance( 199 );
		assert.strictEqual( requests.length, 0, 'nothing 299 ms after the last keystroke' );
		clock.advance( 1 );
		assert.strictEqual( requests.length, 1, 'asked 300 ms after the last keystroke' );
		assert.deepEqual( requests[ 0 ].params, { action: 'validatepassword', password: 'Correct-Horse-Batter' } );
	} );

	QUnit.test( 'the request carries user, email and real name when the panel knows them', ( assert ) => {
		assert.deepEqual( validationRequest( 'pw', { user: 'Bob', email: 'bob@example.test', realname: '' } ),
			{ action: 'validatepassword', password: 'pw', user: 'Bob', email: 'bob@example.test' } );
	} );

	QUnit.test( 'an in-flight request is aborted when the value changes', ( assert ) => {
		const { clock, requests, validator } = setup();
		validator.update( 'first' );
		clock.advance( 300 );
		validator.update( 'second' );
		assert.true( requests[ 0 ].signal?.aborted );
	} );

	QUnit.test( 'a stale validation response never overwrites a newer verdict', async ( assert ) => {
		const { clock, requests, validator, last } = setup();
		validator.update( 'password' );
		clock.advance( 300 );
		const stale = requests[ 0 ];
		validator.update( 'Correct-Horse-Battery' );
		clock.advance( 300 );
		await requests[ 1 ].answer( 'Good' );
		// The old request was aborted, but suppose its answer still arrives.
		await stale.answer( 'Change', [ 'Too common' ] );
		assert.deepEqual( last(), { state: 'done', verdict: { validity: 'Good', messages: [] } } );
	} );

	QUnit.test( 'returning to an earlier value costs no request', async ( assert ) => {
		const { clock, requests, validator, last } = setup();
		validator.update( 'password' );
		clock.advance( 300 );
		await requests[ 0 ].answer( 'Change', [ 'Too common' ] );
		validator.update( 'password1' );
		clock.advance( 300 );
		await requests[ 1 ].answer( 'Good' );
		validator.update( 'password' );
		clock.advance( 1000 );
		assert.strictEqual( requests.length, 2 );
		assert.deepEqual( last(), { state: 'done', verdict: { validity: 'Change', messages: [ 'Too common' ] } } );
	} );

	QUnit.test( 'the same value asked again (focus, blur, other fields unchanged) sends nothing', ( assert ) => {
		const { clock, requests, validator } = setup();
		validator.update( 'secret', { user: 'Bob' } );
		validator.update( 'secret', { user: 'Bob' } );
		clock.advance( 300 );
		validator.update( 'secret', { user: 'Bob' } );
		clock.advance( 300 );
		assert.strictEqual( requests.length, 1 );
	} );

	QUnit.test( 'a changed username asks again, since policies compare the two', ( assert ) => {
		const { clock, requests, validator } = setup();
		validator.update( 'Bobby123', { user: 'Bob' } );
		clock.advance( 300 );
		validator.update( 'Bobby123', { user: 'Bobby123' } );
		clock.advance( 300 );
		assert.deepEqual( requests.map( ( request ) => request.params.user ), [ 'Bob', 'Bobby123' ] );
	} );

	QUnit.test( 'an empty field asks nothing and shows nothing', ( assert ) => {
		const { clock, requests, validator, last } = setup();
		validator.update( 'a' );
		validator.update( '' );
		clock.advance( 1000 );
		assert.strictEqual( requests.length, 0 );
		assert.deepEqual( last(), { state: 'empty' } );
	} );

	QUnit.test( 'when the wiki cannot be asked, the field says so instead of hiding it', async ( assert ) => {
		const { clock, requests, validator, last } = setup();
		validator.update( 'secret' );
		clock.advance( 300 );
		await requests[ 0 ].refuse();
		assert.deepEqual( last(), { state: 'failed', html: '' } );
	} );

	QUnit.test( 'closing the panel stops everything and forgets the passwords', async ( assert ) => {
		const { clock, requests, validator } = setup();
		validator.update( 'secret' );
		clock.advance( 300 );
		await requests[ 0 ].answer( 'Good' );
		validator.update( 'other' );
		validator.dispose();
		clock.advance( 1000 );
		assert.strictEqual( requests.length, 1, 'the pending check was cancelled' );
		validator.update( 'secret' );
		clock.advance( 300 );
		assert.strictEqual( requests.length, 2, 'nothing was remembered' );
	} );

	QUnit.test( 'the retype field is compared locally', ( assert ) => {
		assert.true( retypeMatches( 'İstanbul-1', 'İstanbul-1' ) );
		assert.false( retypeMatches( 'İstanbul-1', 'istanbul-1' ) );
	} );
} );
