/**
 * How functions, values and failures travel as JSON (JSON-B): functions by class and method name plus their
 * captured values, values typed from the function's generic signature, failures with their remote stack
 * trace. Never Java serialization.
 */
package dev.processpool.internal.codec;
