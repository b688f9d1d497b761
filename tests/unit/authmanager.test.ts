import { ApiClient, ApiParams, RequestOptions } from '../../src/lib/api';
import { AuthField, fetchAuthForm, isWarning, keptValues, readAuthAnswer, resumeValues, submitAuth } from '../../src/lib/authmanager';

interface Sent {
	method: 'get' | 'post' | 'prefixed';
	tokenType?: string;
	tokenParam?: string;
	params: ApiParams;
}

/** An ApiClient that records every request and answers in turn (a function answer may reject). */
function answering( answers: unknown[] ): { api: ApiClient; sent: Sent[]; alone: boolean[] } {
	const sent: Sent[] = [];
	// Whether each post went alone (see session-fence).
	const alone: boolean[] = [];
	const next = <T>(): Promise<T> => {
		const answer = answers.shift();
		return typeof answer === 'function' ? answer() : Promise.resolve( answer as T );
	};
	const api: ApiClient = {
		get: <T>( params: ApiParams ) => {
			sent.push( { method: 'get', params } );
			return next<T>();
		},
		post: <T>( params: ApiParams, options?: RequestOptions ) => {
			sent.push( { method: 'post', params } );
			alone.push( !!( options && options.alone ) );
			return next<T>();
		},
		postWithToken: () => Promise.reject( new Error( 'unused' ) ),
		postWithPrefixedToken: <T>( tokenType: string, tokenParam: string, params: ApiParams, options?: RequestOptions ) => {
			sent.push( { method: 'prefixed', tokenType, tokenParam, params } );
			alone.push( !!( options && options.alone ) );
			return next<T>();
		}
	};
	return { api, sent, alone };
}

// Recorded from the local 1.39 and 1.43 wikis (labels shortened).
const loginFields = {
	username: { type: 'string', label: 'Username', help: 'Username for authentication.', optional: false, sensitive: false },
	password: { type: 'password', label: 'Password', help: 'Password for authentication.', optional: false, sensitive: true },
	rememberMe: { type: 'checkbox', label: 'Keep me logged in', help: 'Whether…', optional: true, sensitive: false }
};
const captchaFields = ( question: string ) => ( {
	captchaId: { type: 'hidden', value: '123', label: 'CAPTCHA ID', help: '', optional: false, sensitive: false },
	captchaInfo: { type: 'null', value: question, label: 'Solve the sum', help: '', optional: false, sensitive: false },
	captchaWord: { type: 'string', label: 'CAPTCHA', help: '', optional: false, sensitive: false }
} );
const totpAnswer = {
	status: 'UI',
	requests: [ { id: 'MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest', metadata: {}, required: 'required' } ],
	fields: { OATHToken: { type: 'string', label: 'Two-factor token or recovery code', help: 'The one-time password…', optional: false, sensitive: false } },
	message: 'Please enter a code from your two-factor authentication application.',
	messagecode: 'oathauth-auth-ui'
};
const temporaryPasswordAnswer = {
	status: 'UI',
	requests: [ { id: 'MediaWiki\\Auth\\PasswordAuthenticationRequest', metadata: {}, required: 'required' } ],
	fields: {
		password: { type: 'password', label: 'New password', help: '', optional: false, sensitive: true },
		retype: { type: 'password', label: 'Retype new password', help: '', optional: false, sensitive: true }
	},
	message: 'You logged in with a temporary emailed code. To finish logging in, you must set a new password here:',
	messagecode: 'resetpass-temp-emailed'
};

// Recorded from the local 1.45 wiki: a user with an authenticator app and recovery codes, after
// the password (OATHAuth 1.44+ offers a choice of method).
const methodChoiceAnswer = {
	status: 'UI',
	requests: [
		{ id: 'MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest', metadata: {}, required: 'required' },
		{
			id: 'MediaWiki\\Extension\\OATHAuth\\Auth\\TwoFactorModuleSelectAuthenticationRequest',
			metadata: {
				currentModule: 'totp',
				allowedModules: [ 'totp', 'recoverycodes' ],
				moduleDescriptions: { totp: 'Authenticator app', recoverycodes: 'Recovery codes' }
			},
			required: 'required'
		}
	],
	fields: {
		OATHToken: { type: 'string', label: 'Two-factor token', help: 'The one-time password…', optional: false, sensitive: false },
		newModule: {
			type: 'select', value: '', options: { '': '(do not switch)', recoverycodes: 'Recovery codes' },
			label: 'Use authenticator app',
			help: 'Set <code>newModule</code> to the name of the new module to get a new challenge from a different 2FA module.',
			optional: true, sensitive: false
		}
	},
	message: 'Please enter a code from your two-factor authentication app.',
	messagecode: 'oathauth-auth-ui'
};

QUnit.module( 'authmanager: steps a panel draws differently or hands over', () => {
	QUnit.test( 'a choice of two-factor method is one button per other method, named by the wiki, with no "(do not switch)" and no API help', ( assert ) => {
		const step = readAuthAnswer( methodChoiceAnswer );
		assert.strictEqual( step.kind, 'form' );
		const fields = step.kind === 'form' ? step.fields : [];
		assert.deepEqual( fields.map( ( field ) => field.name ), [ 'OATHToken', 'newModule' ] );
		assert.deepEqual( fields[ 1 ], {
			name: 'newModule', type: 'choice', label: '', help: '', value: '',
			options: { recoverycodes: 'Recovery codes' }, optional: true, sensitive: false
		} );
	} );

	QUnit.test( 'after switching to recovery codes, the way back is a button named "Authenticator app"', ( assert ) => {
		const step = readAuthAnswer( {
			status: 'UI',
			requests: [ { metadata: {} }, { metadata: { currentModule: 'recoverycodes', allowedModules: [ 'totp', 'recoverycodes' ], moduleDescriptions: { totp: 'Authenticator app', recoverycodes: 'Recovery codes' } } } ],
			fields: {
				RecoveryCode: { type: 'string', label: 'Recovery code', optional: true },
				newModule: { type: 'select', value: '', options: { '': '(do not switch)', totp: 'Authenticator app' }, label: 'Use recovery codes', optional: true }
			}
		} );
		assert.deepEqual( step.kind === 'form' && step.fields.map( ( field ) => [ field.name, field.type, field.options ] ), [
			[ 'RecoveryCode', 'string', {} ],
			[ 'newModule', 'choice', { totp: 'Authenticator app' } ]
		] );
	} );

	QUnit.test( 'a select that is not a choice of method stays a select', ( assert ) => {
		const step = readAuthAnswer( {
			status: 'UI', requests: [ { metadata: {} } ],
			fields: { language: { type: 'select', value: 'en', options: { en: 'English', de: 'Deutsch' }, label: 'Language' } }
		} );
		assert.strictEqual( step.kind === 'form' && step.fields[ 0 ].type, 'select' );
	} );

	QUnit.test( 'a field of a type no panel draws hands the step over to the wiki\'s page', ( assert ) => {
		const step = readAuthAnswer( {
			status: 'UI', messagecode: 'test-provider',
			requests: [ { id: 'TestProviderRequest', metadata: {} } ],
			fields: { when: { type: 'date', label: 'Date' } }
		} );
		assert.deepEqual( step, { kind: 'elsewhere', code: 'test-provider' } );
	} );

	QUnit.test( 'a captcha that is a script from elsewhere (hCaptcha) and a security key hand over too', ( assert ) => {
		const hcaptcha = readAuthAnswer( {
			status: 'UI',
			requests: [ { id: 'MediaWiki\\Extension\\ConfirmEdit\\hCaptcha\\HCaptchaAuthenticationRequest', metadata: { type: 'hcaptcha', mime: 'application/javascript' } } ],
			fields: { captchaWord: { type: 'string' } }
		} );
		const webauthn = readAuthAnswer( {
			status: 'UI',
			requests: [ { id: 'MediaWiki\\Extension\\WebAuthn\\Authenticator\\WebAuthnAuthenticationRequest', metadata: {} } ],
			fields: { auth: { type: 'hidden', value: '{}' } }
		} );
		assert.strictEqual( hcaptcha.kind, 'elsewhere' );
		assert.strictEqual( webauthn.kind, 'elsewhere' );
	} );

	QUnit.test( 'a first form with a script captcha says it needs the wiki\'s page', async ( assert ) => {
		const { api } = answering( [ { query: {
			authmanagerinfo: {
				requests: [ { id: 'CaptchaAuthenticationRequest', metadata: { type: 'hcaptcha', mime: 'application/javascript' } } ],
				fields: { username: loginFields.username, captchaWord: { type: 'string' } }
			},
			tokens: { createaccounttoken: 'token+\\' }
		} } ] );
		const form = await fetchAuthForm( api, 'create' );
		assert.true( form.elsewhere );
	} );

	QUnit.test( 'ConfirmEdit\'s question comes after the other fields, as on Special:CreateAccount, so the first field is the name', async ( assert ) => {
		const { api } = answering( [ { query: {
			authmanagerinfo: { fields: { ...captchaFields( '3 + 4' ), ...loginFields } },
			tokens: { createaccounttoken: 't' }
		} } ] );
		const form = await fetchAuthForm( api, 'create' );
		assert.deepEqual( form.fields.map( ( field ) => field.name ), [ 'username', 'password', 'rememberMe', 'captchaId', 'captchaInfo', 'captchaWord' ] );
	} );

	QUnit.test( 'the arithmetic captcha of ConfirmEdit\'s default is drawn in the panel', async ( assert ) => {
		const { api } = answering( [ { query: {
			authmanagerinfo: {
				requests: [ { id: 'CaptchaAuthenticationRequest', metadata: { type: 'simple', mime: 'text/plain' } } ],
				fields: { username: loginFields.username, ...captchaFields( '3 + 4' ) }
			},
			tokens: { createaccounttoken: 'token+\\' }
		} } ] );
		const form = await fetchAuthForm( api, 'create' );
		assert.false( form.elsewhere );
	} );
} );

QUnit.module( 'authmanager: what an answer means', () => {
	QUnit.test( 'PASS is done, with the name the wiki gives', ( assert ) => {
		assert.deepEqual( readAuthAnswer( { status: 'PASS', username: 'Leo' } ), { kind: 'pass', username: 'Leo' } );
	} );

	QUnit.test( 'FAIL carries the wiki\'s message and code', ( assert ) => {
		assert.deepEqual(
			readAuthAnswer( { status: 'FAIL', message: 'Incorrect username or password entered.', messagecode: 'wrongpassword' } ),
			{ kind: 'fail', code: 'wrongpassword', html: 'Incorrect username or password entered.' }
		);
	} );

	QUnit.test( 'a two-factor step is a form of the fields the wiki sent, in its order', ( assert ) => {
		const step = readAuthAnswer( totpAnswer );
		assert.strictEqual( step.kind, 'form' );
		assert.deepEqual( step.kind === 'form' && step.fields, [ {
			name: 'OATHToken', type: 'string', label: 'Two-factor token or recovery code', help: 'The one-time password…',
			value: '', options: {}, optional: false, sensitive: false
		} ] );
		assert.strictEqual( step.kind === 'form' && step.code, 'oathauth-auth-ui' );
	} );

	QUnit.test( 'a temporary password leads to a form with a new password and its retype', ( assert ) => {
		const step = readAuthAnswer( temporaryPasswordAnswer );
		assert.deepEqual( step.kind === 'form' && step.fields.map( ( field ) => `${ field.name }:${ field.type }` ), [ 'password:password', 'retype:password' ] );
		assert.strictEqual( step.kind === 'form' && step.code, 'resetpass-temp-emailed' );
	} );

	QUnit.test( 'RESTART is treated as UI; REDIRECT goes to the provider', ( assert ) => {
		assert.strictEqual( readAuthAnswer( { ...totpAnswer, status: 'RESTART' } ).kind, 'form' );
		assert.deepEqual( readAuthAnswer( { status: 'REDIRECT', redirecttarget: 'https://idp.example/auth?x=1' } ),
			{ kind: 'redirect', target: 'https://idp.example/auth?x=1' } );
	} );

	QUnit.test( 'an answer of unknown shape is a failure, never a success', ( assert ) => {
		assert.strictEqual( readAuthAnswer( undefined ).kind, 'fail' );
		assert.strictEqual( readAuthAnswer( { status: 'REDIRECT' } ).kind, 'fail', 'a redirect with nowhere to go' );
		assert.strictEqual( readAuthAnswer( { status: 'SOMETHING' } ).kind, 'fail' );
	} );
} );

QUnit.module( 'authmanager: what is sent', () => {
	QUnit.test( 'the login form and its token come in one request', async ( assert ) => {
		const { api, sent } = answering( [ { query: { authmanagerinfo: { fields: loginFields }, tokens: { logintoken: 'abc+\\' } } } ] );
		const form = await fetchAuthForm( api, 'login' );
		assert.deepEqual( sent, [ { method: 'get', params: {
			action: 'query', meta: [ 'authmanagerinfo', 'tokens' ], type: 'login',
			amirequestsfor: 'login', amimergerequestfields: true, amimessageformat: 'html'
		} } ] );
		assert.strictEqual( form.token, 'abc+\\' );
		assert.deepEqual( form.fields.map( ( field ) => field.name ), [ 'username', 'password', 'rememberMe' ] );
	} );

	QUnit.test( 'the account-creation form asks for its own token and whether creation is allowed', async ( assert ) => {
		const { api, sent } = answering( [ { query: { authmanagerinfo: { fields: loginFields, cancreateaccounts: true }, tokens: { createaccounttoken: 't' } } } ] );
		const form = await fetchAuthForm( api, 'create' );
		assert.strictEqual( sent[ 0 ].params.type, 'createaccount' );
		assert.strictEqual( sent[ 0 ].params.amirequestsfor, 'create' );
		assert.true( form.canCreate );
	} );

	QUnit.test( 'a form without its token is an unknown answer, not an empty form', async ( assert ) => {
		const { api } = answering( [ { query: { authmanagerinfo: { fields: loginFields } } } ] );
		await assert.rejects( fetchAuthForm( api, 'login' ), ( failure: { code: string } ) => failure.code === 'unknown-answer' );
	} );

	QUnit.test( 'a login posts the values with the token of the form, the return URL and HTML messages', async ( assert ) => {
		const { api, sent } = answering( [ { clientlogin: { status: 'PASS', username: 'Leo' } } ] );
		const step = await submitAuth( api, 'login', { username: 'Leo', password: 'secret', rememberMe: true }, { token: 'abc+\\', returnUrl: 'http://wiki/index.php?title=Main_Page' } );
		assert.deepEqual( step, { kind: 'pass', username: 'Leo' } );
		assert.deepEqual( sent, [ { method: 'post', params: {
			action: 'clientlogin', loginmessageformat: 'html', loginmergerequestfields: true,
			username: 'Leo', password: 'secret', rememberMe: true,
			loginreturnurl: 'http://wiki/index.php?title=Main_Page', logintoken: 'abc+\\'
		} } ] );
	} );

	QUnit.test( 'a further step is continued with logincontinue and no return URL', async ( assert ) => {
		const { api, sent } = answering( [ { clientlogin: { status: 'PASS', username: 'Kim' } } ] );
		await submitAuth( api, 'login', { OATHToken: '123456' }, { continuing: true } );
		assert.deepEqual( sent, [ { method: 'prefixed', tokenType: 'login', tokenParam: 'logintoken', params: {
			action: 'clientlogin', loginmessageformat: 'html', loginmergerequestfields: true, OATHToken: '123456', logincontinue: true
		} } ] );
	} );

	QUnit.test( 'a stale token of the form is replaced once, and the login goes through', async ( assert ) => {
		const { api, sent } = answering( [
			() => Promise.reject( { kind: 'api', code: 'badtoken', html: 'Invalid token' } ),
			{ clientlogin: { status: 'PASS', username: 'Leo' } }
		] );
		const step = await submitAuth( api, 'login', { username: 'Leo', password: 'secret' }, { token: 'old', returnUrl: 'u' } );
		assert.strictEqual( step.kind, 'pass' );
		assert.deepEqual( sent.map( ( request ) => request.method ), [ 'post', 'prefixed' ] );
		assert.strictEqual( sent[ 1 ].params.logintoken, undefined, 'the fresh token is the prefixed post\'s own' );
	} );

	QUnit.test( 'every step of a login or a sign-up goes alone, as each may log the page in', async ( assert ) => {
		const { api, alone } = answering( [
			() => Promise.reject( { kind: 'api', code: 'badtoken', html: 'Invalid token' } ),
			{ clientlogin: { status: 'PASS', username: 'Leo' } },
			{ clientlogin: { status: 'PASS', username: 'Leo' } },
			{ createaccount: { status: 'PASS', username: 'New' } }
		] );
		await submitAuth( api, 'login', { username: 'Leo', password: 'secret' }, { token: 'old', returnUrl: 'u' } );
		await submitAuth( api, 'login', { OATHToken: '123456' }, { continuing: true } );
		await submitAuth( api, 'create', { username: 'New' }, { token: 't', returnUrl: 'u' } );
		assert.deepEqual( alone, [ true, true, true, true ] );
	} );

	QUnit.test( 'other failures are not retried', async ( assert ) => {
		const { api, sent } = answering( [ () => Promise.reject( { kind: 'network', reason: 'offline' } ) ] );
		await assert.rejects( submitAuth( api, 'login', { username: 'Leo' }, { token: 't', returnUrl: 'u' } ) );
		assert.strictEqual( sent.length, 1 );
	} );

	QUnit.test( 'account creation uses createaccount, createtoken and the create prefixes', async ( assert ) => {
		const { api, sent } = answering( [ { createaccount: { status: 'PASS', username: 'New' } } ] );
		await submitAuth( api, 'create', { username: 'New' }, { token: 't', returnUrl: 'u' } );
		assert.deepEqual( sent[ 0 ].params, {
			action: 'createaccount', createmessageformat: 'html', createmergerequestfields: true,
			username: 'New', createreturnurl: 'u', createtoken: 't'
		} );
	} );
} );

QUnit.module( 'authmanager: nothing typed is lost, no password is kept', () => {
	const form = ( fields: Record<string, object> ): AuthField[] => readAuthAnswer( { status: 'UI', fields } ).kind === 'form' ?
		( readAuthAnswer( { status: 'UI', fields } ) as { fields: AuthField[] } ).fields : [];

	QUnit.test( 'after a failure the username and checkbox stay, the password goes', ( assert ) => {
		const fields = form( loginFields );
		assert.deepEqual( keptValues( fields, fields, { username: 'Leo', password: 'wrong', rememberMe: true } ), { username: 'Leo', rememberMe: true } );
	} );

	QUnit.test( 'after an AbuseFilter warning the passwords stay too, so that sending again is one click; after a refusal they go', ( assert ) => {
		const fields: AuthField[] = [ 'username', 'password', 'retype' ].map( ( name ) => ( {
			name, type: name === 'username' ? 'string' : 'password', label: '', help: '', value: '', options: {}, optional: false, sensitive: name !== 'username'
		} ) );
		const typed = { username: 'Afwarn 1', password: 'Secret-123-x', retype: 'Secret-123-x' };
		assert.true( isWarning( 'abusefilter-warning' ) );
		assert.true( isWarning( 'abusefilter-warning-names' ) );
		assert.false( isWarning( 'abusefilter-disallowed' ) );
		assert.deepEqual( keptValues( fields, fields, typed, true ), typed );
		assert.deepEqual( keptValues( fields, fields, typed ), { username: 'Afwarn 1' } );
	} );

	QUnit.test( 'the username stays when a captcha joins the form', ( assert ) => {
		const before = form( loginFields );
		const after = form( { ...captchaFields( '40−1 =' ), ...loginFields } );
		assert.deepEqual( keptValues( before, after, { username: 'Leo', password: 'x' } ), { username: 'Leo' } );
	} );

	QUnit.test( 'an answer to a question that changed is dropped; one to the same question stays', ( assert ) => {
		const before = form( { ...captchaFields( '40−1 =' ), ...loginFields } );
		const values = { username: 'Leo', captchaWord: '39', captchaId: '123' };
		assert.deepEqual( keptValues( before, form( { ...captchaFields( '5+3 =' ), ...loginFields } ), values ), { username: 'Leo' } );
		assert.deepEqual( keptValues( before, form( { ...captchaFields( '40−1 =' ), ...loginFields } ), values ), { username: 'Leo', captchaWord: '39' } );
	} );
} );

QUnit.module( 'authmanager: coming back from a redirecting provider', () => {
	const editing = 'https://wiki.example/w/index.php?title=User%3ABob&action=edit';
	QUnit.test( 'the values the provider added to the return URL continue the login; the return URL\'s own do not', ( assert ) => {
		assert.deepEqual( resumeValues( editing + '&code=a%2Bb&state=x+y', editing ), { code: 'a+b', state: 'x y' } );
		assert.deepEqual( resumeValues( 'https://wiki.example/wiki/User:Bob?code=1#top', 'https://wiki.example/wiki/User:Bob#top' ), { code: '1' } );
		// (The provider may spell the return URL's values its own way.)
		assert.deepEqual( resumeValues( 'https://wiki.example/w/index.php?action=edit&title=User:Bob&code=1', editing ), { code: '1' } );
	} );

	QUnit.test( 'an address that is not the return URL with values added resumes nothing', ( assert ) => {
		assert.strictEqual( resumeValues( editing, editing ), null, 'the page itself, come back to with Back' );
		assert.strictEqual( resumeValues( 'https://wiki.example/w/index.php?title=Main_Page&code=1', editing ), null, 'another page' );
		assert.strictEqual( resumeValues( 'https://wiki.example/w/index.php?title=User%3ABob&code=1', editing ), null, 'without action=edit' );
		assert.strictEqual( resumeValues( 'https://other.example/w/index.php?title=User%3ABob&action=edit&code=1', editing ), null, 'another host' );
	} );
} );
