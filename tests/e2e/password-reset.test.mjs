// Password resets from an in-page panel, logged out and as a helper, on MediaWiki 1.39 and 1.43,
// with the emails the wikis really sent.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inVisit, wikis, accounts, Mailbox, overrideSettings, gadgetMessages, panelSettled, browserForSuite } from './helpers.mjs';

const { resetByName: grace, sharedAddress1: heidi, sharedAddress2: ivan, sender: carol, emailable: bob } = accounts;

const messages = ( language ) => gadgetMessages( 'password-reset', language );
const en = messages( 'en' );
const link = { en: 'Forgot your password?', ru: 'Забыли пароль?', uk: 'Забули пароль?', tr: 'Parolanızı mı unuttunuz?' };

/** A logged-out reader opens a page and the panel from the link beside "Log in". */
async function openPanel( visit, query = {} ) {
	await visit.open( 'Main Page', { useskin: 'vector', ...query } );
	await visit.page.getByRole( 'link', { name: link[ query.uselang || 'en' ] } ).click();
	await visit.page.getByRole( 'dialog' ).waitFor();
	await panelSettled( visit.page );
}

async function send( page, value ) {
	await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).fill( value );
	await page.getByRole( 'button', { name: en.send } ).click();
}

function temporaryPassword( mail ) {
	const match = mail.text.match( /Temporary password:\s*\n\s*(\S+)/ );
	assert.ok( match, `a temporary password in:\n${ mail.text }` );
	return match[ 1 ];
}

for ( const wiki of wikis ) {
	describe( `password-reset on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		test( 'a logged-out reader resets by username, and the temporary password really logs in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const mailbox = new Mailbox( wiki );
				const { page } = visit;
				await openPanel( visit );
				await send( page, grace.name );
				await page.getByText( en.sent ).waitFor();
				const mails = await mailbox.newMail();
				assert.equal( mails.length, 1 );
				assert.equal( mails[ 0 ].to, grace.email );
				const temporary = temporaryPassword( mails[ 0 ] );
				assert.equal( visit.apiRequests( { action: 'resetpassword' } ).length, 1 );

				// The wiki's own login page takes the temporary password and asks for a new one;
				// Grace sets her usual password again, so the test accounts stay as printed.
				await visit.open( 'Special:UserLogin' );
				await page.locator( '#wpName1' ).fill( grace.name );
				await page.locator( '#wpPassword1' ).fill( temporary );
				await page.locator( '#wpLoginAttempt' ).click();
				await page.getByLabel( /^New password/ ).fill( grace.password );
				await page.getByLabel( /^Retype new password/ ).fill( grace.password );
				await page.getByRole( 'button', { name: 'Continue login' } ).click();
				await page.waitForURL( ( url ) => !/UserLogin/.test( decodeURIComponent( url.href ) ) );
				const me = await visit.api( { action: 'query', meta: 'userinfo' } );
				assert.equal( me.query.userinfo.name, grace.name, 'logged in as Grace with the new password' );
			} );
		} );

		test( 'a reset by an address two accounts share sends one email per account', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const mailbox = new Mailbox( wiki );
				await openPanel( visit );
				await send( visit.page, heidi.email );
				await visit.page.getByText( en.sent ).waitFor();
				const mails = await mailbox.newMail();
				for ( const account of [ heidi, ivan ] ) {
					const about = mails.filter( ( mail ) => new RegExp( `Username:\\s*\\n\\s*${ account.name }\\b` ).test( mail.text ) );
					assert.equal( about.length, 1, `one email for ${ account.name }` );
				}
				assert.ok( mails.every( ( mail ) => mail.to === heidi.email ) );
				assert.equal( mails.length, 2 );
			} );
		} );

		test( 'an unknown username and an unknown address get the same sentence, and no email', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const mailbox = new Mailbox( wiki );
				for ( const unknown of [ 'Nobody Here 42', 'nobody-here@example.test' ] ) {
					await openPanel( visit );
					await send( visit.page, unknown );
					await visit.page.getByText( en.sent ).waitFor();
					await visit.page.getByRole( 'dialog' ).waitFor( { state: 'hidden' } );
				}
				assert.deepEqual( await mailbox.newMail(), [] );
			} );
		} );

		test( 'the panel offers only what the wiki allows', async ( t ) => {
			const restore = overrideSettings( wiki, { wgPasswordResetRoutes: { username: true, email: false } } );
			try {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					await openPanel( visit );
					await page.getByRole( 'textbox', { name: en[ 'field-user' ] } ).fill( grace.email );
					assert.equal( await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).count(), 0 );
					await page.getByRole( 'button', { name: en.send } ).click();
					await page.getByRole( 'alert' ).getByText( en[ 'problem-email-route-off' ] ).waitFor();
					assert.equal( visit.apiRequests( { action: 'resetpassword' } ).length, 0, 'no request that could fail with invalidparammix' );
					assert.equal( await page.getByRole( 'textbox', { name: en[ 'field-user' ] } ).inputValue(), grace.email );
				} );
				overrideSettings( wiki, { wgPasswordResetRoutes: { username: false, email: false } } );
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					await openPanel( visit );
					await visit.page.getByText( en[ 'not-available' ] ).waitFor();
					assert.equal( await visit.page.getByRole( 'textbox' ).count(), 0 );
				} );
			} finally {
				restore();
			}
		} );

		test( 'a double click sends one email; a network failure keeps the input and Retry works', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const mailbox = new Mailbox( wiki );
				const { page } = visit;
				await openPanel( visit );
				await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).fill( grace.name );
				const cut = ( route ) => ( /action=resetpassword/.test( route.request().postData() || '' ) ? route.abort( 'internetdisconnected' ) : route.continue() );
				await page.route( `${ wiki.api }*`, cut );
				await page.getByRole( 'button', { name: en.send } ).click();
				await page.getByRole( 'alert' ).getByText( en[ 'error-network' ] ).waitFor();
				assert.equal( await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).inputValue(), grace.name );
				await page.unroute( `${ wiki.api }*`, cut );
				await page.getByRole( 'button', { name: en.send } ).dblclick();
				await page.getByText( en.sent ).waitFor();
				await page.waitForTimeout( 500 );
				assert.equal( ( await mailbox.newMail() ).length, 1 );
			} );
		} );

		test( 'a helper\'s reset from Bob\'s page emails Bob, never the helper', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const mailbox = new Mailbox( wiki );
				const { page } = visit;
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-password-reset-helper': 1 } );
				await visit.open( `User:${ bob.name }` );
				await page.getByRole( 'link', { name: 'Send password reset' } ).click();
				await page.getByText( en[ 'helper-intro' ] ).waitFor();
				assert.equal( await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).inputValue(), bob.name );
				await page.getByRole( 'button', { name: en.send } ).click();
				await page.getByText( en.sent ).waitFor();
				const mails = await mailbox.newMail();
				assert.deepEqual( mails.map( ( mail ) => mail.to ), [ bob.email ] );
			} );
		} );

		test( '"Forgot your password?" sits beside "Log in" in every skin', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				for ( const skin of [ 'vector-2022', 'vector', 'monobook', 'timeless' ] ) {
					await visit.open( 'Main Page', { useskin: skin } );
					const forgot = visit.page.locator( 'a', { hasText: link.en } );
					await forgot.first().waitFor( { state: 'attached' } );
					// Each "Log in" of the skin has its own link right after it.
					// (Our own items copy the class of the "Log in" they follow, so they are left out.)
					const pairs = await visit.page.evaluate( () => Array.from( document.querySelectorAll( '#pt-login-2, #pt-login, .vector-user-menu-login' ) )
						.filter( ( login ) => !login.textContent.includes( 'Forgot' ) )
						.map( ( login ) => login.nextElementSibling && login.nextElementSibling.textContent.trim() ) );
					assert.ok( pairs.length > 0 && pairs.every( ( text ) => text === 'Forgot your password?' ), `${ skin }: ${ JSON.stringify( pairs ) }` );
				}
			} );
		} );

		for ( const language of [ 'ru', 'uk', 'tr' ] ) {
			test( `the panel speaks ${ language }`, async ( t ) => {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const texts = messages( language );
					await openPanel( visit, { uselang: language } );
					await visit.page.getByText( texts.title ).first().waitFor();
					await visit.page.getByRole( 'textbox', { name: texts[ 'field-either' ] } ).fill( 'Nobody Here 42' );
					await visit.page.getByRole( 'button', { name: texts.send } ).click();
					await visit.page.getByText( texts.sent ).waitFor();
				} );
			} );
		}
	} );
}
