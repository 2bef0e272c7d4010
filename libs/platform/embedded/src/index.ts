export * from './append-only-file';
export * from './data-directory';
export * from './data-directory-lock';
export * from './clone-json';
export * from './foreground-activity';
