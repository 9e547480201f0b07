/** The package version, injected at build time (`scripts/build.mjs`). */
declare const __STUDY_VERSION__: string;
export const VERSION = typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : '0.0.0-dev';
