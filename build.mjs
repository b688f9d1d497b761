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
	gadgetsDir, version, descriptionPages
} from './scripts/build/gadgets.mjs';

const commit = spawnSync( 'git', [ 'rev-parse', '--short', 'HEAD' ], { encoding: 'utf8' } ).stdout.trim();

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
