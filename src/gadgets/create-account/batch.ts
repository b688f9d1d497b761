// Creating accounts in a batch, for event organisers: paste or upload `username, email` rows, see
// each row checked, then create them one by one with an emailed temporary password. The list and
// its progress live in session storage, so a reload loses nothing and creates nothing twice (see
// BatchRunner in logic.ts).
import { ApiClient } from '../../lib/api';
import { RenderedFields, renderAuthFields } from '../../lib/auth-fields';
import { MessageFunction } from '../../lib/messages';
import { Panel, stayOpen } from '../../lib/panel';
import { BatchRow, BatchRunner, BatchState, BatchStop, RowStatus, checkRows, mergeRows, parseRows } from './logic';

const storageKey = 'account-gadgets-create-batch';

const rowMessages: Record<RowStatus, string> = {
	unchecked: 'row-unchecked',
	ready: 'row-ready',
	taken: 'row-taken',
	invalid: 'row-invalid',
	'not-allowed': 'row-not-allowed',
	duplicate: 'row-duplicate',
	'bad-email': 'row-bad-email',
	creating: 'row-creating',
	created: 'row-created',
	failed: 'row-failed'
};

const store = {
	load: (): BatchState | null => {
		const stored = mw.storage.session.getObject( storageKey ) as BatchState | null;
		return stored && Array.isArray( stored.rows ) ? stored : null;
	},
	save: ( state: BatchState ): void => {
		mw.storage.session.setObject( storageKey, state );
	}
};

function rowsText( rows: BatchRow[] ): string {
	return rows.map( ( row ) => `${ row.username }, ${ row.email }` ).join( '\n' );
}

/**
 * Opens the batch panel, with the list and progress of a batch begun earlier in this tab.
 *
 * @param api
 * @param msg
 */
export function openBatch( api: ApiClient, msg: MessageFunction ): void {
	const saved = store.load();
	const runner = new BatchRunner( {
		api,
		store,
		creator: mw.config.get( 'wgUserName' ) as string,
		returnUrl: location.href,
		onChange: () => drawRows()
	}, saved || { rows: [], reason: '' } );
	let running = false;
	let extra: RenderedFields | null = null;

	const accounts = new OO.ui.MultilineTextInputWidget( { rows: 6, value: saved ? rowsText( saved.rows ) : '' } );
	const reason = new OO.ui.TextInputWidget( { value: saved ? saved.reason : '' } );
	const file = document.createElement( 'input' );
	file.type = 'file';
	file.accept = '.csv,.txt,text/csv,text/plain';
	file.id = 'account-gadgets-batch-file';
	const fileLabel = document.createElement( 'label' );
	fileLabel.htmlFor = file.id;
	fileLabel.textContent = msg( 'batch-file-label' ).text();
	const progress = new OO.ui.ProgressBarWidget( { progress: 0 } );
	const summary = document.createElement( 'p' );
	summary.setAttribute( 'role', 'status' );
	// The bar is named by the sentence under it ("2 of 5 accounts created").
	summary.id = 'account-gadgets-batch-summary';
	progress.$element.attr( 'aria-labelledby', summary.id );
	const table = document.createElement( 'table' );
	table.className = 'wikitable account-gadgets-batch';
	const extraArea = document.createElement( 'div' );
	const pause = new OO.ui.ButtonWidget( { label: msg( 'batch-pause' ).text() } );
	const stop = new OO.ui.ButtonWidget( { label: msg( 'batch-stop' ).text() } );
	const retry = new OO.ui.ButtonWidget( { label: msg( 'batch-retry' ).text() } );
	let stopping = false;

	const count = ( status: string ): number => runner.state.rows.filter( ( row ) => row.status === status ).length;

	function drawRows(): void {
		const { rows } = runner.state;
		table.textContent = '';
		const head = table.insertRow();
		for ( const key of [ 'batch-column-user', 'batch-column-email', 'batch-column-result' ] ) {
			const cell = document.createElement( 'th' );
			cell.textContent = msg( key ).text();
			head.appendChild( cell );
		}
		for ( const row of rows ) {
			const line = table.insertRow();
			line.setAttribute( 'data-status', row.status );
			line.insertCell().textContent = row.username;
			line.insertCell().textContent = row.email;
			const result = line.insertCell();
			result.textContent = msg( rowMessages[ row.status ] ).text();
			if ( row.html ) {
				// The wiki's own reason, in the user's language.
				$( result ).append( ' ', $( '<span>' ).html( row.html ) );
			}
		}
		const created = count( 'created' );
		const toCreate = created + count( 'ready' ) + count( 'creating' ) + count( 'failed' );
		progress.setProgress( toCreate ? Math.round( 100 * created / toCreate ) : 0 );
		summary.textContent = msg( 'batch-progress', created, toCreate ).text();
		pause.toggle( running );
		stop.toggle( running );
		retry.toggle( !running && count( 'failed' ) > 0 );
	}

	let checking: Promise<void> = Promise.resolve();
	let checkTimer: ReturnType<typeof setTimeout> | null = null;
	function recheckList(): void {
		if ( checkTimer ) {
			clearTimeout( checkTimer );
		}
		checkTimer = setTimeout( () => {
			const rows = mergeRows( runner.state.rows, parseRows( accounts.getValue() ) );
			checking = checkRows( api, rows ).then( ( checked ) => {
				runner.state = { rows: checked, reason: reason.getValue() };
				store.save( runner.state );
				drawRows();
			}, () => {
				summary.textContent = msg( 'batch-network' ).text();
			} );
		}, 300 );
	}
	accounts.on( 'change', recheckList );
	reason.on( 'change', () => {
		runner.state.reason = reason.getValue();
		store.save( runner.state );
	} );
	file.addEventListener( 'change', () => {
		const chosen = file.files && file.files[ 0 ];
		if ( chosen ) {
			chosen.text().then( ( text ) => accounts.setValue( text ) );
		}
	} );

	const panel = new Panel( {
		title: msg( 'title-batch' ).text(),
		submitLabel: msg( 'batch-start' ).text(),
		// The list is kept in session storage: closing loses nothing.
		isDirty: () => false,
		initialFocus: () => accounts,
		submit: () => {
			if ( extra ) {
				runner.provide( extra.values() );
			}
			if ( checkTimer ) {
				// Still to be checked: check now, then start.
				clearTimeout( checkTimer );
				checkTimer = null;
				recheckList();
			}
			return checking.then( () => {
				if ( !count( 'ready' ) && !count( 'creating' ) ) {
					throw paragraphOf( msg( 'batch-none-ready' ).text() );
				}
				running = true;
				drawRows();
				return runner.run();
			} ).then( ( outcome ) => {
				running = false;
				drawRows();
				return showStop( outcome );
			}, ( problem: unknown ) => {
				running = false;
				drawRows();
				throw problem;
			} );
		}
	}, msg );

	function paragraphOf( text: string, html = '' ): HTMLElement {
		const node = document.createElement( 'p' );
		node.textContent = text;
		if ( html ) {
			$( node ).append( ' ', $( '<span>' ).html( html ) );
		}
		return node;
	}

	function showStop( outcome: BatchStop ): typeof stayOpen {
		extraArea.textContent = '';
		if ( extra ) {
			extra.dispose();
			extra = null;
		}
		panel.update( { submitLabel: msg( 'batch-continue' ).text() } );
		if ( outcome.why === 'needs-more' ) {
			const fields = renderAuthFields( outcome.fields, {
				msg, api, passwordContext: () => ( {} ), onSubmit: () => panel.submit()
			} );
			extra = fields;
			extraArea.appendChild( paragraphOf( msg( 'batch-needs-more' ).text(), outcome.html ) );
			extraArea.appendChild( fields.element );
			const first = fields.first();
			if ( first ) {
				first.focus();
			}
		} else if ( outcome.why === 'throttled' ) {
			panel.showError( paragraphOf( msg( 'batch-throttled' ).text(), outcome.html ) );
		} else if ( outcome.why === 'network' ) {
			panel.showError( paragraphOf( msg( 'batch-network' ).text() ) );
		} else if ( outcome.why === 'paused' ) {
			extraArea.appendChild( paragraphOf( msg( stopping ? 'batch-stopped' : 'batch-paused' ).text() ) );
		} else {
			panel.update( { submitLabel: msg( 'batch-start' ).text() } );
		}
		return stayOpen;
	}

	pause.on( 'click', () => {
		stopping = false;
		runner.pause();
	} );
	stop.on( 'click', () => {
		// The rows not yet created stay listed, and the batch can be continued or closed.
		stopping = true;
		runner.pause();
	} );
	retry.on( 'click', () => {
		runner.recheck( true ).then( () => panel.submit() );
	} );

	const form = document.createElement( 'div' );
	form.appendChild( paragraphOf( msg( 'batch-intro' ).text() ) );
	form.appendChild( new OO.ui.FieldLayout( accounts, { label: msg( 'batch-accounts-label' ).text(), align: 'top' } ).$element[ 0 ] );
	const fileLine = document.createElement( 'p' );
	fileLine.append( fileLabel, ' ', file );
	form.appendChild( fileLine );
	form.appendChild( new OO.ui.FieldLayout( reason, { label: msg( 'batch-reason-label' ).text(), align: 'top' } ).$element[ 0 ] );
	form.appendChild( extraArea );
	form.appendChild( progress.$element[ 0 ] );
	form.appendChild( summary );
	const buttons = document.createElement( 'p' );
	buttons.append( pause.$element[ 0 ], stop.$element[ 0 ], retry.$element[ 0 ] );
	form.appendChild( buttons );
	form.appendChild( table );

	panel.open();
	panel.showForm( form );
	drawRows();
	if ( saved ) {
		// A batch begun before a reload: what was being created is looked up, never sent again.
		runner.recheck().then( () => {
			panel.update( { submitLabel: msg( 'batch-continue' ).text() } );
		} );
	}
}
