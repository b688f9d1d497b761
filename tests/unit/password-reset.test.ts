import { ApiClient, ApiParams } from '../../src/lib/api';
import { fetchRoutes, resetRequest, requestReset } from '../../src/gadgets/password-reset/logic';

function answering( answer: unknown, sent: ApiParams[] = [] ): ApiClient {
	const reply = <T>( params: ApiParams ) => {
		sent.push( params );
		return Promise.resolve( answer as T );
	};
	return { get: reply, post: reply, postWithToken: ( _type, params ) => reply( params ), postWithPrefixedToken: () => Promise.reject() };
}

function paramInfo( ...names: string[] ) {
	return { paraminfo: { modules: [ { name: 'resetpassword', parameters: names.map( ( name ) => ( { name } ) ) } ] } };
}

QUnit.module( 'password-reset: what the wiki allows', () => {
	QUnit.test( 'the routes are read from the module\'s own parameters, in one paraminfo request', async ( assert ) => {
		const sent: ApiParams[] = [];
		assert.deepEqual( await fetchRoutes( answering( paramInfo( 'user', 'email', 'token' ), sent ) ), { user: true, email: true } );
		assert.deepEqual( sent, [ { action: 'paraminfo', modules: 'resetpassword' } ] );
		assert.deepEqual( await fetchRoutes( answering( paramInfo( 'user', 'token' ) ) ), { user: true, email: false } );
	} );

	QUnit.test( 'resets switched off leave neither route', async ( assert ) => {
		assert.deepEqual( await fetchRoutes( answering( paramInfo() ) ), { user: false, email: false } );
	} );
} );

QUnit.module( 'password-reset: what is sent', () => {
	const both = { user: true, email: true };

	QUnit.test( 'an address goes as email, anything else as user, never both', ( assert ) => {
		assert.deepEqual( resetRequest( ' grace@example.test ', both ), { params: { action: 'resetpassword', email: 'grace@example.test' } } );
		assert.deepEqual( resetRequest( 'Grace', both ), { params: { action: 'resetpassword', user: 'Grace' } } );
	} );

	QUnit.test( 'a logged-in helper\'s request asserts who sends it', ( assert ) => {
		assert.deepEqual( resetRequest( 'Bob', both, 'Carol' ), { params: { action: 'resetpassword', user: 'Bob', assertuser: 'Carol' } } );
	} );

	QUnit.test( 'input the wiki cannot take is stopped before any request', ( assert ) => {
		assert.deepEqual( resetRequest( '   ', both ), { problem: 'empty' } );
		assert.deepEqual( resetRequest( 'grace@example.test', { user: true, email: false } ), { problem: 'email-route-off' } );
		assert.deepEqual( resetRequest( 'Grace', { user: false, email: true } ), { problem: 'user-route-off' } );
	} );

	QUnit.test( 'the reset is one csrf post; an unexpected answer is a failure, not a success', async ( assert ) => {
		const sent: ApiParams[] = [];
		await requestReset( answering( { resetpassword: { status: 'success' } }, sent ), { action: 'resetpassword', user: 'Grace' } );
		assert.deepEqual( sent, [ { action: 'resetpassword', user: 'Grace' } ] );
		await assert.rejects( requestReset( answering( {} ), { action: 'resetpassword', user: 'Grace' } ) );
	} );
} );
