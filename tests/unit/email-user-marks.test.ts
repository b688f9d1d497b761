import { distinctNames } from '../../src/gadgets/email-user-marks/logic';

QUnit.module( 'email-user-marks: reading a list', () => {
	QUnit.test( 'each user is asked about once, in the order the list shows them', ( assert ) => {
		const links = [ ' Bob ', 'Dave', 'Bob', 'Erin', 'Dave', '' ]
			.map( ( text ) => ( { textContent: text } ) as HTMLAnchorElement );
		assert.deepEqual( distinctNames( links ), [ 'Bob', 'Dave', 'Erin' ] );
	} );
} );
