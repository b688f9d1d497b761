// The panels take their stylesheets in as text (esbuild's text loader in the build); the unit
// tests that load a panel's code do the same.
const { readFileSync } = require( 'node:fs' );
const Module = require( 'node:module' );

// eslint-disable-next-line no-underscore-dangle
Module._extensions[ '.css' ] = ( module, filename ) => {
	module.exports = readFileSync( filename, 'utf8' );
};
