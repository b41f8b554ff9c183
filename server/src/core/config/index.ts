/** Rule profiles and the project file `.avvrc.json`. */
export * from './profiles.js';
