// Deploy against the real local wikis: it keeps the wiki's other gadgets, edits only what changed,
// previews without editing, and never shows the bot password.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { Mwn } from 'mwn';
import { deploy, definitionPage } from '../../scripts/deploy.mjs';
import { blockStart } from '../../scripts/build/gadgets.mjs';
import { wikis, accounts } from './helpers.mjs';

const admin = accounts.admin;
const credentials = { username: `${ admin.name }@${ admin.botPassword.appId }`, password: admin.botPassword.password };
const quiet = () => {};

for ( const wiki of wikis ) {
	describe( `deploy to MediaWiki ${ wiki.version }`, () => {
		let bot;
		before( async () => {
			bot = new Mwn( { apiUrl: wiki.api, silent: true, userAgent: 'account-gadgets-tests' } );
			await bot.login( credentials );
		} );

		async function text( title ) {
			const page = await bot.read( title );
			return page.revisions ? page.revisions[ 0 ].content : '';
		}

		test( 'the wiki\'s other gadgets survive, and a second deploy edits nothing', async () => {
			const foreign = '== appearance ==\n* dark-mode[ResourceLoader]|dark-mode.js';
			const ours = ( await text( definitionPage ) ).slice( ( await text( definitionPage ) ).indexOf( blockStart ) );
			await bot.save( definitionPage, `${ foreign }\n\n${ ours.replace( 'email-user[', 'email-user-old[' ) }`, 'test: a wiki with other gadgets' );

			const changed = await deploy( { apiUrl: wiki.api, ...credentials, log: quiet } );
			assert.deepEqual( changed, [ definitionPage ] );
			const after = await text( definitionPage );
			assert.ok( after.startsWith( foreign ), 'the other gadget is still defined first' );
			assert.ok( !after.includes( 'email-user-old' ), 'our old block is gone' );
			assert.equal( after.split( blockStart ).length, 2, 'our block is there once' );

			assert.deepEqual( await deploy( { apiUrl: wiki.api, ...credentials, log: quiet } ), [] );
		} );

		test( 'a dry run lists a page that differs and leaves it alone', async () => {
			const title = 'MediaWiki:Gadget-email-user.js';
			const built = await text( title );
			await bot.save( title, `${ built }\n// hand edit`, 'test: someone edited the gadget on the wiki' );
			const lines = [];
			const changed = await deploy( { apiUrl: wiki.api, dryRun: true, log: ( line ) => lines.push( line ) } );
			assert.deepEqual( changed, [ title ] );
			assert.deepEqual( lines, [ `would edit ${ title }` ] );
			assert.ok( ( await text( title ) ).endsWith( '// hand edit' ), 'nothing was edited' );
			await deploy( { apiUrl: wiki.api, ...credentials, log: quiet } );
			assert.equal( ( await text( title ) ).trim(), built.trim() );
		} );

		test( 'a wrong bot password fails clearly without showing the password', async () => {
			const wrong = 'wrongpassword0123456789abcdefghij';
			await assert.rejects( deploy( { apiUrl: wiki.api, username: credentials.username, password: wrong, log: quiet } ), ( error ) => {
				assert.match( error.message, /Login as Admin@deploy failed/ );
				assert.ok( !error.message.includes( wrong ) );
				return true;
			} );
		} );
	} );
}
