// Figures measured in Debian's Chromium on the local wikis: what a page view costs, and how many
// API requests the email gadgets make. Run through `npm run bench -- --wiki`.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { launchBrowser, Visit, wikis, accounts } from '../../tests/e2e/helpers.mjs';
import { benchPage } from '../wiki/wikis.mjs';

/** What ResourceLoader serves for a module on a page view, in bytes. */
async function servedSize( wiki, module ) {
	const response = await fetch( `${ wiki.server }/load.php?modules=${ module }&only=scripts&skin=vector-2022&lang=en` );
	const body = Buffer.from( await response.arrayBuffer() );
	return { bytes: body.length, gzipped: gzipSync( body ).length };
}

async function measure( browser, wiki ) {
	const stub = await servedSize( wiki, 'ext.gadget.email-user' );
	const visit = await new Visit( browser, wiki ).start();
	await visit.logIn( accounts.sender );
	await visit.setOptions( { 'gadget-email-user': 1, 'gadget-email-user-marks': 1 } );

	await visit.open( `User:${ accounts.emailable.name }` );
	await visit.page.waitForFunction( () => window.accountGadgetsEmailUser === true );
	const beforeOpen = visit.apiRequests( {} ).length;
	await visit.page.locator( '#t-emailuser a' ).click();
	await visit.page.getByRole( 'textbox', { name: 'Message' } ).waitFor();
	const onOpen = visit.apiRequests( {} ).length - beforeOpen;
	await visit.page.keyboard.press( 'Escape' );
	await visit.page.getByRole( 'dialog' ).waitFor( { state: 'hidden' } );
	await visit.page.locator( '#t-emailuser a' ).click();
	await visit.page.getByRole( 'textbox', { name: 'Message' } ).waitFor();
	const onReopen = visit.apiRequests( {} ).length - beforeOpen - onOpen;

	const beforeHistory = visit.requests.length;
	await visit.open( benchPage, { action: 'history', limit: 500 } );
	await visit.page.waitForFunction( () => document.querySelectorAll( '.account-gadgets-envelope' ).length >= 60 );
	await visit.page.waitForLoadState( 'networkidle' );
	const historyRequests = visit.requests.slice( beforeHistory ).filter( ( request ) => request.url.startsWith( wiki.api ) ).length;
	const editors = await visit.page.evaluate( () => new Set( Array.from( document.querySelectorAll( 'a.mw-userlink' ), ( link ) => link.textContent ) ).size );
	await visit.close();
	return [
		{ figure: 'email-user stub served by load.php (bytes / gzipped)', value: `${ stub.bytes } / ${ stub.gzipped }`, goal: 'under 1 KB minified' },
		{ figure: 'API requests on opening the panel (page shows #t-emailuser)', value: onOpen, goal: '1' },
		{ figure: 'API requests on opening it again in the same page view', value: onReopen, goal: '0' },
		{ figure: `API requests to mark a history of ${ editors } distinct users`, value: historyRequests, goal: '≤ 3' }
	];
}

export async function measureOnWikis() {
	for ( const step of [ [ 'scripts/wiki.mjs', 'up' ], [ 'scripts/deploy-local.mjs' ], [ 'scripts/wiki.mjs', 'bench-fixture' ] ] ) {
		const result = spawnSync( 'node', step, { stdio: [ 'ignore', 'ignore', 'inherit' ] } );
		if ( result.status !== 0 ) {
			throw new Error( `node ${ step.join( ' ' ) } failed` );
		}
	}
	const browser = await launchBrowser();
	try {
		for ( const wiki of wikis ) {
			console.log( `\nMediaWiki ${ wiki.version }, measured in Chromium:` );
			console.table( await measure( browser, wiki ) );
		}
	} finally {
		await browser.close();
	}
}
