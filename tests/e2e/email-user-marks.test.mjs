// Envelopes beside the users one can email, in the lists where people look for them.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { inVisit, wikis, accounts, Visit, browserForSuite } from './helpers.mjs';

const { sender: carol, emailable: bob, noEmail: dave, refusesEmail: erin } = accounts;
const page = 'Marks test';

async function envelopesOn( visit ) {
	await visit.page.waitForFunction( () => mw.loader.getState( 'ext.gadget.email-user-marks-panel' ) === 'ready' );
	// Marking waits for API answers (one per 50 names): let them all arrive.
	await visit.page.waitForFunction( () => !document.querySelector( 'a.mw-userlink' ) || document.querySelector( '.account-gadgets-envelope' ) );
	await visit.page.waitForLoadState( 'networkidle' );
	return visit.page.evaluate( () => Array.from( document.querySelectorAll( '.account-gadgets-envelope' ) )
		.map( ( envelope ) => envelope.previousElementSibling.textContent.trim() ) );
}

for ( const wiki of wikis ) {
	describe( `email-user-marks on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();
		before( async () => {
			// A page edited by people who can and cannot receive email.
			for ( const [ i, editor ] of [ bob, dave, erin ].entries() ) {
				const visit = await new Visit( suiteBrowser(), wiki ).start();
				await visit.logIn( editor );
				await visit.api( { action: 'edit', title: page, appendtext: `\n* ${ editor.name } ${ i }`, token: await visit.token() }, { method: 'POST' } );
				await visit.close();
			}
		} );

		test( 'in a page history, only users who can receive email get an envelope, found in one request', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-email-user-marks': 1 } );
				await visit.open( page, { action: 'history' } );
				const marked = await envelopesOn( visit );
				assert.ok( marked.includes( bob.name ), 'Bob can receive email' );
				assert.ok( !marked.includes( dave.name ), 'Dave has no address' );
				assert.ok( !marked.includes( erin.name ), 'Erin refuses email' );
				assert.equal( visit.apiRequests( { usprop: 'emailable' } ).length, 1 );

				// The envelope opens the email panel for that user, with no second look at Bob.
				await visit.page.getByRole( 'link', { name: `Email ${ bob.name }` } ).first().click();
				await visit.page.getByRole( 'textbox', { name: 'Message' } ).waitFor();
				assert.equal( visit.apiRequests( { usprop: 'emailable' } ).length, 1 );
				assert.deepEqual( visit.scriptErrors(), [] );
			} );
		} );

		test( 'Special:ListUsers marks the emailable users', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-email-user-marks': 1 } );
				await visit.open( 'Special:ListUsers', { limit: 500 } );
				const marked = await envelopesOn( visit );
				assert.ok( marked.includes( bob.name ) && marked.includes( 'Admin' ) );
				assert.ok( !marked.includes( dave.name ) && !marked.includes( erin.name ) );
			} );
		} );

		test( 'Special:RecentChanges and Special:Contributions are marked too', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-email-user-marks': 1 } );
				await visit.open( 'Special:RecentChanges', { days: 30, limit: 500 } );
				const marked = await envelopesOn( visit );
				assert.ok( marked.includes( bob.name ), `Bob is marked among ${ marked.length }` );
				assert.ok( !marked.includes( dave.name ) );
				// Each name once, however often the list is announced as new content.
				assert.equal( await visit.page.locator( '.account-gadgets-envelope + .account-gadgets-envelope' ).count(), 0 );
				await visit.open( `Special:Contributions/${ bob.name }` );
				assert.ok( ( await envelopesOn( visit ) ).includes( bob.name ) );
			} );
		} );

		test( 'a viewer who cannot send email gets no envelopes', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( dave );
				await visit.setOptions( { 'gadget-email-user-marks': 1 } );
				await visit.open( page, { action: 'history' } );
				await visit.page.waitForFunction( () => mw.loader.getState( 'ext.gadget.email-user-marks-panel' ) === 'ready' );
				await visit.page.waitForLoadState( 'networkidle' );
				assert.equal( await visit.page.locator( '.account-gadgets-envelope' ).count(), 0 );
			} );
		} );
	} );
}
