import { ApiClient, ApiParams } from '../../src/lib/api';
import { changePassword, continueLogin, reauthenticate, securityStatus } from '../../src/gadgets/password-check/logic';

interface Sent {
	tokenType?: string;
	tokenParam?: string;
	params: ApiParams;
}

function answering( answers: unknown[] ): { api: ApiClient; sent: Sent[] } {
	const sent: Sent[] = [];
	const next = <T>() => Promise.resolve( answers.shift() as T );
	const api: ApiClient = {
		get: <T>( params: ApiParams ) => {
			sent.push( { params } );
			return next<T>();
		},
		post: () => Promise.reject( new Error( 'unused' ) ),
		postWithToken: () => Promise.reject( new Error( 'unused' ) ),
		postWithPrefixedToken: <T>( tokenType: string, tokenParam: string, params: ApiParams ) => {
			sent.push( { tokenType, tokenParam, params } );
			return next<T>();
		}
	};
	return { api, sent };
}

QUnit.module( 'password-check: changing a password', () => {
	QUnit.test( 'the wiki is asked whether a fresh login is needed for ChangeCredentials', async ( assert ) => {
		const { api, sent } = answering( [ { query: { authmanagerinfo: { securitysensitiveoperationstatus: 'reauth' } } } ] );
		assert.strictEqual( await securityStatus( api ), 'reauth' );
		assert.deepEqual( sent[ 0 ].params, {
			action: 'query', meta: 'authmanagerinfo', amirequestsfor: 'change', amisecuritysensitiveoperation: 'ChangeCredentials'
		} );
	} );

	QUnit.test( 're-authentication is a clientlogin with its token as logintoken', async ( assert ) => {
		const { api, sent } = answering( [ { clientlogin: { status: 'PASS', username: 'Judy' } } ] );
		assert.deepEqual( await reauthenticate( api, 'Judy', 'secret', 'http://wiki/Main_Page' ), { status: 'PASS' } );
		assert.deepEqual( sent, [ {
			tokenType: 'login', tokenParam: 'logintoken',
			params: { action: 'clientlogin', username: 'Judy', password: 'secret', loginreturnurl: 'http://wiki/Main_Page' }
		} ] );
	} );

	QUnit.test( 'a wrong current password is a failure with the wiki\'s message', async ( assert ) => {
		const { api } = answering( [ { clientlogin: { status: 'FAIL', message: 'Incorrect username or password entered.', messagecode: 'wrongpassword' } } ] );
		assert.deepEqual( await reauthenticate( api, 'Judy', 'wrong', 'u' ),
			{ status: 'FAIL', message: 'Incorrect username or password entered.', code: 'wrongpassword' } );
	} );

	QUnit.test( 'a two-factor step comes back as fields, and is continued with logincontinue', async ( assert ) => {
		const { api, sent } = answering( [
			{ clientlogin: { status: 'UI', message: 'Enter your code', requests: [ { id: 'TOTP', fields: { OATHToken: { type: 'string', label: 'Code', help: 'From your app' } } } ] } },
			{ clientlogin: { status: 'PASS' } }
		] );
		const step = await reauthenticate( api, 'Judy', 'secret', 'u' );
		assert.deepEqual( step, { status: 'UI', message: 'Enter your code', fields: [ { name: 'OATHToken', type: 'string', label: 'Code', help: 'From your app' } ] } );
		assert.deepEqual( await continueLogin( api, { OATHToken: '123456' } ), { status: 'PASS' } );
		assert.deepEqual( sent[ 1 ], { tokenType: 'login', tokenParam: 'logintoken', params: { action: 'clientlogin', logincontinue: true, OATHToken: '123456' } } );
	} );

	QUnit.test( 'the change is one changeauthenticationdata post, csrf token as changeauthtoken, asserting the user', async ( assert ) => {
		const { api, sent } = answering( [ { changeauthenticationdata: { status: 'success' } } ] );
		await changePassword( api, 'Judy', 'New-Password-1', 'New-Password-1' );
		assert.deepEqual( sent, [ {
			tokenType: 'csrf', tokenParam: 'changeauthtoken',
			params: {
				action: 'changeauthenticationdata',
				changeauthrequest: 'MediaWiki\\Auth\\PasswordAuthenticationRequest',
				password: 'New-Password-1',
				retype: 'New-Password-1',
				assertuser: 'Judy'
			}
		} ] );
	} );

	QUnit.test( 'an answer other than success is a failure', async ( assert ) => {
		const { api } = answering( [ { changeauthenticationdata: { status: 'failed', message: 'Nope' } } ] );
		await assert.rejects( changePassword( api, 'Judy', 'a', 'a' ), ( failure: { kind: string } ) => failure.kind === 'api' );
	} );
} );
