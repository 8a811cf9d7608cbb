/**
 * The app's version as the web build reports it. Electron reports its own from
 * package.json through the main process; a unit test keeps this one equal to it
 * (test/renderer/platform/app-version.test.ts), so bump both together.
 */
export const APP_NAME = 'Kata';
export const APP_VERSION = '0.1.0';
