import { ApiClient, ApiParams } from '../../src/lib/api';
import { changePassword, securityStatus } from '../../src/gadgets/password-check/logic';

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
