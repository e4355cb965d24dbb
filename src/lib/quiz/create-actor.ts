/**
 * XState's `createActor`, on its own: the adapter imports this module when the quiz starts, so
 * the interpreter loads with the machine instead of with the page.
 */
export { createActor } from 'xstate';
