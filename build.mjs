#!/usr/bin/env node
// Builds every gadget into gadgets/: Gadget-<name>.js (and .css), the definition block, and the
// description messages that deploy writes to a wiki.
//
//   node build.mjs                       build; warn when Gadgets-definition.txt is out of date
//   node build.mjs --update-definition   also rewrite the committed Gadgets-definition.txt
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
	listModules, renderDefinition, definitionDrift, definitionFile, es5Errors, compile, wrap,
	gadgetsDir, version, section, languages
} from './scripts/build/gadgets.mjs';
import { repoRoot } from './scripts/wiki/wikis.mjs';

const commit = spawnSync( 'git', [ 'rev-parse', '--short', 'HEAD' ], { encoding: 'utf8' } ).stdout.trim();

function readMessages( file ) {
	return existsSync( file ) ? JSON.parse( readFileSync( file, 'utf8' ) ) : {};
}

/**
 * The wiki pages that describe our gadgets in Special:Preferences and Special:Gadgets, in every
 * language we ship: MediaWiki:Gadget-<name>(/lang) and MediaWiki:Gadget-section-<section>(/lang).
 *
 * @param {Array} modules
 * @return {Object<string,string>} page title → text
 */
function descriptionPages( modules ) {
	const pages = {};
	for ( const language of languages ) {
		const suffix = language === 'en' ? '' : `/${ language }`;
		const shared = readMessages( path.join( repoRoot, `src/i18n/${ language }.json` ) );
		pages[ `MediaWiki:Gadget-section-${ section }${ suffix }` ] = shared[ 'section-title' ];
		for ( const module of modules ) {
			const messages = readMessages( path.join( repoRoot, `src/gadgets/${ module.folder }/i18n/${ language }.json` ) );
			pages[ `MediaWiki:Gadget-${ module.name }${ suffix }` ] = messages[ module.descriptionKey ];
		}
	}
	const missing = Object.keys( pages ).filter( ( title ) => !pages[ title ] );
	if ( missing.length ) {
		throw new Error( `Missing descriptions: ${ missing.join( ', ' ) }` );
	}
	return pages;
}

async function build() {
	const modules = listModules();
	rmSync( gadgetsDir, { recursive: true, force: true } );
	mkdirSync( gadgetsDir, { recursive: true } );
	for ( const module of modules ) {
		// Stubs load on every page view and ResourceLoader's minifier keeps names: they are minified
		// here. Panels stay readable for the admins who review what they install.
		const code = await compile( module.entry, { ACCOUNT_GADGETS_VERSION: version }, { minify: !module.options.hidden } );
		const errors = es5Errors( code );
		if ( errors.length ) {
			throw new Error( `${ module.name } is not ES5 after lowering: ${ errors.join( '; ' ) }` );
		}
		writeFileSync( path.join( gadgetsDir, `Gadget-${ module.name }.js` ), wrap( module.name, code, commit ) );
		if ( module.styles ) {
			writeFileSync( path.join( gadgetsDir, `Gadget-${ module.name }.css` ), wrap( module.name, readFileSync( module.styles, 'utf8' ), commit ) );
		}
	}
	const definition = renderDefinition( modules );
	writeFileSync( path.join( gadgetsDir, 'Gadgets-definition.txt' ), definition );
	writeFileSync( path.join( gadgetsDir, 'messages.json' ), JSON.stringify( descriptionPages( modules ), null, '\t' ) + '\n' );

	if ( process.argv.includes( '--update-definition' ) ) {
		writeFileSync( definitionFile, definition );
	} else {
		const committed = existsSync( definitionFile ) ? readFileSync( definitionFile, 'utf8' ) : '';
		if ( definitionDrift( committed, definition ).length ) {
			process.stderr.write( 'Gadgets-definition.txt is out of date: run `node build.mjs --update-definition` and commit it.\n' );
		}
	}
	process.stdout.write( `Built ${ modules.length } gadget modules into ${ path.relative( process.cwd(), gadgetsDir ) || '.' }/\n` );
}

await build();
