// The build's i18n folders as modules (see i18nFolders in scripts/build/gadgets.mjs): every
// language file of a folder by language code, so that no source file lists the languages.

/** `import files from 'i18n:./i18n'`: all messages of every language. */
declare module 'i18n:*' {
	const files: Record<string, Record<string, string>>;
	export default files;
}

/** `import labels from 'labels:./i18n'`: only the link labels (keys starting with `link-`). */
declare module 'labels:*' {
	const labels: Record<string, Record<string, string>>;
	export default labels;
}

/** A stylesheet imported as text (the build's `.css` loader). */
declare module '*.css' {
	const text: string;
	export default text;
}
