/**
 * The channel between a pool and its worker: length-prefixed frames over a Unix domain socket that lives in
 * a directory only the owner can open.
 */
package dev.processpool.internal.channel;
