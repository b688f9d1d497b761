#!/usr/bin/env node
// Prints the figures our speed and size goals are about. Not a test: it reports, it does not judge.
//
//   npm run bench            sizes of every gadget's page-view stub and panel
//   npm run bench -- --wiki  also the figures measured in a browser on the local wikis
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { listModules, gadgetsDir, userScriptsDir, userScriptTools } from './build/gadgets.mjs';

/**
 * Minified (as ResourceLoader would serve it, UTF-8 kept) and gzipped size of a built file.
 *
 * @param {string} file
 * @return {Promise<{minified:number,gzipped:number}>}
 */
async function sizeOf( file ) {
	const code = readFileSync( file, 'utf8' );
	const minified = ( await esbuild.transform( code, { minify: true, charset: 'utf8', legalComments: 'none' } ) ).code;
	return { minified: Buffer.byteLength( minified ), gzipped: gzipSync( minified ).length };
}

async function sizes() {
	const rows = [];
	for ( const module of listModules() ) {
		const size = await sizeOf( path.join( gadgetsDir, `Gadget-${ module.name }.js` ) );
		rows.push( {
			gadget: module.folder,
			part: module.options.hidden ? 'panel (first use)' : 'stub (every page view)',
			'minified bytes': size.minified,
			'gzipped bytes': size.gzipped
		} );
	}
	console.log( 'Sizes of the built gadgets:' );
	console.table( rows );
}

/**
 * What a page view costs on the user-script route (the common.js line), next to the gadget stubs:
 * the loader, then either all tools in one file (the default) or the stubs of the tools chosen.
 */
async function userScriptSizes() {
	const gz = async ( file ) => ( await sizeOf( file ) ).gzipped;
	const loader = await gz( path.join( userScriptsDir, 'account-gadgets.js' ) );
	const rows = [];
	let gadgetTotal = 0;
	for ( const module of userScriptTools( listModules() ) ) {
		const gadget = await gz( path.join( gadgetsDir, `Gadget-${ module.name }.js` ) );
		gadgetTotal += gadget;
		rows.push( {
			'tools chosen': module.name,
			'gadget stub (gzipped)': gadget,
			'common.js route: loader + stub (gzipped)': loader + await gz( path.join( userScriptsDir, `account-gadgets-${ module.name }.js` ) )
		} );
	}
	const all = loader + await gz( path.join( userScriptsDir, 'account-gadgets-all.js' ) );
	rows.push( { 'tools chosen': 'all (the default)', 'gadget stub (gzipped)': gadgetTotal, 'common.js route: loader + stub (gzipped)': all } );
	console.log( 'Page-view bytes of the common.js route. Goals: each row no more than its gadget stubs plus the ' +
		`loader; the loader, which serves all tools together, ≤ 1536 gzipped (it is ${ loader }):` );
	console.table( rows );
}

await sizes();
await userScriptSizes();
if ( process.argv.includes( '--wiki' ) ) {
	const { measureOnWikis } = await import( './bench/requests.mjs' );
	await measureOnWikis();
}
